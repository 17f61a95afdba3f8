import { describe, expect, it } from 'vitest';
import { shouldDisable, summarizeHealth } from '../../src/queue/hook-health';
import type { AttemptResult } from '../../src/delivery/job';
import { operationalEventsOf } from '../../src/delivery/operational-events';
import type { AttemptOutcome } from '../../src/delivery/outcome';

const fail: AttemptOutcome = { kind: 'http-error', status: 500, body: '' };
const ok: AttemptOutcome = { kind: 'success', status: 200, body: '' };

function result(number: number, outcome: AttemptOutcome, options: Partial<{ hookId: string; eventType: string; roundOffset: number; last: boolean; at: number }> = {}): AttemptResult {
  return {
    job: {
      deliveryId: `dlv_${number}`,
      eventId: 'evt_1',
      eventType: options.eventType ?? 'User.Created',
      eventCreatedAt: new Date(0),
      payloadJson: '{}',
      hookId: options.hookId ?? 'hook_1',
      url: 'http://example.com',
      headers: [],
      signingKey: 'k',
      retiredSigningKeys: [],
      attemptCount: number - 1,
      roundOffset: options.roundOffset ?? 0,
      trigger: 'SCHEDULED',
      rateLimit: null,
      ordered: false,
    },
    attemptId: `att_${number}`,
    number,
    trigger: 'SCHEDULED',
    startedAt: new Date(options.at ?? number * 1000),
    durationMs: 1,
    request: { url: '', headers: {}, body: '' },
    outcome,
    next: outcome.kind === 'success' ? { status: 'SUCCEEDED' } : options.last ? { status: 'FAILED' } : { status: 'RETRYING', at: new Date(0) },
  };
}

describe('operational events', () => {
  it('reports Failing on the 4th failed attempt of a round, Exhausted on the last, Recovered after Failing', () => {
    expect(operationalEventsOf([result(3, fail)], [])).toEqual([]);
    expect(operationalEventsOf([result(4, fail)], []).map((e) => e.event)).toEqual(['Delivery.Failing']);
    expect(operationalEventsOf([result(8, fail, { last: true })], []).map((e) => e.event)).toEqual(['Delivery.Exhausted']);
    expect(operationalEventsOf([result(5, ok)], []).map((e) => e.event)).toEqual(['Delivery.Recovered']);
    expect(operationalEventsOf([result(4, ok)], [])).toEqual([]);
    // A redelivery's round counts from its own start.
    expect(operationalEventsOf([result(10, fail, { roundOffset: 6 })], []).map((e) => e.event)).toEqual(['Delivery.Failing']);
  });

  it('never reports on deliveries of operational events, but reports disabled hooks', () => {
    expect(operationalEventsOf([result(4, fail, { eventType: 'Delivery.Failing' })], [])).toEqual([]);
    const events = operationalEventsOf([], [{ hookId: 'hook_9', reason: 'gone', disabledAt: new Date(0) }]);
    expect(events).toEqual([{ event: 'Hook.Disabled', payload: { data: { hookId: 'hook_9', reason: 'gone', disabledAt: '1970-01-01T00:00:00.000Z' } } }]);
  });
});

describe('hook health', () => {
  it('counts failures after the last success of a batch, per hook', () => {
    const changes = summarizeHealth([
      result(1, fail, { at: 1 }),
      result(2, ok, { at: 2 }),
      result(3, fail, { at: 3 }),
      result(4, fail, { at: 4 }),
      result(1, fail, { hookId: 'hook_2', at: 5 }),
    ]);
    expect(changes.get('hook_1')).toEqual({ reset: true, failures: 2, firstFailureAt: new Date(3) });
    expect(changes.get('hook_2')).toEqual({ reset: false, failures: 1, firstFailureAt: new Date(5) });
  });

  it('disables only after both the duration and the count', () => {
    const policy = { disableAfterMs: 1_000, minFailures: 5 };
    expect(shouldDisable(policy, new Date(0), 5, new Date(1_000))).toBe(true);
    expect(shouldDisable(policy, new Date(0), 4, new Date(10_000))).toBe(false);
    expect(shouldDisable(policy, new Date(0), 50, new Date(999))).toBe(false);
    expect(shouldDisable(policy, null, 50, new Date(10_000))).toBe(false);
  });
});
