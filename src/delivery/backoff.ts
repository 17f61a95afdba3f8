/**
 * Waits after a failure of our own infrastructure (the database down, a lost connection)
 * before trying again: quick at first, then every five seconds, so an outage is neither
 * hammered nor waited out for long once it is over.
 */
export const ERROR_BACKOFF_MS: readonly number[] = [100, 500, 1_000, 2_000, 5_000];

/** The wait after `failures` failures in a row (0 for the first); the last step repeats. */
export function backoffAfter(failures: number): number {
  return ERROR_BACKOFF_MS[Math.min(failures, ERROR_BACKOFF_MS.length - 1)];
}
