import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import type { OnEventSubscription } from '../../src/sdk';
import { DATABASE_KINDS, REDIS_URL } from '../support/databases';
import { liveFeed, type LiveFeed } from '../support/feed';
import { ADMIN_KEY, startTestServer, type TestServer } from '../support/server';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { eventually } from '../support/wait';


async function get(baseUrl: string, path: string): Promise<{ status: number; text: string }> {
  const response = await request(new URL(path, baseUrl));
  return { status: response.statusCode, text: await response.body.text() };
}

async function dropped(baseUrl: string): Promise<number> {
  const line = (await get(baseUrl, '/metrics')).text.split('\n').find((candidate) => candidate.startsWith('hookwire_live_feed_dropped_total '));
  return line ? Number(line.split(' ')[1]) : 0;
}

describe.skipIf(!REDIS_URL).each(DATABASE_KINDS)('the live feed while Redis is down, on %s', (kind) => {
  let proxy: TcpProxy;
  let server: TestServer;
  const logs: Array<{ msg: string; connection?: string; droppedMessages?: number }> = [];
  beforeAll(async () => {
    const redis = new URL(REDIS_URL as string);
    proxy = await startTcpProxy(redis.hostname, Number(redis.port || 6379));
    const logger = createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) });
    server = await startTestServer(kind, { REDIS_URL: `redis://127.0.0.1:${proxy.port}` }, { logger });
    await eventually(async () => (await get(server.app.url, '/readyz')).status === 200);
  });
  afterAll(async () => {
    await server?.close();
    await proxy?.close();
  });

  it('accepts events, drops and counts their live messages, logs the outage once, and recovers', async () => {
    const feed: LiveFeed<OnEventSubscription> = liveFeed(server.client(ADMIN_KEY).OnEvent({ types: ['User.Created'] }));
    await feed.prime(() => server.emit('User.Created', { probe: 'before' }), (value) => value.events.payload.probe === 'before');
    const droppedBefore = await dropped(server.app.url);

    proxy.cut();
    await eventually(async () => (await get(server.app.url, '/readyz')).status === 503);
    // The record is the database: emits succeed while the feed is down.
    const during: string[] = [];
    for (let i = 0; i < 20; i++) during.push((await server.emit('User.Created', { during: i })).id);
    expect(during).toHaveLength(20);
    await eventually(async () => (await dropped(server.app.url)) - droppedBefore >= 20);
    expect((await dropped(server.app.url)) - droppedBefore).toBe(20);
    // Several reconnection attempts fail (two connections, each retrying with backoff)…
    await eventually(() => proxy.refused >= 6, 20_000);

    proxy.restore();
    await eventually(async () => (await get(server.app.url, '/readyz')).status === 200, 20_000);
    await feed.prime(() => server.emit('User.Created', { probe: 'after' }), (value) => value.events.payload.probe === 'after');
    // …yet each connection's outage is logged once when it starts and once when it ends.
    const lost = logs.filter((line) => line.msg.startsWith('redis connection lost'));
    const restored = logs.filter((line) => line.msg === 'redis connection restored');
    expect(lost.map((line) => line.connection).sort()).toEqual(['publish', 'subscribe']);
    expect(restored.map((line) => line.connection).sort()).toEqual(['publish', 'subscribe']);
    expect(restored.find((line) => line.connection === 'publish')?.droppedMessages).toBe(20);
    // Nothing emitted during the outage reaches the feed late, from a queue.
    const ids = new Set(during);
    expect(feed.values.filter((value) => ids.has(value.events.id))).toEqual([]);
    await feed.close();
  });
});
