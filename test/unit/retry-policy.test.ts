import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import type { AttemptOutcome } from '../../src/delivery/outcome';
import { isGone, MAX_BLOCKED_ATTEMPTS, parseRetryAfter, planRetry, retryPolicyOf } from '../../src/delivery/retry-policy';

const NOW = new Date('2026-01-01T00:00:00.000Z');
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
// The policy a process runs when nothing is configured: what the README publishes.
const defaults = retryPolicyOf(loadConfig({}));
const fixed = (value: number) => (): number => value;
const offsetMs = (at: Date | 'exhausted'): number => {
  if (at === 'exhausted') throw new Error('expected a date');
  return at.getTime() - NOW.getTime();
};

const serverError: AttemptOutcome = { kind: 'http-error', status: 500, body: '' };
const throttled = (retryAfterMs: number, status = 429): AttemptOutcome => ({ kind: 'http-error', status, body: '', retryAfterMs });

describe('the published default schedule', () => {
  it('is 5s, 5m, 30m, 2h, 5h, 10h, 10h with ±20 % jitter and Retry-After honoured up to 1h', () => {
    expect(defaults).toEqual({
      delaysMs: [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR],
      jitter: 0.2,
      maxRetryAfterMs: HOUR,
    });
  });

  it('is the one the README documents: 8 attempts over about 28 hours (the waits add up to 27 h 35 min)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const hours = Math.round(defaults.delaysMs.reduce((sum, delay) => sum + delay, 0) / HOUR);
    expect(hours).toBe(28);
    expect(readme).toMatch(/\| `HOOKWIRE_RETRY_SCHEDULE` \| `5s,5m,30m,2h,5h,10h,10h` \| [^|]*8 attempts over about 28 hours, each wait ±20 % jitter \|/);
    expect(readme).toMatch(/\| `HOOKWIRE_MAX_RETRY_AFTER` \| `1h` \|/);
    expect(defaults.delaysMs.length + 1).toBe(8);
  });
});

describe('planRetry, on the default schedule', () => {
  it('waits delaysMs[n-1] after attempt n when random() is 0.5 (no jitter)', () => {
    const waits = defaults.delaysMs.map((_, index) => offsetMs(planRetry(defaults, index + 1, serverError, NOW, fixed(0.5))));
    expect(waits).toEqual([5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR]);
    expect(offsetMs(planRetry(defaults, 3, { kind: 'timeout', message: 't' }, NOW, fixed(0.5)))).toBe(30 * MINUTE);
  });

  it('jitters by exactly ±20 % at the bounds of random()', () => {
    expect(offsetMs(planRetry(defaults, 2, serverError, NOW, fixed(0)))).toBe(4 * MINUTE);
    expect(offsetMs(planRetry(defaults, 2, serverError, NOW, fixed(0.999999)))).toBe(6 * MINUTE);
    expect(offsetMs(planRetry(defaults, 2, serverError, NOW, fixed(0.75)))).toBe(5.5 * MINUTE);
    expect(offsetMs(planRetry(defaults, 7, serverError, NOW, fixed(0)))).toBe(8 * HOUR);
  });

  it('is exhausted after the last attempt: FAILED after the 8th', () => {
    expect(planRetry(defaults, 7, serverError, NOW, fixed(0.5))).toBeInstanceOf(Date);
    expect(planRetry(defaults, 8, serverError, NOW, fixed(0.5))).toBe('exhausted');
    expect(planRetry(defaults, 9, serverError, NOW, fixed(0.5))).toBe('exhausted');
    // A configured schedule ends where it ends.
    expect(planRetry(retryPolicyOf({ retryDelaysMs: [], maxRetryAfterMs: HOUR }), 1, serverError, NOW, fixed(0.5))).toBe('exhausted');
  });

  it(`gives a blocked target ${MAX_BLOCKED_ATTEMPTS} attempts on the schedule's first delays, not the whole schedule`, () => {
    const blocked: AttemptOutcome = { kind: 'blocked', message: 'target address 10.0.0.1 (resolved from internal.example) is private (private-use)' };
    expect(offsetMs(planRetry(defaults, 1, blocked, NOW, fixed(0.5)))).toBe(5 * SECOND);
    expect(offsetMs(planRetry(defaults, 2, blocked, NOW, fixed(0.5)))).toBe(5 * MINUTE);
    expect(planRetry(defaults, 3, blocked, NOW, fixed(0.5))).toBe('exhausted');
    // An attempt after other failures is cut short only from the third on.
    expect(planRetry(defaults, 3, serverError, NOW, fixed(0.5))).toBeInstanceOf(Date);
    expect(planRetry(defaults, 5, blocked, NOW, fixed(0.5))).toBe('exhausted');
    // A shorter schedule still ends where it ends.
    expect(planRetry(retryPolicyOf({ retryDelaysMs: [5 * SECOND], maxRetryAfterMs: HOUR }), 2, blocked, NOW, fixed(0.5))).toBe('exhausted');
  });

  it('rejects attempt numbers that are not 1-based integers', () => {
    expect(() => planRetry(defaults, 0, serverError, NOW, fixed(0.5))).toThrow(RangeError);
    expect(() => planRetry(defaults, 1.5, serverError, NOW, fixed(0.5))).toThrow(RangeError);
  });

  it('makes Retry-After a floor on 429 and 503, jittered upward only', () => {
    expect(offsetMs(planRetry(defaults, 1, throttled(60 * SECOND), NOW, fixed(0)))).toBe(60 * SECOND);
    expect(offsetMs(planRetry(defaults, 1, throttled(60 * SECOND), NOW, fixed(0.5)))).toBe(66 * SECOND);
    expect(offsetMs(planRetry(defaults, 1, throttled(60 * SECOND, 503), NOW, fixed(0.999999)))).toBe(72 * SECOND);
  });

  it('never schedules before Retry-After even when jitter pulls the schedule down', () => {
    // scheduled 5 min, jittered down to 4 min, but the receiver asked for 290 s
    expect(offsetMs(planRetry(defaults, 2, throttled(290 * SECOND), NOW, fixed(0)))).toBe(290 * SECOND);
  });

  it('keeps the schedule when Retry-After is shorter than it', () => {
    expect(offsetMs(planRetry(defaults, 2, throttled(10 * SECOND), NOW, fixed(0.5)))).toBe(5 * MINUTE);
    expect(offsetMs(planRetry(defaults, 2, throttled(0), NOW, fixed(0)))).toBe(4 * MINUTE);
  });

  it('caps Retry-After at the published 1h', () => {
    expect(offsetMs(planRetry(defaults, 1, throttled(24 * HOUR), NOW, fixed(0)))).toBe(HOUR);
    expect(offsetMs(planRetry(defaults, 1, throttled(24 * HOUR), NOW, fixed(0.5)))).toBe(66 * MINUTE);
  });

  it('ignores Retry-After on other statuses', () => {
    const other: AttemptOutcome = { kind: 'http-error', status: 500, body: '', retryAfterMs: 2 * MINUTE };
    expect(offsetMs(planRetry(defaults, 1, other, NOW, fixed(0.5)))).toBe(5 * SECOND);
  });
});

describe('isGone', () => {
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
