import { BENCH_EVENT, userCreatedPayload } from '../payload';
import type { BenchContext, Scenario } from '../scenario';
import { BENCH_ADMIN_KEY, type BenchServer } from '../server';
import { median, percentile, round, sleep, wallNow } from '../stats';
import { forkSubscribers, type SubscriberProcess } from './subscriber-process';
import type { SubscriberMessage } from './subscribers';

/**
 * Live feed: 1,000 graphql-ws subscribers (one WebSocket each, in a separate process) on one
 * server. Once all are connected, events are emitted until every subscriber has had one and
 * at least 10 have gone (priming, and the server's warm-up); then events are emitted one at a time, each timed from just before its
 * `emitEvent` to its arrival at each subscriber. Reported: p50 and p99 over all
 * (event, subscriber) arrivals, and the median over events of the time until all have it.
 */
export const liveFeed: Scenario = async (context) => {
  const subscribers = context.quick ? 50 : 1_000;
  const server = await context.startServer('live-feed');
  const feed = forkSubscribers({ url: graphqlWsUrl(server), apiKey: BENCH_ADMIN_KEY, count: subscribers, profileDir: context.profileDir, name: 'live-feed' });
  try {
    const measured = await measureFeed(context, server, feed, subscribers);
    return {
      figures: [
        { label: `live feed, ${subscribers} subscribers, p50`, value: measured.p50, unit: 'ms' },
        { label: `live feed, ${subscribers} subscribers, p99`, value: measured.p99, unit: 'ms', target: { of: 'value', op: '<=', bound: 100, text: '≤ 100 ms' } },
        { label: `live feed, all ${subscribers} have it (median)`, value: measured.allHaveItMedian, unit: 'ms' },
      ],
      details: { ...measured, serverRssMiB: round(server.rssMiB()) },
    };
  } finally {
    await feed.stop();
  }
};

export function graphqlWsUrl(server: BenchServer): string {
  return `${server.url.replace(/^http/, 'ws')}/graphql`;
}

/** What {@link measureFeed} and {@link timeArrivals} measured: latencies in ms, rounded. */
export interface FeedTimes {
  events: number;
  p50: number;
  p99: number;
  allHaveItMedian: number;
  allHaveItMs: number[];
  /** The first arrival is the emit and publish; the spread after it is the fan-out to every socket. */
  firstHasItMs: number[];
}

/**
 * Waits for every subscriber to connect, primes (events until every subscriber has had one
 * and at least 10 have gone: the server's feed path is warm), then times 10 events one at a
 * time from just before each `emitEvent` to its arrival at every subscriber.
 */
export async function measureFeed(context: BenchContext, server: BenchServer, feed: SubscriberProcess, subscribers: number) {
  const { quick } = context;
  const client = server.client(1);
  const connectStart = wallNow();
  await feed.next((m) => m.type === 'subscribed', 180_000, 'subscribed');
  const connectSeconds = (wallNow() - connectStart) / 1000;
  context.log(`  ${subscribers} subscribers connected in ${round(connectSeconds, 2)} s`);
  const minPrimeEvents = quick ? 2 : 10;
  let primeEvents = 0;
  const primeDeadline = Date.now() + 60_000;
  while (primeEvents < minPrimeEvents || !feed.has('primed')) {
    if (Date.now() > primeDeadline) throw new Error('live feed: subscribers were not all primed within 60 s');
    await client.EmitEvent({ input: { event: BENCH_EVENT, payload: userCreatedPayload(primeEvents++) } });
    await sleep(250);
  }
  await sleep(500);
  const times = await timeArrivals(feed, quick ? 3 : 10, async (i) => (await client.EmitEvent({ input: { event: BENCH_EVENT, payload: userCreatedPayload(i) } })).emitEvent.id);
  context.log(`  ${times.events} events × ${subscribers}: p50 ${times.p50} ms, p99 ${times.p99} ms, all have it (median) ${times.allHaveItMedian} ms`);
  return { subscribers, primeEvents, connectSeconds: round(connectSeconds, 2), ...times };
}

/** Sends `events` messages one at a time (`send` returns the id they carry), each timed from just before `send` to its arrival at every subscriber of its kind. */
export async function timeArrivals(feed: SubscriberProcess, events: number, send: (i: number) => Promise<string>): Promise<FeedTimes> {
  const latencies: number[] = [];
  const allHaveIt: number[] = [];
  const firstHasIt: number[] = [];
  for (let i = 0; i < events; i++) {
    const sentAt = wallNow();
    const id = await send(i);
    const done = await feed.next((m) => m.type === 'complete' && m.id === id, 15_000, `complete feed of ${id}`);
    const times = (done as Extract<SubscriberMessage, { type: 'complete' }>).times.map((t) => t - sentAt);
    latencies.push(...times);
    allHaveIt.push(Math.max(...times));
    firstHasIt.push(Math.min(...times));
    await sleep(300);
  }
  return {
    events,
    p50: round(percentile(latencies, 50), 1),
    p99: round(percentile(latencies, 99), 1),
    allHaveItMedian: round(median(allHaveIt), 1),
    allHaveItMs: allHaveIt.map((ms) => round(ms, 1)),
    firstHasItMs: firstHasIt.map((ms) => round(ms, 1)),
  };
}
