import { emitBatches } from '../emit';
import { deliveryRate, describeRate } from '../measure';
import { BENCH_EVENT } from '../payload';
import { rateFigure, type Scenario } from '../scenario';
import { round } from '../stats';

const HANG_EVENT = 'User.Deleted';
const TIMEOUT = '2s';
const HOOK_CONCURRENCY = 16;

/**
 * Isolation: a healthy hook's rate alone, then again while a second hook's endpoint hangs
 * until the 2 s request timeout. The hanging hook gets its own event type, emitted first in
 * enough volume to keep its 16 slots (HOOKWIRE_HOOK_CONCURRENCY) busy for the whole second
 * measurement, so the healthy hook's events are the same work in both runs. Rates are
 * deliveries per second from the first emit (`emitEvents` batches) to the last arrival;
 * each run emits at most 10,000 events and waits at most 40 s for them.
 */
export const isolation: Scenario = async (context) => {
  const { quick, receiver } = context;
  const count = quick ? 200 : 10_000;
  const server = await context.startServer('isolation', { HOOKWIRE_REQUEST_TIMEOUT: TIMEOUT, HOOKWIRE_LEASE: '10s' });
  const admin = server.client(1);
  const { createHook: healthy } = await admin.CreateHook({ input: { name: 'healthy', url: `${receiver.origin}/iso/warm`, events: [BENCH_EVENT] } });
  await admin.CreateHook({ input: { name: 'hanging', url: `${receiver.origin}/hang/iso`, events: [HANG_EVENT] } });
  const clients = [server.client(2), server.client(2)];

  const measure = async (path: string, events: number) => {
    await admin.UpdateHook({ id: healthy.id, input: { url: `${receiver.origin}${path}` } });
    const run = await emitBatches(clients, 1, 250, { count: events, seconds: 20 });
    const rate = await deliveryRate(receiver, path, run, run.emitted, quick ? 30_000 : 40_000);
    context.log(describeRate(path, rate));
    return rate;
  };

  await measure('/iso/warm', quick ? 50 : 500);
  const solo = await measure('/iso/solo', count);
  // Enough hanging deliveries to keep every slot of the hanging hook busy well past the measurement.
  const hanging = quick ? 40 : 400;
  await emitBatches(clients, 1, 250, { count: hanging, seconds: 20, event: HANG_EVENT });
  await receiver.waitFor('/hang/iso', HOOK_CONCURRENCY, 15_000);
  const shared = await measure('/iso/shared', count);
  const hangAttempts = (await receiver.stats())['/hang/iso']?.count ?? 0;
  const kept = shared.perSecond / solo.perSecond;
  context.log(`  kept ${round(kept * 100)} % of the solo rate beside a hanging hook`);
  return {
    figures: [
      rateFigure(context, 'isolation, healthy hook alone', solo.perSecond, undefined, solo),
      rateFigure(context, 'isolation, healthy beside a hanging hook', shared.perSecond, undefined, shared),
      { label: 'isolation, rate kept', value: round(kept, 3), unit: '× alone', target: { of: 'value', op: '>=', bound: 0.9, text: '≥ 0.9 × alone' } },
    ],
    details: { requestTimeout: TIMEOUT, solo, shared, hangingDeliveries: hanging, hangingAttemptsSeen: hangAttempts },
  };
};
