import { parseDurationList } from '../util/duration';
import type { AttemptOutcome } from './outcome';

/** How a failed delivery is retried. */
export interface RetryPolicy {
  /** `delaysMs[i]` is the wait before attempt `i + 2`: n delays allow n + 1 attempts. */
  delaysMs: number[];
  /** Relative jitter: 0.2 spreads each delay uniformly over ±20 %. */
  jitter: number;
  /** Upper bound on how far a `Retry-After` header may push the next attempt. */
  maxRetryAfterMs: number;
}

/** The default schedule, as Svix's: 8 attempts over about 28 hours (the waits add up to 27 h 35 min). */
export const DEFAULT_RETRY_SCHEDULE = '5s,5m,30m,2h,5h,10h,10h';

/** {@link DEFAULT_RETRY_SCHEDULE} in milliseconds. */
export const DEFAULT_RETRY_DELAYS: readonly number[] = Object.freeze(parseDurationList(DEFAULT_RETRY_SCHEDULE));

/**
 * A `blocked` attempt (the target resolved to a refused address, or its URL cannot be sent
 * to) ends the round once it is attempt number MAX_BLOCKED_ATTEMPTS or later. DNS may change,
 * so a blocked delivery is retried, but only on the schedule's first delays (5 s and 5 min by
 * default), not for the 28 hours a down endpoint gets: it is `FAILED` after its third attempt.
 * Blocked attempts count toward disabling the hook like any other failure.
 */
export const MAX_BLOCKED_ATTEMPTS = 3;

/** The jitter of every retry: ±20 %, as the README publishes. */
export const RETRY_JITTER = 0.2;

/** The policy a process runs: its configured schedule and `Retry-After` bound, with {@link RETRY_JITTER}. */
export function retryPolicyOf(settings: { retryDelaysMs: readonly number[]; maxRetryAfterMs: number }): RetryPolicy {
  return { delaysMs: [...settings.retryDelaysMs], jitter: RETRY_JITTER, maxRetryAfterMs: settings.maxRetryAfterMs };
}

/**
 * When to try again after attempt `attemptNumber` (1-based) ended with `outcome`;
 * `'exhausted'` after the last, or after attempt {@link MAX_BLOCKED_ATTEMPTS} when it was
 * `blocked`. Undefined behaviour for success — callers don't ask.
 *
 * The scheduled delay is jittered uniformly over ±`jitter`, using one `random()` draw
 * (a value in [0, 1)). A `Retry-After` on a 429 or 503, capped at `maxRetryAfterMs`,
 * is a floor: when the jittered delay would be shorter, the delay becomes the floor
 * jittered upward only, `floor * (1 + jitter * r)`, so the receiver's wish is never
 * undercut while many deliveries told the same thing still spread out.
 */
export function planRetry(
  policy: RetryPolicy,
  attemptNumber: number,
  outcome: AttemptOutcome,
  now: Date,
  random: () => number,
): Date | 'exhausted' {
  if (!Number.isInteger(attemptNumber) || attemptNumber < 1) {
    throw new RangeError(`attemptNumber must be a positive integer, got ${attemptNumber}`);
  }
  if (attemptNumber > policy.delaysMs.length) return 'exhausted';
  if (outcome.kind === 'blocked' && attemptNumber >= MAX_BLOCKED_ATTEMPTS) return 'exhausted';
  const r = random();
  let delay = policy.delaysMs[attemptNumber - 1] * (1 + policy.jitter * (2 * r - 1));
  const retryAfterMs = retryAfterOf(outcome);
  if (retryAfterMs !== undefined) {
    const floor = Math.min(retryAfterMs, policy.maxRetryAfterMs);
    if (delay < floor) delay = floor * (1 + policy.jitter * r);
  }
  return new Date(now.getTime() + Math.round(delay));
}

/** A 410 Gone: the receiver asks us to stop, so the dispatcher disables the hook. */
export function isGone(outcome: AttemptOutcome): boolean {
  return outcome.kind === 'http-error' && outcome.status === 410;
}

/**
 * Parses a `Retry-After` header value (delay-seconds or an HTTP-date) into milliseconds
 * from `nowMs`; `undefined` when absent or malformed. A date in the past gives 0.
 */
export function parseRetryAfter(value: string | string[] | undefined, nowMs: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Date.parse also accepts loose forms such as "2030"; all three RFC 9110 date forms start with a weekday.
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function retryAfterOf(outcome: AttemptOutcome): number | undefined {
  if (outcome.kind !== 'http-error') return undefined;
  if (outcome.status !== 429 && outcome.status !== 503) return undefined;
  return outcome.retryAfterMs;
}
