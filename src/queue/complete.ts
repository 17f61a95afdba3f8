import type { AttemptResult, DisabledHook } from '../delivery/job';
import type { Completed } from '../delivery/work-queue';
import { summarizeHealth, type DisablePolicy } from './hook-health';
import { disableHook, endStreaks, readRecovered, recordHealth, streaksEnd } from './hook-streaks';
import { attemptsInsert, deliveriesUpdate } from './record-attempts';
import type { QueueDb } from './rows';

/**
 * Records finished attempts and moves their deliveries on, all at once (a group commit: one
 * fsync for many attempts). A delivery whose lease another worker has since taken over is
 * left to that worker; the attempt is recorded all the same. Also keeps each hook's failure
 * streak, disabling hooks that answered 410 Gone or that failed continuously past the
 * disable policy; returns the hooks it disabled and those whose streak it ended.
 *
 * A batch without failures is one statement where the dialect has writable CTEs (atomic on
 * their own): a transaction's BEGIN, three statements and COMMIT were five round trips, and
 * an ordered hook waits for this write before each delivery.
 */
export async function complete(
  db: QueueDb,
  policy: DisablePolicy,
  results: readonly AttemptResult[],
  workerId: string,
  now: Date,
): Promise<Completed> {
  if (results.length === 0) return { disabled: [], recovered: [] };
  const { sql, dialect } = db;
  const attempts = attemptsInsert(db, results);
  const moves = deliveriesUpdate(db, results, workerId, now);
  const changes = [...summarizeHealth(results)];
  // Hooks that only succeeded: one statement for all, touching only rows with a streak to end.
  const healthy = streaksEnd(changes.filter(([, change]) => change.failures === 0).map(([hookId]) => hookId));
  if (dialect.writableCtes && dialect.returningFrom && healthy && healthy.ids.length === changes.length) {
    const rows = await sql.all(`with attempts as (${attempts.sql}), moved as (${moves.sql}) ${healthy.sql}`, [
      ...attempts.params,
      ...moves.params,
      ...healthy.params,
    ]);
    return { disabled: [], recovered: rows.map(readRecovered) };
  }
  return sql.transaction(async (tx) => {
    await tx.run(attempts.sql, attempts.params);
    await tx.run(moves.sql, moves.params);
    const disabled: DisabledHook[] = [];
    for (const result of results) {
      if (result.disableHookReason) disabled.push({ hookId: result.job.hookId, reason: result.disableHookReason, disabledAt: now });
    }
    const recovered = healthy ? await endStreaks(db, tx, healthy) : [];
    for (const [hookId, change] of changes) {
      if (change.failures === 0) continue;
      const reason = await recordHealth(db, tx, policy, hookId, change, now);
      if (reason && !disabled.some((hook) => hook.hookId === hookId)) disabled.push({ hookId, reason, disabledAt: now });
    }
    for (const hook of disabled) await disableHook(db, tx, hook);
    return { disabled, recovered };
  });
}
