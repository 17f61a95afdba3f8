import { emitSingles } from '../emit';
import { deliveryRate, describeRate } from '../measure';
import { BENCH_EVENT } from '../payload';
import { measurePhase } from '../phase';
import { rateFigure, type PeerScenario } from '../scenario';

const HOOKS = 50;

/**
 * Fan-out: 50 hooks on one event type (each its own receiver path), events emitted one
 * `emitEvent` each by 2 clients with 2 in flight each; deliveries per second from the first
 * emit until every hook has every event. One event's 50 deliveries are written in its
 * transaction and handed to the worker on commit (what does not fit is claimed), so this is
 * the delivery engine's own pace. At most 400
 * events (20,000 deliveries), emitted for at most 20 s, waited for at most 40 s more.
 */
export const fanout: PeerScenario = async (context) => {
  const { quick, receiver } = context;
  const events = quick ? 4 : 400;
  const server = await context.startServer('fanout');
  const admin = server.client(1);
  const hooks: string[] = [];
  for (let i = 0; i < HOOKS; i++) {
    const { createHook } = await admin.CreateHook({ input: { name: `fan-${i}`, url: `${receiver.origin}/fan-warm/${i}`, events: [BENCH_EVENT] } });
    hooks.push(createHook.id);
  }
  const clients = [server.client(2), server.client(2)];
  const warm = await emitSingles(clients, 1, { count: quick ? 2 : 10, seconds: 10 });
  await deliveryRate(receiver, '/fan-warm/', warm, warm.emitted * HOOKS, 30_000);
  for (const [i, id] of hooks.entries()) await admin.UpdateHook({ id, input: { url: `${receiver.origin}/fan/${i}` } });

  const rate = await measurePhase(context, server, '/fan/', () => emitSingles(clients, 2, { count: events, seconds: 20 }), { perEvent: HOOKS, waitMs: quick ? 30_000 : 40_000 });
  context.log(describeRate(`${rate.emitted} events × ${HOOKS} hooks`, rate));
  return {
    figures: [rateFigure(context, `fan-out, 1 event → ${HOOKS} hooks`, rate.perSecond, { of: 'ratio', op: '>=', bound: 0.6, text: '≥ 0.6 × bare' }, rate)],
    details: { hooks: HOOKS, events: rate.emitted, deliveries: rate.emitted * HOOKS, ...rate },
  };
};
