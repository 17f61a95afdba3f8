import { emitBatches } from '../emit';
import { BENCH_EVENT } from '../payload';
import { rateFigure, type Figure, type Scenario } from '../scenario';
import { round, sleep, wallNow } from '../stats';
import { oneHookRate } from './throughput';

// Short waits between attempts, and many of them, so no delivery runs out of attempts while the
// endpoint is down and each comes due again within about a second once it is back.
const RETRY_SCHEDULE = Array.from({ length: 20 }, () => '1s').join(',');
// The drain is timed for at most this long; a slower drain is reported over what arrived.
const DRAIN_WAIT_MS = 150_000;

/**
 * Backlog: the hook's endpoint answers 503 while 200,000 events are emitted in `emitEvents`
 * batches of 500; the worker keeps failing and rescheduling them (a 1 s retry schedule).
 * Then `updateHook` points the hook at a healthy path and the drain is timed from that
 * mutation until every delivery has arrived (or 150 s have passed: the rate is then over
 * what arrived). The server's RSS is sampled from /proc every
 * 250 ms throughout; the peak is the figure.
 */
export const backlog: Scenario = async (context) => {
  const { quick, receiver } = context;
  const total = quick ? 2_000 : 200_000;
  const server = await context.startServer('backlog', { HOOKWIRE_RETRY_SCHEDULE: RETRY_SCHEDULE });
  const samples: Array<[number, number]> = [];
  const started = wallNow();
  const sample = () => samples.push([round((wallNow() - started) / 1000, 2), round(server.rssMiB())]);
  sample();
  const sampler = setInterval(sample, 250);
  try {
    const admin = server.client(1);
    const { createHook: hook } = await admin.CreateHook({ input: { name: 'backlog', url: `${receiver.origin}/down/backlog`, events: [BENCH_EVENT] } });
    const clients = [server.client(2), server.client(2)];
    const run = await emitBatches(clients, 1, 500, { count: total, seconds: 300 });
    const emitSeconds = (run.finishedAt - run.startedAt) / 1000;
    context.log(`  ${run.emitted} events emitted in ${round(emitSeconds, 1)} s while the endpoint answers 503`);
    await sleep(quick ? 500 : 3_000);
    const failedAttempts = (await receiver.stats())['/down/backlog']?.count ?? 0;
    const rssDown = server.rssMiB();

    const switchedAt = wallNow();
    await admin.UpdateHook({ id: hook.id, input: { url: `${receiver.origin}/ok/backlog` } });
    const drained = await receiver.collect('/ok/backlog', run.emitted, DRAIN_WAIT_MS);
    const delivered = drained.count;
    const drainSeconds = (drained.last - switchedAt) / 1000;
    const drainRate = delivered / drainSeconds;
    sample();
    const peak = Math.max(...samples.map(([, rss]) => rss));
    context.log(`  drained ${delivered} of ${run.emitted} in ${round(drainSeconds, 1)} s${drained.complete ? '' : ' (INCOMPLETE: the wait ran out)'}; peak RSS ${round(peak)} MiB`);
    const reference = oneHookRate(context);
    const drainFigure: Figure = rateFigure(
      context,
      'backlog, drain rate',
      drainRate,
      reference === undefined ? undefined : { of: 'value', op: '>=', bound: reference, text: `≥ 1-hook rate (${reference}/s)` },
      { complete: drained.complete, delivered, expected: run.emitted },
    );
    return {
      figures: [
        { label: 'backlog, peak server RSS', value: round(peak), unit: 'MiB', target: { of: 'value', op: '<=', bound: 250, text: '≤ 250 MiB' } },
        drainFigure,
      ],
      details: {
        deliveries: run.emitted,
        emitSeconds: round(emitSeconds, 2),
        emitRate: Math.round(run.emitted / emitSeconds),
        failedAttemptsWhileDown: failedAttempts,
        rssWhileDownMiB: round(rssDown),
        drainSeconds: round(drainSeconds, 2),
        delivered,
        complete: drained.complete,
        retrySchedule: '20 × 1s',
        rssSamples: samples,
      },
    };
  } finally {
    clearInterval(sampler);
  }
};
