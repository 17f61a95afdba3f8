import type { Row, SqlSession } from '../db/sql';
import { placeholders, readBoolean, readDate } from '../db/sql-values';
import type { AttemptResult, DisabledHook } from '../delivery/job';
import type { Completed, RecoveredHook } from '../delivery/work-queue';
import { parkStatement } from './admin';
import { shouldDisable, type DisablePolicy, type HealthChange } from './hook-health';
import type { QueueDb, Statement } from './rows';

/**
 * Ending the streaks of hooks that only succeeded (see `streaksEnd`): `sql` ends them and
 * returns those it ended where the dialect can (`returningFrom`); elsewhere `select` reads them
 * and `endStreaks` resets them.
 */
export interface StreakStatements extends Statement {
  /** The hooks that only succeeded. */
  ids: string[];
  /** Reads the streaks to end (with `params`), where `sql` cannot return them. */
  select: string;
}

const STREAK_RESET = 'update hooks set failing_since = null, consecutive_failures = 0';

/** A hook whose streak a success ended, from a row of `streaksEnd`. */
export function readRecovered(row: Row): RecoveredHook {
  return { hookId: String(row.hook_id), failures: Number(row.failures), failingSince: readDate(row.was_failing_since) };
}

/**
 * Ends the failure streaks of hooks that succeeded: `sql` returns the hooks that had one
 * (and how long it was). SQLite's RETURNING cannot read the FROM clause it needs, so there
 * the streaks are read first (`select`, inside the same transaction) and `endStreaks` then
 * resets the hooks it read, by id. Touches only rows with a streak to end.
 */
export function streaksEnd(hookIds: string[]): StreakStatements | undefined {
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

/** Runs `streaksEnd`'s statements in `tx`; returns the hooks whose streak ended. */
export async function endStreaks({ dialect }: QueueDb, tx: SqlSession, healthy: StreakStatements): Promise<RecoveredHook[]> {
  if (dialect.returningFrom) return (await tx.all(healthy.sql, healthy.params)).map(readRecovered);
  const rows = await tx.all(healthy.select, healthy.params);
  if (rows.length > 0) await tx.run(`${STREAK_RESET} where id in (${placeholders(rows.length)})`, rows.map((row) => row.hook_id));
  return rows.map(readRecovered);
}

/**
 * Extends (or, after a success in the batch, restarts) a hook's failure streak; returns a
 * reason when the disable policy says the streak should disable the hook.
 */
export async function recordHealth(
  { dialect }: QueueDb,
  tx: SqlSession,
  policy: DisablePolicy,
  hookId: string,
  change: HealthChange,
  now: Date,
): Promise<string | undefined> {
  const streak = 'returning enabled, failing_since, consecutive_failures';
  const since = dialect.date(change.firstFailureAt as Date);
  const [row] = change.reset
    ? await tx.all(`update hooks set failing_since = ?, consecutive_failures = ? where id = ? ${streak}`, [since, change.failures, hookId])
    : await tx.all(`update hooks set failing_since = coalesce(failing_since, ?), consecutive_failures = consecutive_failures + ? where id = ? ${streak}`, [
        since,
        change.failures,
        hookId,
      ]);
  if (!row || !readBoolean(row.enabled)) return undefined;
  const failingSince = readDate(row.failing_since);
  const failures = Number(row.consecutive_failures);
  if (!shouldDisable(policy, failingSince, failures, now)) return undefined;
  return `every attempt failed since ${failingSince?.toISOString()} (${failures} attempts in a row)`;
}

/** Disables a hook and parks its waiting deliveries, in `tx`. */
export async function disableHook({ dialect }: QueueDb, tx: SqlSession, hook: DisabledHook): Promise<void> {
  const at = dialect.date(hook.disabledAt);
  await tx.run('update hooks set enabled = ?, disabled_at = ?, disabled_reason = ?, updated_at = ? where id = ?', [
    dialect.bool(false),
    at,
    hook.reason,
    at,
    hook.hookId,
  ]);
  const park = parkStatement(hook.hookId);
  await tx.run(park.sql, park.params);
}

/**
 * What a committed `complete` of `results` at `now` did to their hooks, read back after its
 * answer was lost: the hooks it disabled carry `disabled_at = now` (the time the write used).
 * The streaks it ended are gone with their counts, so none is reported.
 */
export async function storedOutcome({ sql, dialect }: QueueDb, results: readonly AttemptResult[], now: Date): Promise<Completed> {
  const hookIds = [...new Set(results.map((result) => result.job.hookId))];
  if (hookIds.length === 0) return { disabled: [], recovered: [] };
  const rows = await sql.all(`select id, disabled_reason from hooks where id in (${placeholders(hookIds.length)}) and enabled = ? and disabled_at = ?`, [
    ...hookIds,
    dialect.bool(false),
    dialect.date(now),
  ]);
  const disabled = rows.map((row): DisabledHook => ({ hookId: String(row.id), reason: String(row.disabled_reason), disabledAt: now }));
  return { disabled, recovered: [] };
}
