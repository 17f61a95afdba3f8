import { describe, expect, it } from 'vitest';
import type { SendResult } from '../../src/delivery/outcome';
import { runAttempt, type AttemptContext } from '../../src/delivery/run-attempt';
import { fakeClock, fakeJob, fakeSender } from '../support/engine-fakes';

const START = Date.parse('2100-01-01T00:00:00.000Z');
const DELAYS = [5_000, 60_000];

function context(answer: SendResult): AttemptContext & { clock: ReturnType<typeof fakeClock>; sender: ReturnType<typeof fakeSender> } {
  return {
    sender: fakeSender(answer),
    clock: fakeClock(START),
    // 0.5 is the middle of the jitter: the delay as scheduled.
    random: () => 0.5,
    retryPolicy: { delaysMs: DELAYS, jitter: 0.2, maxRetryAfterMs: 3_600_000 },
    requestTimeoutMs: 1_000,
    userAgent: 'hookwire/test',
  };
}

describe('runAttempt', () => {
  it('sends one signed request, stamped by the clock, and a 2xx succeeds', async () => {
    const ctx = context({ kind: 'success', status: 204, body: '', durationMs: 3 });
    const result = await runAttempt(fakeJob('a'), ctx);
    expect(result).toMatchObject({ number: 1, durationMs: 3, next: { status: 'SUCCEEDED' }, startedAt: new Date(START) });
    expect(ctx.sender.sent).toHaveLength(1);
    expect(ctx.sender.sent[0].headers['webhook-timestamp']).toBe(String(START / 1000));
    expect(ctx.sender.sent[0].timeoutMs).toBe(1_000);
    expect(result.attemptId).toMatch(/^att_/);
  });

  it('retries a failure at the clock plus the scheduled delay', async () => {
    const ctx = context({ kind: 'http-error', status: 500, body: '', durationMs: 3 });
    const result = await runAttempt(fakeJob('a'), ctx);
    expect(result.next).toEqual({ status: 'RETRYING', at: new Date(START + DELAYS[0]) });
  });

  it('counts attempts within the round: a redelivery starts the schedule again', async () => {
    const ctx = context({ kind: 'network', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED', durationMs: 1 });
    const result = await runAttempt(fakeJob('a', { attemptCount: 3, roundOffset: 3 }), ctx);
    expect(result.number).toBe(4);
    expect(result.next).toEqual({ status: 'RETRYING', at: new Date(START + DELAYS[0]) });
  });

  it('fails the delivery after its last attempt', async () => {
    const ctx = context({ kind: 'timeout', message: 'too slow', durationMs: 1_000 });
    const result = await runAttempt(fakeJob('a', { attemptCount: DELAYS.length }), ctx);
    expect(result.next).toEqual({ status: 'FAILED' });
    expect(result.disableHookReason).toBeUndefined();
  });

  it('fails at once on 410 Gone and says why the hook is disabled', async () => {
    const ctx = context({ kind: 'http-error', status: 410, body: '', durationMs: 3 });
    const result = await runAttempt(fakeJob('a'), ctx);
    expect(result.next).toEqual({ status: 'FAILED' });
    expect(result.disableHookReason).toBe(`the endpoint answered 410 Gone on ${new Date(START).toISOString()}`);
  });
});
