import { emitBatches, emitSingles, type EmitRun } from '../emit';
import { describeRate } from '../measure';
import { BENCH_EVENT } from '../payload';
import { measurePhase } from '../phase';
import { rateFigure, type PeerContext, type PeerScenario } from '../scenario';
import { round } from '../stats';

const TARGET = { of: 'ratio', op: '>=', bound: 0.3, text: '≥ 0.3 × bare' } as const;
// Several keep-alive clients, as several application servers emitting would be.
const CLIENTS = 4;
const SINGLE_CALLERS_PER_CLIENT = 4;
const BATCH_SIZE = 250;
const BATCH_CALLERS_PER_CLIENT = 1;

/**
 * Throughput to one hook: events emitted through GraphQL by 4 keep-alive clients until the
 * receiver has every delivery; deliveries per second from the first emit to the last arrival.
 * Measured twice: with one `emitEvent` per event (16 in flight), and with `emitEvents`
 * batches of 250 (4 in flight). A short warm-up goes first (JIT, connections, SQLite pages).
 * Each phase emits at most 20,000 events for at most 20 s and waits at most 40 s more.
 */
export const throughput: PeerScenario = async (context) => {
  const { quick, receiver } = context;
  const count = quick ? 200 : 20_000;
  const seconds = quick ? 5 : 20;
  const waitMs = quick ? 30_000 : 40_000;
  const server = await context.startServer('throughput');
  const admin = server.client(1);
  const { createHook: hook } = await admin.CreateHook({ input: { name: 'throughput', url: `${receiver.origin}/tp/warm`, events: [BENCH_EVENT] } });
  const clients = Array.from({ length: CLIENTS }, () => server.client(4));

  const phase = async (path: string, emit: () => Promise<EmitRun>) => {
    await admin.UpdateHook({ id: hook.id, input: { url: `${receiver.origin}${path}` } });
    const rate = await measurePhase(context, server, path, emit, { waitMs });
    context.log(describeRate(path, rate));
    return rate;
  };

  await phase('/tp/warm', () => emitSingles(clients, SINGLE_CALLERS_PER_CLIENT, { count: quick ? 50 : 500, seconds: 5 }));
  const single = await phase('/tp/single', () => emitSingles(clients, SINGLE_CALLERS_PER_CLIENT, { count, seconds }));
  const batch = await phase('/tp/batch', () => emitBatches(clients, BATCH_CALLERS_PER_CLIENT, BATCH_SIZE, { count, seconds }));
  return {
    figures: [
      rateFigure(context, 'throughput, 1 hook, emitEvent', single.perSecond, TARGET, single),
      rateFigure(context, 'throughput, 1 hook, emitEvents', batch.perSecond, TARGET, batch),
    ],
    details: {
      clients: CLIENTS,
      single: { ...single, inFlight: CLIENTS * SINGLE_CALLERS_PER_CLIENT },
      batch: { ...batch, batchSize: BATCH_SIZE, inFlight: CLIENTS * BATCH_CALLERS_PER_CLIENT },
      serverRssMiB: round(server.rssMiB()),
    },
  };
};

/** The better of the two 1-hook rates measured in this run, if throughput ran. */
export function oneHookRate(context: Pick<PeerContext, 'done'>): number | undefined {
  const result = context.done.get('throughput');
  const rates = result?.figures.map((figure) => figure.value).filter((value) => value > 0) ?? [];
  return rates.length ? Math.max(...rates) : undefined;
}
