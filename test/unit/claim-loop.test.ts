import { describe, expect, it } from 'vitest';
import { ERROR_BACKOFF_MS } from '../../src/delivery/backoff';
import { ClaimLoop } from '../../src/delivery/claim-loop';
import type { DeliveryJob } from '../../src/delivery/job';
import { FakeQueue, fakeClock, fakeJob } from '../support/engine-fakes';
import { eventually } from '../support/wait';

function loop(quota = 2) {
  const queue = new FakeQueue();
  const admitted: DeliveryJob[] = [];
  const failures: number[] = [];
  const claims = new ClaimLoop({
    queue,
    capacity: { quota: () => quota, freeSlots: () => 0 },
    clock: fakeClock(),
    workerId: 'worker-test',
    leaseMs: 60_000,
    // Long: only a wake-up makes the loop look again within a test.
    pollIntervalMs: 60_000,
    admit: (jobs) => (admitted.push(...jobs), []),
    failed: (_error, backoffMs) => failures.push(backoffMs),
  });
  return { claims, queue, admitted, failures };
}

const hook = (hookId: string) => ({ hookId, rateLimit: null, ordered: false });

describe('ClaimLoop', () => {
  it('claims what each due hook has room for at start, and again when woken', async () => {
    const { claims, queue, admitted } = loop(2);
    queue.due = [hook('a')];
    queue.jobs.set('a', [fakeJob('a'), fakeJob('a'), fakeJob('a')]);
    claims.start();
    await eventually(() => admitted.length === 2, 5_000, 5);
    expect(queue.claims[0]).toMatchObject({ hookId: 'a', limit: 2, workerId: 'worker-test', leaseMs: 60_000 });
    expect(claims.backlogged).toBe(true);
    claims.wake();
    await eventually(() => admitted.length === 3, 5_000, 5);
    await claims.stop();
  });

  it('starts each round at another hook', async () => {
    const { claims, queue } = loop(1);
    queue.due = [hook('a'), hook('b')];
    queue.jobs.set('a', [fakeJob('a'), fakeJob('a')]);
    queue.jobs.set('b', [fakeJob('b'), fakeJob('b')]);
    claims.start();
    await eventually(() => queue.claims.length === 2, 5_000, 5);
    claims.wake();
    await eventually(() => queue.claims.length === 4, 5_000, 5);
    await claims.stop();
    expect(queue.claims.map((claim) => claim.hookId)).toEqual(['a', 'b', 'b', 'a']);
  });

  it('backs off after a failed claim, then claims', async () => {
    const { claims, queue, admitted, failures } = loop(2);
    queue.dueFailures = [new Error('database down'), new Error('database down')];
    queue.due = [hook('a')];
    queue.jobs.set('a', [fakeJob('a')]);
    const started = Date.now();
    claims.start();
    await eventually(() => admitted.length === 1, 5_000, 5);
    expect(failures).toEqual([ERROR_BACKOFF_MS[0], ERROR_BACKOFF_MS[1]]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(ERROR_BACKOFF_MS[0] + ERROR_BACKOFF_MS[1] - 5);
    await claims.stop();
  });

  it('is alive while it turns, by the clock', async () => {
    const { claims } = loop();
    expect(claims.isAlive()).toBe(false);
    claims.start();
    await eventually(() => claims.isAlive(), 5_000, 5);
    await claims.stop();
    expect(claims.isAlive()).toBe(false);
  });
});
