import type { Dialect } from '../db/database';
import type { Row, Sql, SqlSession } from '../db/sql';
import { shouldDisable, summarizeHealth, type DisablePolicy, type HealthChange } from './hook-health';
import { HOOK_TARGET_COLUMNS, hookTargetFromRow, readRateLimit, type HookTarget } from './hook-target';
import type { AttemptResult, DeliveryJob, DisabledHook } from './job';
import { describeOutcome, errorKindOf, responseOf } from './outcome';
import type { ClaimRequest, Completed, DueHook, RecoveredHook, WorkQueue } from './work-queue';
import { boolParam, dateParam, placeholders, readBoolean, readDate, readJsonText } from './sql-values';


interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * Ending the streaks of hooks that only succeeded (see `streaksEnd`): `sql` (PostgreSQL) ends
 * them and returns those it ended; on SQLite `select` reads them and `endStreaks` resets them.
 */
interface StreakStatements extends Statement {
  /** The hooks that only succeeded. */
  ids: string[];
  /** SQLite: reads the streaks to end (with `params`). */
  select: string;
}

const STREAK_RESET = 'update hooks set failing_since = null, consecutive_failures = 0';

function readRecovered(row: Row): RecoveredHook {
  return { hookId: String(row.hook_id), failures: Number(row.failures), failingSince: readDate(row.was_failing_since) };
}

// A disabled hook's waiting deliveries get no due time, so claims do not keep scanning past
// them; deliveries in flight (locked) finish first and are left alone.
const PARK_SQL = `update deliveries set next_attempt_at = null
  where hook_id = ? and status in ('PENDING', 'RETRYING') and locked_by is null`;
// An ordered hook's barrier: its oldest open delivery that is not due yet (leased to a worker
// or waiting for a retry). Only due deliveries older than it are claimable, in event order:
// the run from the head up to the first one that must wait. The worker sends them one at a
// time, each once the one before is recorded, so a failing head holds the rest back. Parked
// rows (no due time) need not be looked for, which would scan every finished row of the hook:
// only a disabled hook has them, and enabling it makes them all due again.
// Uncorrelated, so the database computes it once per claim, not once per candidate row (as a
// joined subquery, PostgreSQL ran it per row: 170 ms for 1,000 due deliveries).
const ORDERED_BARRIER_SQL = `select min(o.event_id) from deliveries o
  where o.hook_id = ? and o.status in ('PENDING', 'RETRYING') and o.next_attempt_at > ?`;
// A new round of attempts, due now: the retry schedule starts over, the first attempt is MANUAL.
const NEW_ROUND = `status = 'PENDING', next_attempt_at = ?, round_offset = attempt_count, next_trigger = 'MANUAL',
  locked_by = null, locked_until = null, updated_at = ?`;
const RESUME_SQL = `update deliveries set next_attempt_at = ?
  where hook_id = ? and status in ('PENDING', 'RETRYING') and next_attempt_at is null`;

/**
 * The queue's SQL. The `deliveries` table is the queue: `next_attempt_at` is when a row is
 * next claimable. Claiming sets it to the end of the lease, so a worker that dies simply
 * lets the row come due again; finishing sets it to the next retry, or null when final.
 */
export class DeliveryStore implements WorkQueue {
  private readonly dialect: Dialect;

  constructor(
    private readonly sql: Sql,
    private readonly disablePolicy: DisablePolicy,
  ) {
    this.dialect = sql.dialect;
  }

  /**
   * The enabled hooks with at least one delivery due now. One index probe per hook
   * (deliveries by hook and due time), so it costs the same whatever the backlog.
   */
  async dueHooks(now: Date): Promise<DueHook[]> {
    const rows = await this.sql.all(
      `select h.id, h.rate_limit, h.ordered from hooks h
       where h.enabled = ? and exists (select 1 from deliveries d where d.hook_id = h.id and d.next_attempt_at <= ?)`,
      [boolParam(this.dialect, true), this.date(now)],
    );
    return rows.map((row) => ({
      hookId: String(row.id),
      rateLimit: readRateLimit(row.rate_limit),
      ordered: readBoolean(row.ordered),
    }));
  }

