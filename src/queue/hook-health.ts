import type { AttemptResult } from '../delivery/job';

/** How one batch of attempts moves a hook's failure streak. */
export interface HealthChange {
  /** A success in the batch ended the previous streak. */
  reset: boolean;
  /** Failures after the batch's last success (or all of them, if none succeeded). */
  failures: number;
  /** When the first of those failures started. */
  firstFailureAt: Date | null;
}

/**
 * Summarises a batch of attempts per hook, in the order they were made: any success
 * resets a hook's streak; failures after the last success extend it.
 */
export function summarizeHealth(results: readonly AttemptResult[]): Map<string, HealthChange> {
  const changes = new Map<string, HealthChange>();
  const ordered = [...results].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  for (const result of ordered) {
    const change = changes.get(result.job.hookId) ?? { reset: false, failures: 0, firstFailureAt: null };
    if (result.outcome.kind === 'success') {
      change.reset = true;
      change.failures = 0;
      change.firstFailureAt = null;
    } else {
      change.failures++;
      change.firstFailureAt ??= result.startedAt;
    }
    changes.set(result.job.hookId, change);
  }
  return changes;
}

/** When a failing hook is disabled: after failing continuously this long, and this many times. */
export interface DisablePolicy {
  disableAfterMs: number;
  minFailures: number;
}

/** True when a streak has gone on long enough, with enough failures, to disable the hook. */
export function shouldDisable(policy: DisablePolicy, failingSince: Date | null, failures: number, now: Date): boolean {
  return failingSince !== null && failures >= policy.minFailures && now.getTime() - failingSince.getTime() >= policy.disableAfterMs;
}
