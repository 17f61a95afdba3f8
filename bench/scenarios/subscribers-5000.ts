import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { forkListening } from '../child';
import { BENCH_EVENT, userCreatedPayload } from '../payload';
import type { Scenario } from '../scenario';
import { BENCH_ADMIN_KEY } from '../server';
import { round } from '../stats';
import { graphqlWsUrl, measureFeed, timeArrivals } from './live-feed';
import { forkSubscribers } from './subscriber-process';

const SUBSCRIBERS = 5_000;
// The subscribers process holds both kinds of socket; the server and the broadcaster one kind each.
const filesNeeded = (subscribers: number) => 2 * subscribers + 200;

/**
 * 5,000 live subscribers: the live-feed measurement with 5,000 graphql-ws subscribers (the
 * server allows 5,000 connections for the bench's key), then, in the same run and to as many
 * plain `ws` clients in the same subscribers process, a bare `ws` broadcast of a message of the
 * same shape and size (a graphql-ws `next` of one event) from a tiny server in its own process,
 * timed alike: from just before the parent asks for it to its arrival at each client. The target
 * is hookwire's p99 over the bare broadcast's.
 */
export const subscribers5000: Scenario = async (context) => {
  const subscribers = context.quick ? 50 : SUBSCRIBERS;
  const openFiles = openFileLimit();
  if (openFiles < filesNeeded(subscribers)) throw new Error(`subscribers-5000 needs ${filesNeeded(subscribers)} open files per process, ulimit -n is ${openFiles}`);
  const server = await context.startServer('subscribers-5000', { HOOKWIRE_MAX_CONNECTIONS_PER_KEY: String(SUBSCRIBERS) });
  const bareServer = await forkListening(fileURLToPath(new URL('../ws-broadcaster.ts', import.meta.url)), 'ws broadcaster');
  const { child: broadcaster, port } = bareServer;
  const feed = forkSubscribers({
    url: graphqlWsUrl(server),
    apiKey: BENCH_ADMIN_KEY,
    count: subscribers,
    bareUrl: `ws://127.0.0.1:${port}`,
    profileDir: context.profileDir,
    name: 'subscribers-5000',
  });
  try {
    const measured = await measureFeed(context, server, feed, subscribers);
    const broadcast = (tag: string) => async (i: number) => {
      const id = `${tag}-${i}`;
      const event = { id, event: BENCH_EVENT, payload: userCreatedPayload(i), createdAt: new Date().toISOString() };
      broadcaster.send({ broadcast: JSON.stringify({ id: 'subscription-1', type: 'next', payload: { data: { events: event } } }) });
      return id;
    };
    // Warmed up as hookwire's feed was by its priming: a few broadcasts go untimed first.
    await timeArrivals(feed, 3, broadcast('bare-warm'));
    const bare = await timeArrivals(feed, measured.events, broadcast('bare'));
    const ratio = round(measured.p99 / bare.p99, 2);
    context.log(`  bare ws broadcast to ${subscribers}: p50 ${bare.p50} ms, p99 ${bare.p99} ms; hookwire's p99 is ${ratio} × the bare one`);
    return {
      figures: [
        { label: `${subscribers} subscribers, bare ws broadcast, p99`, value: bare.p99, unit: 'ms' },
        { label: `${subscribers} subscribers, p50`, value: measured.p50, unit: 'ms' },
        { label: `${subscribers} subscribers, p99`, value: measured.p99, unit: 'ms', ratio, target: { of: 'ratio', op: '<=', bound: 2.5, text: '≤ 2.5 × bare ws p99' } },
        { label: `${subscribers} subscribers, all have it (median)`, value: measured.allHaveItMedian, unit: 'ms' },
      ],
      details: { ...measured, bare, openFileLimit: openFiles, serverRssMiB: round(server.rssMiB()) },
    };
  } finally {
    await feed.stop();
    await bareServer.stop();
  }
};

/** This process's soft limit on open files (children inherit it), from /proc; Infinity where unknown. */
function openFileLimit(): number {
  try {
    const match = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    return !match || match[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(match[1]);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
