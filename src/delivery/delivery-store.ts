import type { Dialect, Orm } from '../db/database';
import type { AttemptResult, DeliveryJob } from './job';
import { describeOutcome, errorKindOf } from './outcome';
import { boolParam, dateParam, placeholders, readDate, readJson } from './sql-values';

type Row = Record<string, unknown>;

// A disabled hook's waiting deliveries get no due time, so claims do not keep scanning past
// them; deliveries in flight (locked) finish first and are left alone.
const PARK_SQL = `update deliveries set next_attempt_at = null
  where hook_id = ? and status in ('PENDING', 'RETRYING') and locked_by is null`;
const RESUME_SQL = `update deliveries set next_attempt_at = ?
  where hook_id = ? and status in ('PENDING', 'RETRYING') and next_attempt_at is null`;

/**
 * The queue's SQL. The `deliveries` table is the queue: `next_attempt_at` is when a row is
 * next claimable. Claiming sets it to the end of the lease, so a worker that dies simply
 * lets the row come due again; finishing sets it to the next retry, or null when final.
 */
export class DeliveryStore {
  constructor(
    private readonly orm: Orm,
    private readonly dialect: Dialect,
  ) {}

  /**
   * Claims up to `limit` due deliveries of enabled hooks for `workerId`, skipping hooks in
   * `excludeHookIds` (those already at their concurrency limit here), in one statement.
   * On PostgreSQL, `FOR UPDATE SKIP LOCKED` lets workers claim side by side without waiting
   * on or double-claiming each other's rows; SQLite has a single writer.
   */
  async claim(options: { workerId: string; limit: number; leaseMs: number; now: Date; excludeHookIds: string[] }): Promise<DeliveryJob[]> {
    const { workerId, limit, leaseMs, now, excludeHookIds } = options;
    const leaseEnd = new Date(now.getTime() + leaseMs);
    const exclude = excludeHookIds.length ? `and d.hook_id not in (${placeholders(excludeHookIds.length)})` : '';
    const lock = this.dialect === 'postgres' ? 'for update of d skip locked' : '';
    const claimed = await this.execute(
      `update deliveries set locked_by = ?, locked_until = ?, next_attempt_at = ?
       where id in (
         select d.id from deliveries d
         where d.next_attempt_at <= ? ${exclude}
           and exists (select 1 from hooks h where h.id = d.hook_id and h.enabled = ?)
         order by d.next_attempt_at limit ? ${lock})
       returning id`,
      [workerId, this.date(leaseEnd), this.date(leaseEnd), this.date(now), ...excludeHookIds, boolParam(this.dialect, true), limit],
    );
    if (claimed.length === 0) return [];
    return this.loadJobs(claimed.map((row) => String(row.id)));
  }

  /** Reads the event and hook of each claimed delivery. */
  private async loadJobs(ids: string[]): Promise<DeliveryJob[]> {
    const rows = await this.execute(
      `select d.id, d.event_id, d.hook_id, d.event_type, d.attempt_count, e.payload, e.created_at as event_created_at,
              h.url, h.headers, h.signing_key, h.retired_signing_keys
       from deliveries d join events e on e.id = d.event_id join hooks h on h.id = d.hook_id
       where d.id in (${placeholders(ids.length)})`,
      ids,
    );
    return rows.map((row) => ({
      deliveryId: String(row.id),
      eventId: String(row.event_id),
      eventType: String(row.event_type),
      eventCreatedAt: readDate(row.event_created_at) as Date,
      payload: readJson(row.payload),
      hookId: String(row.hook_id),
      url: String(row.url),
      headers: readJson(row.headers),
      signingKey: String(row.signing_key),
      retiredSigningKeys: readJson(row.retired_signing_keys),
      attemptCount: Number(row.attempt_count),
    }));
  }

  /**
   * Records finished attempts and moves their deliveries on, all in one transaction (a
   * group commit: one fsync for many attempts). A delivery whose lease another worker has
   * since taken over is left to that worker; the attempt is recorded all the same.
   */
  async complete(results: readonly AttemptResult[], workerId: string, now: Date): Promise<void> {
    if (results.length === 0) return;
    await this.orm.em.fork().transactional(async (em) => {
      const run = (sql: string, params: unknown[]) =>
        em.getConnection().execute(sql, params, 'run', em.getTransactionContext());
      const columns = 15;
      await run(
        `insert into delivery_attempts (id, delivery_id, hook_id, number, trigger, started_at, duration_ms, request_url,
           request_headers, request_body, succeeded, response_status, response_body, error_kind, error_message)
         values ${results.map(() => `(${placeholders(columns)})`).join(', ')}`,
        results.flatMap((result) => this.attemptRow(result)),
      );
      for (const result of results) {
        const { next, outcome } = result;
        await run(
          `update deliveries set status = ?, attempt_count = ?, next_attempt_at = ?, locked_by = null, locked_until = null,
             last_error = ?, updated_at = ? where id = ? and locked_by = ?`,
          [
            next.status,
            result.number,
            next.status === 'RETRYING' ? this.date(next.at) : null,
            outcome.kind === 'success' ? null : describeOutcome(outcome),
            this.date(now),
            result.job.deliveryId,
            workerId,
          ],
        );
        if (result.disableHookReason) {
          await run('update hooks set enabled = ?, disabled_at = ?, disabled_reason = ?, updated_at = ? where id = ?', [
            boolParam(this.dialect, false),
            this.date(now),
            result.disableHookReason,
            this.date(now),
            result.job.hookId,
          ]);
          await run(PARK_SQL, [result.job.hookId]);
        }
      }
    });
  }

  private attemptRow(result: AttemptResult): unknown[] {
    const { outcome } = result;
    const status = outcome.kind === 'success' || outcome.kind === 'http-error' ? outcome.status : null;
    const body = outcome.kind === 'success' || outcome.kind === 'http-error' ? outcome.body : null;
    return [
      result.attemptId,
      result.job.deliveryId,
      result.job.hookId,
      result.number,
      result.trigger,
      this.date(result.startedAt),
      result.durationMs,
      result.request.url,
      JSON.stringify(result.request.headers),
      result.request.body,
      boolParam(this.dialect, outcome.kind === 'success'),
      status,
      body,
      errorKindOf(outcome),
      outcome.kind === 'success' ? null : describeOutcome(outcome),
    ];
  }

  /** Takes a disabled hook's waiting deliveries off the queue. */
  async park(hookId: string): Promise<void> {
    await this.execute(PARK_SQL, [hookId], 'run');
  }

  /** Puts a re-enabled hook's parked deliveries back on the queue, due now. */
  async resume(hookId: string, now: Date): Promise<void> {
    await this.execute(RESUME_SQL, [this.date(now), hookId], 'run');
  }

  /** Gives back claimed deliveries that were not attempted (shutdown, or over a hook's limit). */
  async release(deliveryIds: readonly string[], workerId: string, now: Date): Promise<void> {
    if (deliveryIds.length === 0) return;
    await this.execute(
      `update deliveries set locked_by = null, locked_until = null, next_attempt_at = ?
       where id in (${placeholders(deliveryIds.length)}) and locked_by = ?`,
      [this.date(now), ...deliveryIds, workerId],
      'run',
    );
  }

  private date(date: Date): number | Date {
    return dateParam(this.dialect, date);
  }

  private async execute(sql: string, params: unknown[], method: 'all' | 'run' = 'all'): Promise<Row[]> {
    return this.orm.em.getConnection().execute(sql, params, method);
  }
}
