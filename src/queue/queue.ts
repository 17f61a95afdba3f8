import { sqlDialect } from '../db/dialect';
import type { Sql } from '../db/sql';
import type { AttemptResult, DeliveryJob } from '../delivery/job';
import type { ClaimRequest, Completed, DueHook, WorkQueue } from '../delivery/work-queue';
import * as admin from './admin';
import { claimForHook, dueHooks } from './claim';
import { complete } from './complete';
import { enqueueWithEvents, type EnqueueOptions, type FanOut, type QueuedEvent } from './enqueue';
import type { DisablePolicy } from './hook-health';
import { storedOutcome } from './hook-streaks';
import { recordedAttempts } from './record-attempts';
import type { QueueDb, Statement } from './rows';
import { attemptCounts, firstAttemptsWaiting, snapshot, type AttemptCounts, type QueueSnapshot } from './stats';

/**
 * The delivery queue: the `deliveries` table, with the attempts recorded against it. A row's
 * `next_attempt_at` is when it is next claimable: claiming sets it to the end of the lease, so
 * a worker that dies simply lets the row come due again; finishing sets it to the next retry,
 * or null when final. Every statement on the two tables is in this folder, one operation per
 * file; this class hands them the database. The engine sees it as its `WorkQueue`; feature
 * folders see the few methods they call.
 */
export class Queue implements WorkQueue {
  private readonly db: QueueDb;

  constructor(
    sql: Sql,
    /** When failing hooks are disabled (`complete` applies it). */
    private readonly disablePolicy: DisablePolicy,
  ) {
    this.db = { sql, dialect: sqlDialect(sql.dialect) };
  }

  /** Writes events (`eventsInsert`) and their deliveries, atomically (see `enqueueWithEvents`). */
  enqueueWithEvents(eventsInsert: Statement, events: readonly QueuedEvent[], options: EnqueueOptions): Promise<FanOut> {
    return enqueueWithEvents(this.db, eventsInsert, events, options);
  }

  dueHooks(now: Date): Promise<DueHook[]> {
    return dueHooks(this.db, now);
  }

  claimForHook(request: ClaimRequest): Promise<DeliveryJob[]> {
    return claimForHook(this.db, request);
  }

  complete(results: readonly AttemptResult[], workerId: string, now: Date): Promise<Completed> {
    return complete(this.db, this.disablePolicy, results, workerId, now);
  }

  recordedAttempts(results: readonly AttemptResult[]): Promise<Set<string>> {
    return recordedAttempts(this.db, results);
  }

  storedOutcome(results: readonly AttemptResult[], now: Date): Promise<Completed> {
    return storedOutcome(this.db, results, now);
  }

  release(deliveryIds: readonly string[], workerId: string, now: Date): Promise<void> {
    return admin.release(this.db, deliveryIds, workerId, now);
  }

  /** Takes a disabled hook's waiting deliveries off the queue. */
  park(hookId: string): Promise<void> {
    return admin.park(this.db, hookId);
  }

  /** Puts a re-enabled hook's parked deliveries back on the queue, due at `now`. */
  resume(hookId: string, now: Date): Promise<void> {
    return admin.resume(this.db, hookId, now);
  }

  /** A new round of attempts for one delivery, due at `now`; refused while an attempt is in flight. */
  redeliver(deliveryId: string, now: Date): Promise<'queued' | 'in-flight'> {
    return admin.redeliver(this.db, deliveryId, now);
  }

  /** A new round for a hook's FAILED and SKIPPED deliveries created in [since, until]; returns how many. */
  recover(hookId: string, since: Date, until: Date, now: Date): Promise<number> {
    return admin.recover(this.db, hookId, since, until, now);
  }

  /** A delivery of an existing event to a hook, queued unless the hook has one already. */
  replay(event: Pick<QueuedEvent, 'id' | 'type'>, hookId: string, now: Date): Promise<admin.Replayed> {
    return admin.replay(this.db, event, hookId, now);
  }

  /** The queue's gauges as of `now`. */
  snapshot(now: Date): Promise<QueueSnapshot> {
    return snapshot(this.db, now);
  }

  /** Each hook's attempts since `since`, and its successful ones (hooks without attempts left out). */
  attemptCounts(hookIds: readonly string[], since: Date): Promise<Map<string, AttemptCounts>> {
    return attemptCounts(this.db, hookIds, since);
  }

  /** How many deliveries of an event still wait for their first attempt. */
  firstAttemptsWaiting(eventId: string): Promise<number> {
    return firstAttemptsWaiting(this.db, eventId);
  }
}
