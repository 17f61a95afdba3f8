import { describe, expect, it } from 'vitest';
import { Capacity } from '../../src/delivery/capacity';
import { fakeClock, fakeJob } from '../support/engine-fakes';

// Far from the wall clock: a time read from Date.now() instead of the clock would show.
const START = Date.parse('2100-01-01T00:00:00.000Z');

function capacity(extra: { concurrency?: number; hookConcurrency?: number; waiting?: () => number } = {}) {
  const clock = fakeClock(START);
  const slots = new Capacity({
    concurrency: extra.concurrency ?? 4,
    hookConcurrency: extra.hookConcurrency ?? 2,
    leaseMs: 60_000,
    requestTimeoutMs: 1_000,
    clock,
    waitingResults: extra.waiting ?? (() => 0),
  });
  return { slots, clock };
}

const hook = (hookId: string, rateLimit: number | null = null) => ({ hookId, rateLimit, ordered: false });

describe('Capacity', () => {
  it('counts requests in flight and results waiting to be recorded against the free slots', () => {
    let waiting = 0;
    const { slots } = capacity({ waiting: () => waiting });
    const a = fakeJob('a');
    expect(slots.admit(a)).toBe('start');
    expect(slots.admit(fakeJob('b'))).toBe('start');
    expect(slots.freeSlots()).toBe(2);
    waiting = 1;
    expect(slots.freeSlots()).toBe(1);
    slots.answered(a);
    expect(slots.freeSlots()).toBe(2);
    expect(slots.sendingIds()).toHaveLength(1);
  });

  it('holds what a hook cannot start past its own limit, and starts it once a slot of the hook frees', () => {
    const { slots } = capacity({ hookConcurrency: 1 });
    const first = fakeJob('a');
    const second = fakeJob('a');
    expect(slots.admit(first)).toBe('start');
    expect(slots.admit(second)).toBe('hold');
    expect(slots.takeReady('a')).toEqual([]);
    slots.answered(first);
    slots.finished('a', 5);
    expect(slots.takeReady('a')).toEqual([second]);
    expect(slots.holds('a')).toBe(false);
  });

  it('keeps the room a handoff reserved from claims until it is given back', () => {
    const { slots } = capacity({ concurrency: 4, hookConcurrency: 2 });
    const first = slots.reservation();
    expect(first.take(hook('a'), 10)).toBeGreaterThan(0);
    const taken = 4 - slots.freeSlots();
    expect(taken).toBeGreaterThan(0);
    // A second handoff gets only what the first left of the hook's quota.
    const second = slots.reservation();
    const before = slots.quota(hook('a'));
    expect(second.take(hook('a'), 1_000)).toBe(Math.max(0, before));
    second.giveBack();
    first.giveBack();
    expect(slots.freeSlots()).toBe(4);
    first.giveBack(); // twice is harmless
    expect(slots.freeSlots()).toBe(4);
  });

  it('spaces a rate-limited hook by the clock', () => {
    const { slots, clock } = capacity({ hookConcurrency: 2 });
    const first = fakeJob('a', { rateLimit: 1 });
    const second = fakeJob('a', { rateLimit: 1 });
    expect(slots.admit(first)).toBe('start');
    expect(slots.admit(second)).toBe('hold');
    expect(slots.nextStartAt('a')).toBe(START + 1_000);
    clock.advance(999);
    expect(slots.takeReady('a')).toEqual([]);
    clock.advance(1);
    expect(slots.takeReady('a')).toEqual([second]);
  });

  it('claims nothing when no slot is free', () => {
    const { slots } = capacity({ concurrency: 1 });
    expect(slots.quota(hook('a'))).toBeGreaterThan(0);
    slots.admit(fakeJob('b'));
    expect(slots.quota(hook('a'))).toBe(0);
  });

  it('resolves whenIdle once the last request in flight is answered', async () => {
    const { slots } = capacity();
    const job = fakeJob('a');
    slots.admit(job);
    let idle = false;
    const waiting = slots.whenIdle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    slots.answered(job);
    await waiting;
    expect(idle).toBe(true);
  });
});
