import { multiplyPendingDelivery } from '../backlog-rows';
import { BENCH_EVENT, userCreatedPayload } from '../payload';
import { rateFigure, type Figure, type Scenario } from '../scenario';
import { round, wallNow } from '../stats';
import { oneHookRate } from './throughput';

// As in backlog: many 1 s retries, so the template delivery stays pending and due.
const RETRY_SCHEDULE = Array.from({ length: 20 }, () => '1s').join(',');
const DRAIN_WAIT_MS = 90_000;

/**
 * A million pending deliveries: one hook whose endpoint answers 503, one event emitted through
 * the API and failed once; the server is stopped, and plain SQL (backlog-rows.ts) copies that
 * pending delivery and its event 999,999 times and points the hook at a healthy path (the
 * endpoint is back). A new server on the same database then drains; the rate is from its spawn
 * to the last arrival (at most 90 s: a slower drain is reported over what arrived, marked
 * partial). The new server's RSS is sampled from /proc every 250 ms; the peak is the figure.
 * `--backlog-rows N` makes it N pending instead (the claim's cost at another size).
 */
export const backlogMillion: Scenario = async (context) => {
  const { quick, receiver } = context;
  const total = context.backlogRows ?? (quick ? 2_000 : 1_000_000);
  const database = context.newDatabase();
  const env = { HOOKWIRE_RETRY_SCHEDULE: RETRY_SCHEDULE };
  const first = await context.startServer('backlog-million-seed', env, database);
  const admin = first.client(1);
  await admin.CreateHook({ input: { name: 'million', url: `${receiver.origin}/down/million`, events: [BENCH_EVENT] } });
  await admin.EmitEvent({ input: { event: BENCH_EVENT, payload: userCreatedPayload(0) } });
  await receiver.waitFor('/down/million', 1, 10_000);
  await first.stop();

  const insertStart = wallNow();
  await multiplyPendingDelivery(database, total - 1, `${receiver.origin}/ok/million`);
  const insertSeconds = (wallNow() - insertStart) / 1000;
  context.log(`  ${total} pending deliveries in the database; ${total - 1} inserted by SQL in ${round(insertSeconds, 1)} s`);

  const spawnedAt = wallNow();
  const server = await context.startServer('backlog-million', env, database);
  const samples: Array<[number, number]> = [];
  const sample = () => samples.push([round((wallNow() - spawnedAt) / 1000, 2), round(server.rssMiB())]);
  sample();
  const sampler = setInterval(sample, 250);
  try {
    const drained = await receiver.collect('/ok/million', total, quick ? 30_000 : DRAIN_WAIT_MS);
    sample();
    const drainSeconds = (drained.last - spawnedAt) / 1000;
    const drainRate = drained.count / drainSeconds;
    const peak = Math.max(...samples.map(([, rss]) => rss));
    context.log(`  drained ${drained.count} of ${total} in ${round(drainSeconds, 1)} s from the spawn${drained.complete ? '' : ' (INCOMPLETE: the wait ran out)'}; peak RSS ${round(peak)} MiB`);
    const reference = oneHookRate(context);
    const drainFigure: Figure = rateFigure(
      context,
      `${total} pending, drain rate`,
      drainRate,
      reference === undefined ? undefined : { of: 'value', op: '>=', bound: reference, text: `≥ 1-hook rate (${reference}/s)` },
      { complete: drained.complete, delivered: drained.count, expected: total },
    );
    return {
      figures: [
        { label: `${total} pending, peak server RSS`, value: round(peak), unit: 'MiB', target: { of: 'value', op: '<=', bound: 250, text: '≤ 250 MiB' } },
        drainFigure,
      ],
      details: {
        deliveries: total,
        insertSeconds: round(insertSeconds, 1),
        startMs: Math.round(server.startMs),
        drainSeconds: round(drainSeconds, 2),
        delivered: drained.count,
        complete: drained.complete,
        rssSamples: samples,
      },
    };
  } finally {
    clearInterval(sampler);
  }
};
