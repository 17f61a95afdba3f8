import { describe, expect, it } from 'vitest';
import { HookGate } from '../../src/delivery/hook-gate';
import type { DeliveryJob } from '../../src/delivery/job';
import { fakeJob } from '../support/engine-fakes';

const job = (hookId: string, rateLimit: number | null = null): DeliveryJob => fakeJob(hookId, { rateLimit });

describe('HookGate', () => {
  it('starts up to the per-hook limit, holds up to as many more, and gives back the rest', () => {
    const gate = new HookGate(2, 60_000, 30_000);
    const decisions = Array.from({ length: 5 }, () => gate.admit(job('a'), 0));
    expect(decisions).toEqual(['start', 'start', 'hold', 'hold', 'release']);
    expect(gate.admit(job('b'), 0)).toBe('start'); // another hook is unaffected
    expect(gate.quota({ hookId: 'a', rateLimit: null, ordered: false }, 100)).toBe(0); // no room left to hold more
    expect(gate.quota({ hookId: 'b', rateLimit: null, ordered: false }, 100)).toBeGreaterThan(0);
  });

  it('starts held jobs in order as slots free', () => {
    const gate = new HookGate(1, 60_000, 30_000);
    const first = job('a');
    const second = job('a');
    const third = job('a');
    expect(gate.admit(first, 0)).toBe('start');
    expect(gate.admit(second, 0)).toBe('hold');
    expect(gate.admit(third, 0)).toBe('release');
    expect(gate.takeReady('a', 0)).toEqual([]);
    gate.finished('a');
    expect(gate.takeReady('a', 0)).toEqual([second]);
    gate.finished('a');
    expect(gate.drainHeld()).toEqual([]);
    expect(gate.quota({ hookId: 'a', rateLimit: null, ordered: false }, 100)).toBeGreaterThan(0);
  });

  it('spaces a rate-limited hook at 1/N seconds and holds no more than fits in half a lease', () => {
    const gate = new HookGate(100, 10_000, 1); // half a lease = 5 s → 5 jobs at 1/s
    expect(gate.admit(job('r', 1), 0)).toBe('start');
    const held = Array.from({ length: 6 }, () => gate.admit(job('r', 1), 0));
    expect(held).toEqual(['hold', 'hold', 'hold', 'hold', 'hold', 'release']);
    expect(gate.nextStartAt('r')).toBe(1_000);
    expect(gate.takeReady('r', 999)).toHaveLength(0);
    expect(gate.takeReady('r', 1_000)).toHaveLength(1);
    expect(gate.nextStartAt('r')).toBe(2_000);
    expect(gate.takeReady('r', 3_500)).toHaveLength(1); // one per slot: no burst after a gap
  });

  it('sizes claims by free slots, hold room and the global limit; one at a time for an ordered hook', () => {
    const gate = new HookGate(4, 10_000, 1); // 1 ms attempts: hold up to the 256 cap
    const hook = { hookId: 'q', rateLimit: null, ordered: false };
    expect(gate.quota(hook, 100)).toBe(4 + 256);
    expect(gate.quota(hook, 2)).toBe(2 + 256);
    expect(gate.quota(hook, 0)).toBe(0);
    const slow = new HookGate(4, 10_000, 2_500); // 2.5 s attempts: two rounds fit in half a lease
    expect(slow.quota(hook, 100)).toBe(4 + 8);
    const ordered = { hookId: 'o', rateLimit: null, ordered: true };
    // An ordered hook claims a run at once (one to send, the rest held), and nothing more while any of it is out.
    expect(gate.quota(ordered, 100)).toBe(1 + 256);
    gate.admit({ ...job('o'), ordered: true }, 0);
    expect(gate.quota(ordered, 100)).toBe(0);
  });

  it('sends an ordered hook one at a time, the next only once the last is finished', () => {
    const gate = new HookGate(4, 10_000, 1);
    const run = [job('o'), job('o'), job('o')].map((held) => ({ ...held, ordered: true }));
    expect(run.map((held) => gate.admit(held, 0))).toEqual(['start', 'hold', 'hold']);
    expect(gate.takeReady('o', 0)).toEqual([]);
    gate.finished('o', 1);
    expect(gate.takeReady('o', 0)).toEqual([run[1]]);
    expect(gate.dropHeld('o')).toEqual([run[2]]);
    expect(gate.holds('o')).toBe(false);
  });

  it('tops held work up once it is down to half what it may hold, not only once it has run out', () => {
    const gate = new HookGate(2, 60_000, 1); // 1 ms attempts: may hold up to the 256 cap
    const hook = { hookId: 'a', rateLimit: null, ordered: false };
    const decisions = Array.from({ length: 2 + 129 }, () => gate.admit(job('a'), 0));
    expect(decisions.filter((decision) => decision === 'hold')).toHaveLength(129);
    expect(gate.runningLow('a')).toBe(false);
    expect(gate.quota(hook, 100)).toBe(0);
    gate.finished('a');
    expect(gate.takeReady('a', 0)).toHaveLength(1); // 128 left: half of 256
    expect(gate.runningLow('a')).toBe(true);
    expect(gate.quota(hook, 100)).toBe(256 - 128);
    expect(gate.quota(hook, 0)).toBe(0); // but never past the global limit
  });

  it('hands back everything held on drain', () => {
    const gate = new HookGate(1, 60_000, 30_000);
    gate.admit(job('a'), 0);
    const held = job('a');
    gate.admit(held, 0);
    expect(gate.drainHeld()).toEqual([held]);
    expect(gate.quota({ hookId: 'a', rateLimit: null, ordered: false }, 100)).toBe(0); // the one in flight still counts
  });
});
