import type { LogPort } from '../logger';
import { GroupCommit } from '../util/group-commit';
import type { AttemptEventHub } from './attempt-events';
import { ERROR_BACKOFF_MS } from './backoff';
import type { Clock } from './clock';
import { DeliveryLog, type OutageReporter } from './delivery-log';
import type { AttemptResult } from './job';
import { operationalEventsOf } from './operational-events';
import type { Completed, WorkQueue } from './work-queue';

// How long the first finished attempt waits for others to share its transaction. Longer
// groups write fewer pages per attempt (a 2 ms wait cost ~10% more CPU per delivery in the
// batch benchmark); the delivery stays leased meanwhile, so nothing else waits on it.
export const RECORD_LINGER_MS = 10;
// The most attempts one transaction records.
const MAX_BATCH = 500;

/** What a recorder writes with and whom it tells. */
export interface RecorderOptions {
  queue: Pick<WorkQueue, 'complete' | 'recordedAttempts' | 'storedOutcome'>;
  workerId: string;
  clock: Clock;
  logger: LogPort;
  /** Told of database failures: those that mean an outage are logged there, once per outage. */
  outage?: OutageReporter;
  events: AttemptEventHub;
  /**
   * Told after each batch, before its events go out: `completed` is what storing it did, or
   * undefined when it could not be stored (its deliveries come due again after their leases).
   */
  settled(batch: readonly AttemptResult[], completed: Completed | undefined): void;
}

/**
 * Records finished attempts in groups: the first waits a moment (RECORD_LINGER_MS) for
 * others, and any that arrive while a group commits go in the next one, so one transaction
 * records many attempts and a busy worker keeps its slots sending. A failed write is tried
 * again with backoff, leaving out what it had stored after all (its answer may have been lost).
 */
export class ResultRecorder {
  private readonly commit: GroupCommit<AttemptResult, void>;
  private readonly log: DeliveryLog;

  constructor(private readonly options: RecorderOptions) {
    this.commit = new GroupCommit((batch) => this.write(batch), { maxBatch: MAX_BATCH, lingerMs: RECORD_LINGER_MS });
    this.log = new DeliveryLog(options.logger, () => options.clock.now().getTime());
  }

  /** Results waiting for a write (they hold their worker slots meanwhile). */
  get waiting(): number {
    return this.commit.waiting;
  }

  /** Queues a result. An ordered hook waits for this write before its next delivery: no lingering for company. */
  add(result: AttemptResult): void {
    this.commit.add(result, result.job.ordered);
  }

  /** Writes every result still waiting (shutdown). */
  flush(): Promise<void> {
    return this.commit.flush();
  }

  private async write(batch: AttemptResult[]): Promise<void> {
    const completed = await this.store(batch);
    this.options.settled(batch, completed);
    if (!completed) return;
    const { events } = this.options;
    this.log.recorded(batch, completed);
    for (const result of batch) events.attemptRecorded(result);
    if (!events.wantsOperational) return;
    const operational = operationalEventsOf(batch, completed.disabled);
    if (operational.length === 0) return;
    await events.operationalEvents(operational).catch((error) => {
      if (!this.reportOutage(error)) this.options.logger.error({ err: error }, 'could not emit operational events');
    });
  }

  /** Stores the batch, retrying with backoff; undefined once it gives up. */
  private async store(batch: AttemptResult[]): Promise<Completed | undefined> {
    const { queue, workerId, clock, logger } = this.options;
    // One time for every try: a retry reads back what a committed try did by it.
    const now = clock.now();
    for (let attempt = 0; ; attempt++) {
      try {
        if (attempt === 0) return await queue.complete(batch, workerId, now);
        // After a failure the write may still have been committed (its answer lost): leave out
        // what it stored, and take what it did to their hooks from the database.
        const recorded = await queue.recordedAttempts(batch);
        if (recorded.size === 0) return await queue.complete(batch, workerId, now);
        const stored = await queue.storedOutcome(batch.filter((result) => recorded.has(result.attemptId)), now);
        const rest = await queue.complete(batch.filter((result) => !recorded.has(result.attemptId)), workerId, now);
        return { disabled: [...stored.disabled, ...rest.disabled], recovered: [...stored.recovered, ...rest.recovered] };
      } catch (error) {
        // The attempts happened; keep trying to record them. If this process dies first,
        // the leases run out and the deliveries are sent again: at-least-once.
        const unavailable = this.reportOutage(error);
        if (attempt >= ERROR_BACKOFF_MS.length) {
          // Said even during an outage (without the stack): these attempts will be made again.
          logger.error({ err: unavailable ? undefined : error, count: batch.length }, 'could not record attempts; their deliveries will be retried after the lease');
          return undefined;
        }
        if (!unavailable) logger.warn({ err: error }, 'recording attempts failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, ERROR_BACKOFF_MS[attempt]));
      }
    }
  }

  private reportOutage(error: unknown): boolean {
    return this.options.outage?.report(error, 'worker') ?? false;
  }
}
