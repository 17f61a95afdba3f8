import { cpuMeter } from '../measure';
import { BENCH_EVENT, userCreatedPayload } from '../payload';
import type { PeerScenario } from '../scenario';
import type { BenchClient } from '../server';
import { percentile, round, sleep, wallNow } from '../stats';

const RATE = 200;

/**
 * Latency at 200 events/s: one client emits open-loop on a fixed 5 ms schedule (a slow
 * answer never delays the next emit), one hook; for each event, the time from just before
 * its `emitEvent` is sent to its arrival at the receiver (matched by `webhook-id`), p50 and
 * p99. One second at the same pace warms up first and is not counted.
 */
export const latency: PeerScenario = async (context) => {
  const { quick, receiver } = context;
  const server = await context.startServer('latency');
  const admin = server.client(1);
  const { createHook: hook } = await admin.CreateHook({ input: { name: 'latency', url: `${receiver.origin}/lat/warm`, events: [BENCH_EVENT] } });
  const client = server.client(16);

  await paced(client, RATE, RATE);
  await receiver.collect('/lat/warm', RATE, 30_000);
  await admin.UpdateHook({ id: hook.id, input: { url: `${receiver.origin}/lat/run` } });

  const count = quick ? RATE : RATE * 10;
  const cpu = cpuMeter(server);
  const run = await paced(client, count, RATE);
  const seen = await receiver.collect('/lat/run', run.sentAt.size, 40_000);
  const cpuUsPerEvent = Math.round((cpu() * 1000) / Math.max(1, seen.count));
  const { ids, times } = await receiver.arrivals('/lat/run');
  const latencies: number[] = [];
  ids.forEach((id, i) => {
    const sentAt = run.sentAt.get(id);
    if (sentAt !== undefined) latencies.push(times[i] - sentAt);
  });
  const note = seen.complete ? undefined : `partial: ${latencies.length} of ${run.sentAt.size} arrived in the wait`;
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  context.log(`  ${latencies.length} events at ${RATE}/s: p50 ${round(p50, 2)} ms, p99 ${round(p99, 2)} ms, server CPU ${cpuUsPerEvent} µs per event`);
  return {
    figures: [
      { label: `latency at ${RATE}/s, p50`, value: round(p50, 2), unit: 'ms', target: { of: 'value', op: '<=', bound: 5, text: '≤ 5 ms' }, note },
      { label: `latency at ${RATE}/s, p99`, value: round(p99, 2), unit: 'ms', target: { of: 'value', op: '<=', bound: 20, text: '≤ 20 ms' }, note },
    ],
    details: {
      events: run.sentAt.size,
      arrived: latencies.length,
      complete: seen.complete,
      rate: RATE,
      maxMs: round(Math.max(...latencies), 2),
      emitAnswerP50Ms: round(percentile(run.answerMs, 50), 2),
      emitAnswerP99Ms: round(percentile(run.answerMs, 99), 2),
      scheduleLagP99Ms: round(percentile(run.lagMs, 99), 2),
      serverCpuUsPerEvent: cpuUsPerEvent,
    },
  };
};

/** Emits `count` events at `rate`/s without waiting for answers; resolves once all are answered. */
async function paced(client: BenchClient, count: number, rate: number) {
  const sentAt = new Map<string, number>();
  const answerMs: number[] = [];
  const lagMs: number[] = [];
  const pending: Promise<void>[] = [];
  const start = wallNow();
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - wallNow();
    if (wait > 0.5) await sleep(wait);
    const at = wallNow();
    lagMs.push(Math.max(0, at - due));
    pending.push(
      client.EmitEvent({ input: { event: BENCH_EVENT, payload: userCreatedPayload(i) } }).then(({ emitEvent }) => {
        sentAt.set(emitEvent.id, at);
        answerMs.push(wallNow() - at);
      }),
    );
  }
  await Promise.all(pending);
  return { sentAt, answerMs, lagMs };
}
