import { describe, expect, it } from 'vitest';
import type { AttemptOutcome } from '../../src/delivery/outcome';
import {
  DEFAULT_RETRY_DELAYS,
  DEFAULT_RETRY_POLICY,
  isGone,
  isRetryable,
  MAX_BLOCKED_ATTEMPTS,
  parseRetryAfter,
  planRetry,
  type RetryPolicy,
} from '../../src/delivery/retry-policy';

const NOW = new Date('2026-01-01T00:00:00.000Z');
const policy: RetryPolicy = { delaysMs: [5_000, 300_000, 1_800_000], jitter: 0.2, maxRetryAfterMs: 600_000 };
const fixed = (value: number) => (): number => value;
const offsetMs = (at: Date | 'exhausted'): number => {
  if (at === 'exhausted') throw new Error('expected a date');
  return at.getTime() - NOW.getTime();
};

const serverError: AttemptOutcome = { kind: 'http-error', status: 500, body: '' };
const throttled = (retryAfterMs: number, status = 429): AttemptOutcome => ({ kind: 'http-error', status, body: '', retryAfterMs });

describe('schedule parsing', () => {
  it('parses the default schedule into 7 delays (8 attempts)', () => {
    expect(DEFAULT_RETRY_DELAYS).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(DEFAULT_RETRY_POLICY.jitter).toBe(0.2);
  });
});

describe('planRetry', () => {
  it('waits delaysMs[n-1] after attempt n when random() is 0.5 (no jitter)', () => {
    expect(offsetMs(planRetry(policy, 1, serverError, NOW, fixed(0.5)))).toBe(5_000);
    expect(offsetMs(planRetry(policy, 2, serverError, NOW, fixed(0.5)))).toBe(300_000);
    expect(offsetMs(planRetry(policy, 3, { kind: 'timeout', message: 't' }, NOW, fixed(0.5)))).toBe(1_800_000);
  });

  it('jitters by exactly ±20 % at the bounds of random()', () => {
    expect(offsetMs(planRetry(policy, 2, serverError, NOW, fixed(0)))).toBe(240_000);
    expect(offsetMs(planRetry(policy, 2, serverError, NOW, fixed(0.999999)))).toBe(360_000);
    expect(offsetMs(planRetry(policy, 2, serverError, NOW, fixed(0.75)))).toBe(330_000);
  });

  it('is exhausted after the last attempt, for every policy length', () => {
    expect(planRetry(policy, 3, serverError, NOW, fixed(0.5))).toBeInstanceOf(Date);
    expect(planRetry(policy, 4, serverError, NOW, fixed(0.5))).toBe('exhausted');
    expect(planRetry(policy, 9, serverError, NOW, fixed(0.5))).toBe('exhausted');
    expect(planRetry({ ...policy, delaysMs: [] }, 1, serverError, NOW, fixed(0.5))).toBe('exhausted');
    const defaults = { ...DEFAULT_RETRY_POLICY, delaysMs: [...DEFAULT_RETRY_DELAYS] };
    expect(planRetry(defaults, 7, serverError, NOW, fixed(0.5))).toBeInstanceOf(Date);
    expect(planRetry(defaults, 8, serverError, NOW, fixed(0.5))).toBe('exhausted');
  });

  it(`gives a blocked target ${MAX_BLOCKED_ATTEMPTS} attempts on the schedule's first delays, not the whole schedule`, () => {
    const blocked: AttemptOutcome = { kind: 'blocked', message: 'target address 10.0.0.1 (resolved from internal.example) is private (private-use)' };
    const defaults = { ...DEFAULT_RETRY_POLICY, delaysMs: [...DEFAULT_RETRY_DELAYS] };
    expect(offsetMs(planRetry(defaults, 1, blocked, NOW, fixed(0.5)))).toBe(5_000);
    expect(offsetMs(planRetry(defaults, 2, blocked, NOW, fixed(0.5)))).toBe(300_000);
    expect(planRetry(defaults, 3, blocked, NOW, fixed(0.5))).toBe('exhausted');
    // An attempt after other failures is cut short only from the third on.
    expect(planRetry(defaults, 3, serverError, NOW, fixed(0.5))).toBeInstanceOf(Date);
    expect(planRetry(defaults, 5, blocked, NOW, fixed(0.5))).toBe('exhausted');
    // A shorter schedule still ends where it ends.
    expect(planRetry({ ...policy, delaysMs: [5_000] }, 2, blocked, NOW, fixed(0.5))).toBe('exhausted');
  });

  it('rejects attempt numbers that are not 1-based integers', () => {
    expect(() => planRetry(policy, 0, serverError, NOW, fixed(0.5))).toThrow(RangeError);
    expect(() => planRetry(policy, 1.5, serverError, NOW, fixed(0.5))).toThrow(RangeError);
  });

  it('makes Retry-After a floor on 429 and 503, jittered upward only', () => {
    expect(offsetMs(planRetry(policy, 1, throttled(60_000), NOW, fixed(0)))).toBe(60_000);
    expect(offsetMs(planRetry(policy, 1, throttled(60_000), NOW, fixed(0.5)))).toBe(66_000);
    expect(offsetMs(planRetry(policy, 1, throttled(60_000, 503), NOW, fixed(0.999999)))).toBe(72_000);
  });

  it('never schedules before Retry-After even when jitter pulls the schedule down', () => {
    // scheduled 300 s, jittered down to 240 s, but the receiver asked for 290 s
    expect(offsetMs(planRetry(policy, 2, throttled(290_000), NOW, fixed(0)))).toBe(290_000);
  });

  it('keeps the schedule when Retry-After is shorter than it', () => {
    expect(offsetMs(planRetry(policy, 2, throttled(10_000), NOW, fixed(0.5)))).toBe(300_000);
    expect(offsetMs(planRetry(policy, 2, throttled(0), NOW, fixed(0)))).toBe(240_000);
  });

  it('caps Retry-After at maxRetryAfterMs', () => {
    expect(offsetMs(planRetry(policy, 1, throttled(86_400_000), NOW, fixed(0)))).toBe(600_000);
  });

  it('ignores Retry-After on other statuses', () => {
    const other: AttemptOutcome = { kind: 'http-error', status: 500, body: '', retryAfterMs: 120_000 };
    expect(offsetMs(planRetry(policy, 1, other, NOW, fixed(0.5)))).toBe(5_000);
  });
});

describe('isRetryable / isGone', () => {
  it('retries everything but success', () => {
    expect(isRetryable({ kind: 'success', status: 200, body: '' })).toBe(false);
    expect(isRetryable(serverError)).toBe(true);
    expect(isRetryable({ kind: 'network', code: 'ECONNREFUSED', message: '' })).toBe(true);
    expect(isRetryable({ kind: 'blocked', message: '' })).toBe(true);
  });

  it('treats only a 410 answer as gone', () => {
    expect(isGone({ kind: 'http-error', status: 410, body: '' })).toBe(true);
    expect(isGone({ kind: 'http-error', status: 404, body: '' })).toBe(false);
    expect(isGone({ kind: 'success', status: 200, body: '' })).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads delay-seconds and HTTP-dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(['7', '9'], now)).toBe(7_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:30 GMT', now)).toBe(90_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
  });

  it('returns undefined for missing or malformed values', () => {
    for (const bad of [undefined, '', '  ', '-5', '1.5', 'soon', '2030-01-01T00:00:00Z']) {
      expect(parseRetryAfter(bad, now)).toBeUndefined();
    }
  });
});