  /**
   * Claims up to `limit` due deliveries of one hook for `workerId`, oldest due first, in one
   * statement, leasing them until `now + leaseMs`. On PostgreSQL `FOR UPDATE SKIP LOCKED`
   * lets workers claim side by side without waiting on or double-claiming each other's
   * rows; SQLite has a single writer. An ordered hook yields the due run from its head, in
   * event order (see ORDERED_BARRIER_SQL).
   */
  async claimForHook(options: ClaimRequest): Promise<DeliveryJob[]> {
    const { hookId, ordered, workerId, limit, leaseMs, now } = options;
    const leaseEnd = new Date(now.getTime() + leaseMs);
    const postgres = this.dialect === 'postgres';
    const lock = postgres ? 'for update skip locked' : '';
    // No barrier (null) lets the whole due run through.
    const beforeBarrier = ordered ? `and d.status in ('PENDING', 'RETRYING') and coalesce(d.event_id < (${ORDERED_BARRIER_SQL}), ${boolParam(this.dialect, true)})` : '';
    const claim = `update deliveries set locked_by = ?, locked_until = ?, next_attempt_at = ?
       where id in (
         select d.id from deliveries d
         where d.hook_id = ? and d.next_attempt_at <= ? ${beforeBarrier}
         order by ${ordered ? 'd.event_id, d.id' : 'd.next_attempt_at'} limit ? ${lock})
       and exists (select 1 from hooks h where h.id = deliveries.hook_id and h.enabled = ?)
       returning id`;
    const params = [
      workerId,
      this.date(leaseEnd),
      this.date(leaseEnd),
      hookId,
      this.date(now),
      ...(ordered ? [hookId, this.date(now)] : []),
      limit,
      boolParam(this.dialect, true),
    ];
    const claimed = postgres
      ? await this.sql.transaction(async (tx) => {
          // Two workers claiming one ordered hook at once would each see the other's rows as
          // still due and skip them as locked, taking the run after them: the hook's row lock
          // lets one claim at a time (the other finds nothing, as if the run were leased).
          // NO KEY UPDATE, so emits inserting deliveries (a KEY SHARE on the hook) never wait.
          if (ordered && (await tx.all('select id from hooks where id = ? for no key update skip locked', [hookId])).length === 0) return [];
          // A queue that grew fast has statistics that say it is nearly empty (autovacuum
          // analyzes it a minute or more later), and with them PostgreSQL reads every due row
          // through a bitmap scan and sorts them: 70 ms for 200,000, at every claim. Without
          // bitmap scans it walks the (hook_id, next_attempt_at) index to the limit: 0.5–4 ms.
          await tx.run('set local enable_bitmapscan = off');
          return tx.all(claim, params);
        })
      : await this.sql.all(claim, params);
    if (claimed.length === 0) return [];
    return this.loadJobs(claimed.map((row) => String(row.id)));
  }

  /** Reads the event and hook of each claimed delivery, in event order (an ordered hook sends them so). */
  private async loadJobs(ids: string[]): Promise<DeliveryJob[]> {
    const rows = await this.sql.all(
      `select d.id, d.event_id, d.hook_id, d.event_type, d.attempt_count, d.round_offset, d.next_trigger,
              e.payload, e.created_at as event_created_at, ${HOOK_TARGET_COLUMNS}
       from deliveries d join events e on e.id = d.event_id join hooks h on h.id = d.hook_id
       where d.id in (${placeholders(ids.length)}) order by d.event_id, d.id`,
      ids,
    );
    // A claim is one hook's: its headers and keys are parsed once, not once per delivery.
    const targets = new Map<string, HookTarget>();
    return rows.map((row) => {
      const hookId = String(row.hook_id);
      let target = targets.get(hookId);
      if (!target) targets.set(hookId, (target = hookTargetFromRow(hookId, row)));
      return {
        ...target,
        deliveryId: String(row.id),
        eventId: String(row.event_id),
        eventType: String(row.event_type),
        eventCreatedAt: readDate(row.event_created_at) as Date,
        payloadJson: readJsonText(row.payload),
        attemptCount: Number(row.attempt_count),
        roundOffset: Number(row.round_offset),
        trigger: row.next_trigger === 'MANUAL' ? 'MANUAL' : 'SCHEDULED',
      };
    });
  }

