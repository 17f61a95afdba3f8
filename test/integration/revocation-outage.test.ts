import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app';
import { createHookwireClient, type HookwireClient } from '../../src/sdk';
import { KEY_REVOKED_CLOSE } from '../../src/server/revocation';
import { createTestDatabase, DATABASE_KINDS, POSTGRES_URL, REDIS_URL, type TestDatabase } from '../support/databases';
import { openRawWs, type RawWs } from '../support/raw-ws';
import { ADMIN_KEY, startApiProcesses, startTestServer, type TestServer } from '../support/server';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { eventually } from '../support/wait';


async function proxyToRedis(): Promise<TcpProxy> {
  const redis = new URL(REDIS_URL as string);
  return startTcpProxy(redis.hostname, Number(redis.port || 6379));
}

const readyStatus = async (url: string) => (await fetch(`${url}/readyz`)).status;

/** A raw socket of `key` on `url` with a live subscription that has seen an event (emitted by `emit`). */
async function subscribed(url: string, key: string, emit: () => Promise<unknown>): Promise<RawWs> {
  const ws = await openRawWs(url);
  await ws.init(key);
  ws.send({ id: 'live', type: 'subscribe', payload: { query: 'subscription { events { id } }' } });
  await eventually(async () => {
    await emit();
    return ws.received.some((message) => message.id === 'live' && message.type === 'next') || undefined;
  }, 20_000, 100);
  return ws;
}

describe.skipIf(!REDIS_URL).each(DATABASE_KINDS)('revoking a key while Redis is down, on %s', (kind) => {
  let proxy: TcpProxy;
  let server: TestServer;
  beforeAll(async () => {
    proxy = await proxyToRedis();
    server = await startTestServer(kind, { REDIS_URL: `redis://127.0.0.1:${proxy.port}` });
  });
  afterAll(async () => {
    await server?.close();
    await proxy?.close();
  });

  it('closes the key\'s connections on this process at once, though KEY_REVOKED is lost', async () => {
    const { createApiKey } = await server.admin.CreateApiKey({ input: { name: 'revoked in an outage', scopes: ['READ'] } });
    const ws = await subscribed(server.app.url, createApiKey.key, () => server.emit('User.Created', { probe: 'local' }));
    proxy.cut();
    await eventually(async () => (await readyStatus(server.app.url)) === 503 || undefined, 20_000);
    await server.admin.RevokeApiKey({ id: createApiKey.apiKey.id });
    expect(await ws.closed).toEqual(KEY_REVOKED_CLOSE);
    proxy.restore();
    await eventually(async () => (await readyStatus(server.app.url)) === 200 || undefined, 20_000);
  });
});

describe.skipIf(!POSTGRES_URL || !REDIS_URL)('revoking a key while Redis is down, across two api processes', () => {
  let proxy: TcpProxy;
  let db: TestDatabase;
  const apps: App[] = [];
  const clients: HookwireClient[] = [];
  beforeAll(async () => {
    proxy = await proxyToRedis();
    db = await createTestDatabase('postgres');
    apps.push(...(await startApiProcesses(2, db, `redis://127.0.0.1:${proxy.port}`)));
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    for (const app of apps) await app.close();
    await db?.drop();
    await proxy?.close();
  });

  it('closes the key\'s connections on the other process once its live feed is back', async () => {
    const [here, there] = apps;
    const admin = createHookwireClient({ url: here.url, apiKey: ADMIN_KEY });
    clients.push(admin);
    const { createApiKey } = await admin.CreateApiKey({ input: { name: 'subscriber elsewhere', scopes: ['READ'] } });
    // Emitted here, seen there: the feed is live between the two before the outage.
    const remote = await subscribed(there.url, createApiKey.key, () => admin.EmitEvent({ input: { event: 'User.Created', payload: { probe: 'remote' } } }));
    proxy.cut();
    await eventually(async () => ((await readyStatus(here.url)) === 503 && (await readyStatus(there.url)) === 503) || undefined, 20_000);
    await admin.RevokeApiKey({ id: createApiKey.apiKey.id });
    proxy.restore();
    expect(await remote.closed).toEqual(KEY_REVOKED_CLOSE);
  });
});
