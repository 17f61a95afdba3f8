import { emitBatches } from '../emit';
import { cpuMeter, deliveryRate, describeRate } from '../measure';
import { BENCH_EVENT } from '../payload';
import { rateFigure, type Scenario } from '../scenario';
import { round } from '../stats';

const TARGET = { of: 'value', op: '>=', bound: 500, text: '≥ 500/s' } as const;
const BATCH_SIZE = 500;

/**
 * An ordered hook to a fast endpoint: one delivery at a time, each sent once the one before
 * is recorded, so the rate is one send plus one recording transaction per delivery. 5,000
 * events in `emitEvents` batches of 500 (one in flight), emitted for at most 20 s and waited
 * for at most 40 s more; deliveries per second from the first emit to the last arrival, after
 * a warm-up of 200. The arrivals are checked for event order too (event ids are sortable):
 * the count out of order must be 0.
 */
export const ordered: Scenario = async (context) => {
  const { quick, receiver } = context;
  const count = quick ? 200 : 5_000;
  const server = await context.startServer('ordered');
  const admin = server.client(1);
  const { createHook: hook } = await admin.CreateHook({
    input: { name: 'ordered', url: `${receiver.origin}/ord/warm`, events: [BENCH_EVENT], ordered: true },
  });
  const clients = [server.client(2)];

  const phase = async (path: string, events: number) => {
    await admin.UpdateHook({ id: hook.id, input: { url: `${receiver.origin}${path}` } });
    const cpu = cpuMeter(server);
    const run = await emitBatches(clients, 1, BATCH_SIZE, { count: events, seconds: 20 });
    const rate = await deliveryRate(receiver, path, run, run.emitted, quick ? 30_000 : 40_000, cpu);
    context.log(describeRate(path, rate));
    return rate;
  };

  await phase('/ord/warm', quick ? 20 : 200);
  const rate = await phase('/ord/run', count);
  const { ids } = await receiver.arrivals('/ord/run');
  const outOfOrder = ids.filter((id, i) => i > 0 && id < ids[i - 1]).length;
  return {
    figures: [
      rateFigure(context, 'ordered hook, 1 at a time', rate.perSecond, TARGET, rate),
      { label: 'ordered hook, arrivals out of order', value: outOfOrder, unit: '', target: { of: 'value', op: '<=', bound: 0, text: '0' } },
    ],
    details: { ...rate, batchSize: BATCH_SIZE, outOfOrder, serverRssMiB: round(server.rssMiB()) },
  };
};