  /**
   * Records finished attempts and moves their deliveries on, all at once (a group commit: one
   * fsync for many attempts). A delivery whose lease another worker has since taken over is
   * left to that worker; the attempt is recorded all the same. Also keeps each hook's failure
   * streak, disabling hooks that answered 410 Gone or that failed continuously past the
   * disable policy; returns the hooks it disabled and those whose streak it ended.
   *
   * A batch without failures is one statement on PostgreSQL (data-modifying CTEs, atomic on
   * their own): a transaction's BEGIN, three statements and COMMIT were five round trips, and
   * an ordered hook waits for this write before each delivery.
   */
  async complete(results: readonly AttemptResult[], workerId: string, now: Date): Promise<Completed> {
    if (results.length === 0) return { disabled: [], recovered: [] };
    const attempts = this.attemptsInsert(results);
    const moves = this.deliveriesUpdate(results, workerId, now);
    const changes = [...summarizeHealth(results)];
    // Hooks that only succeeded: one statement for all, touching only rows with a streak to end.
    const healthy = this.streaksEnd(changes.filter(([, change]) => change.failures === 0).map(([hookId]) => hookId));
    if (this.dialect === 'postgres' && healthy && healthy.ids.length === changes.length) {
      const rows = await this.sql.all(`with attempts as (${attempts.sql}), moved as (${moves.sql}) ${healthy.sql}`, [
        ...attempts.params,
        ...moves.params,
        ...healthy.params,
      ]);
      return { disabled: [], recovered: rows.map(readRecovered) };
    }
    return this.sql.transaction(async (tx) => {
      await tx.run(attempts.sql, attempts.params);
      await tx.run(moves.sql, moves.params);
      const disabled: DisabledHook[] = [];
      for (const result of results) {
        if (result.disableHookReason) disabled.push({ hookId: result.job.hookId, reason: result.disableHookReason, disabledAt: now });
      }
      const recovered = healthy ? await this.endStreaks(tx, healthy) : [];
      for (const [hookId, change] of changes) {
        if (change.failures === 0) continue;
        const reason = await this.recordHealth(tx, hookId, change, now);
        if (reason && !disabled.some((hook) => hook.hookId === hookId)) disabled.push({ hookId, reason, disabledAt: now });
      }
      for (const hook of disabled) await this.disableHook(tx, hook);
      return { disabled, recovered };
    });
  }

  /**
   * The attempts of `results` already stored. A write can fail after the database committed it
   * (the connection lost before the answer came back); a retry asks this first, so it neither
   * fails on their ids nor counts their failures twice.
   */
  async recordedAttempts(results: readonly AttemptResult[]): Promise<Set<string>> {
    if (results.length === 0) return new Set();
    const rows = await this.sql.all(`select id from delivery_attempts where id in (${placeholders(results.length)})`, results.map((result) => result.attemptId));
    return new Set(rows.map((row) => String(row.id)));
  }

  private async endStreaks(tx: SqlSession, healthy: StreakStatements): Promise<RecoveredHook[]> {
    if (this.dialect === 'postgres') return (await tx.all(healthy.sql, healthy.params)).map(readRecovered);
    const rows = await tx.all(healthy.select, healthy.params);
    if (rows.length > 0) await tx.run(`${STREAK_RESET} where id in (${placeholders(rows.length)})`, rows.map((row) => row.hook_id));
    return rows.map(readRecovered);
  }

  private attemptsInsert(results: readonly AttemptResult[]): Statement {
    return {
      sql: `insert into delivery_attempts (id, delivery_id, hook_id, number, trigger, started_at, duration_ms, request_url,
           request_headers, request_body, succeeded, response_status, response_body, error_kind, error_message)
         values ${results.map(() => `(${placeholders(15)})`).join(', ')}`,
      params: results.flatMap((result) => this.attemptRow(result)),
    };
  }

  /** One statement moves every delivery of the batch on (VALUES columns are column1…5). */
  private deliveriesUpdate(results: readonly AttemptResult[], workerId: string, now: Date): Statement {
    const cast = this.dialect === 'postgres' ? ['', '', '::int', '::timestamptz', ''] : ['', '', '', '', ''];
    const row = `(${cast.map((suffix) => `?${suffix}`).join(', ')})`;
    return {
      sql: `update deliveries set status = v.column2, attempt_count = v.column3, next_attempt_at = v.column4,
           next_trigger = 'SCHEDULED', locked_by = null, locked_until = null, last_error = v.column5, updated_at = ?
         from (values ${results.map(() => row).join(', ')}) as v
         where deliveries.id = v.column1 and deliveries.locked_by = ?`,
      params: [
        this.date(now),
        ...results.flatMap(({ job, next, number, outcome }) => [
          job.deliveryId,
          next.status,
          number,
          next.status === 'RETRYING' ? this.date(next.at) : null,
          outcome.kind === 'success' ? null : describeOutcome(outcome),
        ]),
        workerId,
      ],
    };
  }

