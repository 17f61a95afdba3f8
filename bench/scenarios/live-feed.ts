import { fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_EVENT, userCreatedPayload } from '../payload';
import type { Scenario } from '../scenario';
import { BENCH_ADMIN_KEY } from '../server';
import { median, percentile, round, sleep, wallNow } from '../stats';
import type { SubscriberMessage } from './subscribers';

/**
 * Live feed: 1,000 graphql-ws subscribers (one WebSocket each, in a separate process) on one
 * server. Once all are connected, events are emitted until every subscriber has had one and
 * at least 10 have gone (priming, and the server's warm-up); then events are emitted one at a time, each timed from just before its
 * `emitEvent` to its arrival at each subscriber. Reported: p50 and p99 over all
 * (event, subscriber) arrivals, and the median over events of the time until all have it.
 */
export const liveFeed: Scenario = async (context) => {
  const { quick } = context;
  const subscribers = quick ? 50 : 1_000;
  const events = quick ? 3 : 10;
  const server = await context.startServer('live-feed');
  const client = server.client(1);
  // With --profile the subscribers are profiled too: on 2 cores their side counts as much as the server's.
  const profileArgs = context.profileDir ? ['--cpu-prof', '--cpu-prof-dir', join(context.profileDir, 'live-feed-subscribers')] : [];
  const child = fork(fileURLToPath(new URL('./subscribers.ts', import.meta.url)), [`${server.url.replace(/^http/, 'ws')}/graphql`, BENCH_ADMIN_KEY, String(subscribers)], {
    execArgv: [...profileArgs, '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages: SubscriberMessage[] = [];
  const waiters = new Set<() => void>();
  child.on('message', (message) => {
    messages.push(message as SubscriberMessage);
    for (const wake of waiters) wake();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = async (match: (message: SubscriberMessage) => boolean, timeoutMs: number, what: string) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const failed = messages.find((message) => message.type === 'failed');
      if (failed && failed.type === 'failed') throw new Error(failed.error);
      const index = messages.findIndex(match);
      if (index >= 0) return messages.splice(index, 1)[0];
      if (Date.now() > deadline) throw new Error(`live feed: no ${what} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      waiters.clear();
    }
  };
  try {
    const connectStart = wallNow();
    await next((m) => m.type === 'subscribed', 120_000, 'subscribed');
    const connectSeconds = (wallNow() - connectStart) / 1000;
    context.log(`  ${subscribers} subscribers connected in ${round(connectSeconds, 2)} s`);
    // Priming also warms the server's feed path up (JIT): at least a few events go before timing.
    const minPrimeEvents = quick ? 2 : 10;
    let primeEvents = 0;
    const primeDeadline = Date.now() + 60_000;
    while (primeEvents < minPrimeEvents || !messages.some((m) => m.type === 'primed')) {
      if (Date.now() > primeDeadline) throw new Error('live feed: subscribers were not all primed within 60 s');
      await client.EmitEvent({ input: { event: BENCH_EVENT, payload: userCreatedPayload(primeEvents++) } });
      await sleep(250);
    }
    await sleep(500);

    const latencies: number[] = [];
    const allHaveIt: number[] = [];
    // The first arrival is the emit and publish; the spread after it is the fan-out to every socket.
    const firstHasIt: number[] = [];
    for (let i = 0; i < events; i++) {
      const sentAt = wallNow();
      const { emitEvent } = await client.EmitEvent({ input: { event: BENCH_EVENT, payload: userCreatedPayload(i) } });
      const done = await next((m) => m.type === 'complete' && m.id === emitEvent.id, 15_000, `complete feed of ${emitEvent.id}`);
      const times = (done as Extract<SubscriberMessage, { type: 'complete' }>).times.map((t) => t - sentAt);
      latencies.push(...times);
      allHaveIt.push(Math.max(...times));
      firstHasIt.push(Math.min(...times));
      await sleep(300);
    }
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    context.log(`  ${events} events × ${subscribers}: p50 ${round(p50, 1)} ms, p99 ${round(p99, 1)} ms, all have it (median) ${round(median(allHaveIt), 1)} ms`);
    return {
      figures: [
        { label: `live feed, ${subscribers} subscribers, p50`, value: round(p50, 1), unit: 'ms' },
        { label: `live feed, ${subscribers} subscribers, p99`, value: round(p99, 1), unit: 'ms', target: { of: 'value', op: '<=', bound: 100, text: '≤ 100 ms' } },
        { label: `live feed, all ${subscribers} have it (median)`, value: round(median(allHaveIt), 1), unit: 'ms' },
      ],
      details: {
        subscribers,
        events,
        primeEvents,
        connectSeconds: round(connectSeconds, 2),
        allHaveItMs: allHaveIt.map((ms) => round(ms, 1)),
        firstHasItMs: firstHasIt.map((ms) => round(ms, 1)),
        serverRssMiB: round(server.rssMiB()),
      },
    };
  } finally {
    child.disconnect();
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  }
};
