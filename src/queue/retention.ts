import { sqlDialect } from '../db/dialect';
import type { Sql } from '../db/sql';
import type { Clock } from '../delivery/clock';
import type { LogPort } from '../logger';
import { OPEN } from '../db/tables/delivery-status';

/** What one retention pass deleted. */
export interface RetentionCounts {
  /** Events deleted; their deliveries and those deliveries' attempts went with them (foreign-key cascade). */
  events: number;
  /** Attempts deleted for their own age, from deliveries that remain. */
  attempts: number;
}

/** How the sweeper runs; `retentionMs` comes from `HOOKWIRE_RETENTION`, the rest has defaults. */
export interface RetentionOptions {
  sql: Sql;
  retentionMs: number;
  clock: Clock;
  logger: LogPort;
  /** Time between passes. Default 5 minutes. */
  intervalMs?: number;
  /** Time from `start()` to the first pass. Default 30 seconds. */
  initialDelayMs?: number;
  /** Rows deleted per statement. Default 500. */
  batchSize?: number;
  /** Pause between two statements. Default 100 ms. */
  pauseMs?: number;
}

// Each statement deletes one bounded batch: SQLite has no DELETE … LIMIT by default, hence the
// subquery; and no RETURNING, so each reports only the number of rows it deleted.
// Neither date column is indexed on its own, but old rows were inserted first, so a scan meets
// them early and the LIMIT ends it soon.
const ATTEMPTS_SQL = `delete from delivery_attempts where id in (
    select id from delivery_attempts where started_at < ? limit ?)`;
// An event with a delivery still to send is kept: deleting it would cascade to that delivery.
const EVENTS_SQL = `delete from events where id in (
    select e.id from events e
    where e.created_at < ?
      and not exists (select 1 from deliveries d where d.event_id = e.id and d.status in (${OPEN}))
    limit ?)`;

/**
 * Deletes events and delivery attempts older than the retention period, a small batch per
 * statement with a pause between, so the dispatcher's claims and writes (SQLite's single
 * writer above all) are never held up for long. Several processes may sweep at once: a row
 * deleted by one is simply not found by the other.
 */
export class RetentionSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  private readonly batchSize: number;
  private readonly pauseMs: number;

  constructor(private readonly options: RetentionOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.pauseMs = options.pauseMs ?? 100;
  }

  /** Runs a pass after the initial delay, then one every interval, until `stop()`. */
  start(): void {
    if (this.timer || this.running || this.stopping) return;
    this.schedule(this.options.initialDelayMs ?? 30_000);
  }

  /** Cancels the next pass and waits for a running one to finish its current batch. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Deletes everything older than `now` minus the retention period; resolves with the counts. */
  async runOnce(now: Date): Promise<RetentionCounts> {
    const cutoff = sqlDialect(this.options.sql.dialect).date(new Date(now.getTime() - this.options.retentionMs));
    // Attempts first: an event then only takes along attempts younger than the cutoff,
    // which keeps each cascading delete small.
    const attempts = await this.deleteInBatches(ATTEMPTS_SQL, cutoff);
    const events = await this.deleteInBatches(EVENTS_SQL, cutoff);
    return { events, attempts };
  }

  private async deleteInBatches(sql: string, cutoff: number | Date): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await this.options.sql.run(sql, [cutoff, this.batchSize]);
      total += deleted;
      if (deleted < this.batchSize || this.stopping) return total;
      await new Promise((resolve) => setTimeout(resolve, this.pauseMs));
    }
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.sweep().finally(() => {
        this.running = undefined;
        if (!this.stopping) this.schedule(this.options.intervalMs ?? 5 * 60_000);
      });
    }, delayMs);
    // The sweep is housekeeping: it must never keep a process alive on its own.
    this.timer.unref();
  }

  private async sweep(): Promise<void> {
    const { logger, clock } = this.options;
    try {
      const counts = await this.runOnce(clock.now());
      if (counts.events > 0 || counts.attempts > 0) logger.info({ ...counts }, 'retention deleted old events and attempts');
    } catch (error) {
      logger.error({ err: error }, 'retention pass failed; it runs again at the next interval');
    }
  }
}