  /**
   * Ends the failure streaks of hooks that succeeded: `sql` returns the hooks that had one
   * (and how long it was). SQLite's RETURNING cannot read the FROM clause it needs, so there
   * the streaks are read first (`select`, inside the same transaction) and `endStreaks` then
   * resets the hooks it read, by id.
   */
  private streaksEnd(hookIds: string[]): StreakStatements | undefined {
    if (hookIds.length === 0) return undefined;
    const streaks = `from hooks where id in (${placeholders(hookIds.length)}) and (consecutive_failures <> 0 or failing_since is not null)`;
    return {
      ids: hookIds,
      sql: `${STREAK_RESET} from (select id as hook_id, failing_since as was_failing_since, consecutive_failures as failures ${streaks}) as streak
         where hooks.id = streak.hook_id returning streak.hook_id, streak.failures, streak.was_failing_since`,
      select: `select id as hook_id, failing_since as was_failing_since, consecutive_failures as failures ${streaks}`,
      params: hookIds,
    };
  }

  /** Extends (or, after a success in the batch, restarts) a hook's failure streak; returns a reason when it should disable the hook. */
  private async recordHealth(tx: SqlSession, hookId: string, change: HealthChange, now: Date): Promise<string | undefined> {
    const streak = 'returning enabled, failing_since, consecutive_failures';
    const [row] = change.reset
      ? await tx.all(`update hooks set failing_since = ?, consecutive_failures = ? where id = ? ${streak}`, [
          this.date(change.firstFailureAt as Date),
          change.failures,
          hookId,
        ])
      : await tx.all(
          `update hooks set failing_since = coalesce(failing_since, ?), consecutive_failures = consecutive_failures + ? where id = ? ${streak}`,
          [this.date(change.firstFailureAt as Date), change.failures, hookId],
        );
    if (!row || !readBoolean(row.enabled)) return undefined;
    const since = readDate(row.failing_since);
    const failures = Number(row.consecutive_failures);
    if (!shouldDisable(this.disablePolicy, since, failures, now)) return undefined;
    return `every attempt failed since ${since?.toISOString()} (${failures} attempts in a row)`;
  }

  private async disableHook(tx: SqlSession, hook: DisabledHook): Promise<void> {
    const at = this.date(hook.disabledAt);
    await tx.run('update hooks set enabled = ?, disabled_at = ?, disabled_reason = ?, updated_at = ? where id = ?', [
      boolParam(this.dialect, false),
      at,
      hook.reason,
      at,
      hook.hookId,
    ]);
    await tx.run(PARK_SQL, [hook.hookId]);
  }

  private attemptRow(result: AttemptResult): unknown[] {
    const { outcome } = result;
    const response = responseOf(outcome);
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
      response?.status ?? null,
      response?.body ?? null,
      errorKindOf(outcome),
      outcome.kind === 'success' ? null : describeOutcome(outcome),
    ];
  }

  /** Takes a disabled hook's waiting deliveries off the queue. */
  async park(hookId: string): Promise<void> {
    await this.sql.run(PARK_SQL, [hookId]);
  }

  /** Puts a re-enabled hook's parked deliveries back on the queue, due now. */
  async resume(hookId: string, now: Date): Promise<void> {
    await this.sql.run(RESUME_SQL, [this.date(now), hookId]);
  }

  /**
   * Starts a new round of attempts for one delivery, due now, its first attempt recorded as
   * MANUAL. Refused while an attempt is in flight.
   */
  async redeliver(deliveryId: string, now: Date): Promise<'queued' | 'in-flight'> {
    const rows = await this.sql.all(
      `update deliveries set ${NEW_ROUND} where id = ? and (locked_by is null or locked_until < ?) returning id`,
      [this.date(now), this.date(now), deliveryId, this.date(now)],
    );
    return rows.length > 0 ? 'queued' : 'in-flight';
  }

  /** Starts a new round for every FAILED or SKIPPED delivery of a hook created in [since, until]. */
  async recover(hookId: string, since: Date, until: Date, now: Date): Promise<number> {
    const rows = await this.sql.all(
      `update deliveries set ${NEW_ROUND}
       where hook_id = ? and status in ('FAILED', 'SKIPPED') and created_at >= ? and created_at <= ? returning id`,
      [this.date(now), this.date(now), hookId, this.date(since), this.date(until)],
    );
    return rows.length;
  }

  /** Gives back claimed deliveries that were not attempted (shutdown, or over a hook's limit). */
  async release(deliveryIds: readonly string[], workerId: string, now: Date): Promise<void> {
    if (deliveryIds.length === 0) return;
    await this.sql.run(
      `update deliveries set locked_by = null, locked_until = null, next_attempt_at = ?
       where id in (${placeholders(deliveryIds.length)}) and locked_by = ?`,
      [this.date(now), ...deliveryIds, workerId],
    );
  }

  private date(date: Date): number | Date {
    return dateParam(this.dialect, date);
  }
}
