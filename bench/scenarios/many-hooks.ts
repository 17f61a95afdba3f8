import { emitSingles } from '../emit';
import { describeRate } from '../measure';
import { measurePhase } from '../phase';
import { BENCH_EVENT } from '../payload';
import type { Scenario } from '../scenario';
import type { BenchClient } from '../server';
import { percentile, round } from '../stats';

// What the hooks that do not match subscribe to: exact names and group patterns, as real ones do.
const OTHER_EVENTS = [['Organization.Created'], ['Role.*'], ['Scope.Deleted', 'PostSignIn'], ['Organization.Data.Updated'], ['OrganizationRole.*']];
const CLIENTS = 4;
const CALLERS_PER_CLIENT = 4;
const CREATORS = 16;

/**
 * Emit cost as hooks grow: one hook on `User.Created`, events emitted one `emitEvent` each
 * (4 clients, 16 in flight) until every delivery arrives; then 9,999 more hooks on other types
 * (created through `createHook`, 16 in flight) and the same emit again. Per phase: server CPU
 * per event (one delivery each) and the `emitEvent` answer p50; the figure is the ratio of the
 * many-hooks CPU to the 1-hook CPU. Each phase emits at most 5,000 events for at most 15 s and
 * waits at most 40 s more; 2,000 events warm up first (the 1-hook phase comes first, so a short warm-up would
 * flatter the ratio).
 */
export const manyHooks: Scenario = async (context) => {
  const { quick, receiver } = context;
  const hookCount = quick ? 200 : 10_000;
  const count = quick ? 100 : 5_000;
  const bounds = { count, seconds: quick ? 5 : 15 };
  const server = await context.startServer('many-hooks');
  const admin = server.client(1);
  const { createHook: hook } = await admin.CreateHook({ input: { name: 'many-hooks', url: `${receiver.origin}/mh/warm`, events: [BENCH_EVENT] } });
  const clients = Array.from({ length: CLIENTS }, () => server.client(4));

  const phase = async (path: string, events: number) => {
    await admin.UpdateHook({ id: hook.id, input: { url: `${receiver.origin}${path}` } });
    const answerMs: number[] = [];
    const rate = await measurePhase(context, server, path, () => emitSingles(clients, CALLERS_PER_CLIENT, { ...bounds, count: events, answerMs }), { waitMs: 40_000 });
    const answerP50Ms = round(percentile(answerMs, 50), 2);
    context.log(`${describeRate(path, rate)}, emitEvent p50 ${answerP50Ms} ms`);
    return { ...rate, answerP50Ms };
  };

  await phase('/mh/warm', quick ? 50 : 2_000);
  const one = await phase('/mh/one', count);
  const createSeconds = await createIdleHooks(server.client(CREATORS), hookCount - 1, `${receiver.origin}/mh/idle`);
  context.log(`  ${hookCount - 1} more hooks created in ${createSeconds} s`);
  const many = await phase('/mh/many', count);
  const cpuRatio = round((many.serverCpuUsPerDelivery ?? Number.NaN) / (one.serverCpuUsPerDelivery ?? Number.NaN), 3);
  const answerRatio = round(many.answerP50Ms / one.answerP50Ms, 3);
  return {
    figures: [
      { label: 'many hooks, server CPU per event, 1 hook', value: one.serverCpuUsPerDelivery ?? Number.NaN, unit: 'µs' },
      { label: `many hooks, server CPU per event, ${hookCount} hooks (1 matching)`, value: many.serverCpuUsPerDelivery ?? Number.NaN, unit: 'µs' },
      { label: `many hooks, CPU per event, ${hookCount} ÷ 1 hook`, value: cpuRatio, unit: '×', target: { of: 'value', op: '<=', bound: 1.2, text: '≤ 1.2 × 1 hook' } },
      { label: 'many hooks, emitEvent p50, 1 hook', value: one.answerP50Ms, unit: 'ms' },
      { label: `many hooks, emitEvent p50, ${hookCount} hooks`, value: many.answerP50Ms, unit: 'ms' },
      { label: `many hooks, emitEvent p50, ${hookCount} ÷ 1 hook`, value: answerRatio, unit: '×', target: { of: 'value', op: '<=', bound: 1.2, text: '≤ 1.2 × 1 hook' } },
    ],
    details: { hooks: hookCount, inFlight: CLIENTS * CALLERS_PER_CLIENT, createSeconds, oneHook: one, manyHooks: many },
  };
};

/** Creates `count` hooks that never match the bench event, `CREATORS` in flight; returns the seconds it took. */
async function createIdleHooks(client: BenchClient, count: number, url: string): Promise<number> {
  const startedAt = Date.now();
  let next = 0;
  const creator = async () => {
    while (next < count) {
      const n = next++;
      await client.CreateHook({ input: { name: `idle-${n}`, url, events: OTHER_EVENTS[n % OTHER_EVENTS.length] } });
    }
  };
  await Promise.all(Array.from({ length: CREATORS }, creator));
  return round((Date.now() - startedAt) / 1000, 1);
}
