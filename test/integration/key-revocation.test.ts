import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { App } from '../../src/app';
import { createHookwireClient, type HookwireClient, type OnEventSubscription } from '../../src/sdk';
import { KEY_REVOKED_CLOSE } from '../../src/server/revocation';
import { createTestDatabase, DATABASE_KINDS, POSTGRES_URL, REDIS_URL, type TestDatabase } from '../support/databases';
import { liveFeed, type LiveFeed } from '../support/feed';
import { ADMIN_KEY, startApiProcesses, startTestServer, type TestServer } from '../support/server';
import { expectCode } from '../support/wait';


/** How a subscription ended: resolves with what its iterator threw (or undefined when it completed). */
function ending(iterable: AsyncIterable<unknown>): Promise<unknown> {
  return (async () => {
    try {
      for await (const _ of iterable) void _;
      return undefined;
    } catch (error) {
      return error;
    }
  })();
}

/** The close code and reason graphql-ws rejected a subscription with. */
function closeOf(error: unknown): { code: number; reason: string } | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code, reason } = error as { code: unknown; reason?: unknown };
  return { code: Number(code), reason: String(reason ?? '') };
}

/** Waits until `feed` has seen an event emitted (through `emitter`) after it subscribed. */
async function prime(feed: LiveFeed<OnEventSubscription>, emitter: HookwireClient, label: string): Promise<void> {
  await feed.prime(
    () => emitter.EmitEvent({ input: { event: 'PostSignIn', payload: { probe: label } } }),
    (value) => value.events.payload.probe === label,
  );
}

describe.each(DATABASE_KINDS)('revoking a key with live subscriptions on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('closes every connection of the key (4403 "API key revoked"), ending its subscriptions, and no other key\'s', async () => {
    const doomed = (await server.admin.CreateApiKey({ input: { name: 'doomed', scopes: ['READ'] } })).createApiKey;
    const kept = (await server.admin.CreateApiKey({ input: { name: 'kept', scopes: ['READ'] } })).createApiKey;
    // Two connections of the doomed key, one with two subscriptions; one connection of another key.
    const first = server.client(doomed.key);
    const second = server.client(doomed.key);
    const other = server.client(kept.key);
    const feeds = [liveFeed(first.OnEvent({})), liveFeed(first.OnEvent({ types: ['User.*'] })), liveFeed(second.OnEvent({}))];
    const survivor = liveFeed(other.OnEvent({}));
    await prime(feeds[0], server.admin, 'a');
    await prime(feeds[2], server.admin, 'b');
    await prime(survivor, server.admin, 'c');
    await feeds[1].prime(() => server.emit('User.Created', { probe: 'd' }), (value) => value.events.payload.probe === 'd');

    // Each connection's close, as the graphql-ws client reports it.
    const closes = [first, second].map((client) => new Promise<unknown>((resolve) => client.ws.on('closed', resolve)));
    await server.admin.RevokeApiKey({ id: doomed.apiKey.id });
    for (const closed of await Promise.all(closes)) expect(closeOf(closed)).toEqual(KEY_REVOKED_CLOSE);
    for (const feed of feeds) {
      await expect.poll(() => closeOf(feed.error)).toEqual(KEY_REVOKED_CLOSE);
    }
    // The other key's subscription goes on: the next event reaches it, and none of the ended ones.
    const after = await server.emit('PostRegister', { after: 'revocation' });
    await survivor.waitFor(1, (value) => value.events.id === after.id);
    for (const feed of feeds) expect(feed.values.map((value) => value.events.id)).not.toContain(after.id);
    await survivor.close();
  });

  it('refuses a new connection and new subscriptions with the revoked key', async () => {
    const { createApiKey } = await server.admin.CreateApiKey({ input: { name: 'revoked', scopes: ['READ'] } });
    const client = server.client(createApiKey.key);
    const ended = ending(client.OnEvent({}));
    const open = liveFeed(server.client(createApiKey.key).OnEvent({}));
    await prime(open, server.admin, 'e');
    await server.admin.RevokeApiKey({ id: createApiKey.apiKey.id });
    expect(closeOf(await ended)?.code).toBe(4403);
    // The same client reconnects for its next subscription, and is turned away at the door.
    expect(closeOf(await ending(client.OnEvent({})))?.code).toBe(4403);
    await open.close();
  });

  it('ends a plain graphql-ws client\'s subscription with the close code and reason', async () => {
    const { createApiKey } = await server.admin.CreateApiKey({ input: { name: 'raw client', scopes: ['ADMIN'] } });
    const client = createClient({
      url: server.app.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${createApiKey.key}` },
      retryAttempts: 0,
    });
    try {
      const closed = new Promise<unknown>((resolve) => client.on('closed', resolve));
      const results: unknown[] = [];
      const outcome = new Promise<unknown>((resolve) => {
        client.subscribe({ query: 'subscription { events { id payload } }' }, { next: (value) => results.push(value), error: resolve, complete: () => resolve('complete') });
      });
      // Live once an event emitted now arrives.
      await expect.poll(async () => {
        await server.emit('PostSignIn', { probe: 'raw' });
        return results.length;
      }).toBeGreaterThan(0);
      // An ADMIN key may be revoked by itself while another admin credential exists.
      const self = createHookwireClient({ url: server.app.url, apiKey: createApiKey.key });
      await self.RevokeApiKey({ id: createApiKey.apiKey.id }).finally(() => self.close());
      expect(closeOf(await closed)).toEqual(KEY_REVOKED_CLOSE);
      expect(closeOf(await outcome)).toEqual(KEY_REVOKED_CLOSE);
    } finally {
      await client.dispose();
    }
  });
});

describe.skipIf(!POSTGRES_URL || !REDIS_URL)('revoking a key across two api processes on PostgreSQL and Redis', () => {
  let db: TestDatabase;
  const apps: App[] = [];
  const clients: HookwireClient[] = [];
  const client = (app: App, apiKey: string) => {
    const created = createHookwireClient({ url: app.url, apiKey });
    clients.push(created);
    return created;
  };
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    apps.push(...(await startApiProcesses(2, db, REDIS_URL as string)));
  });
  afterAll(async () => {
    await Promise.all(clients.map((created) => created.close()));
    for (const app of apps) await app.close();
    await db?.drop();
  });

  it('closes the key\'s connections on the other process too, and drops it from that process\'s key cache', async () => {
    const [here, there] = apps;
    const adminHere = client(here, ADMIN_KEY);
    const { createApiKey } = await adminHere.CreateApiKey({ input: { name: 'subscriber elsewhere', scopes: ['READ'] } });
    const remote = client(there, createApiKey.key);
    // Over HTTP first: the other process now holds the key in its cache.
    expect((await remote.Hooks()).hooks.totalCount).toBe(0);
    const feed = liveFeed(remote.OnEvent({}));
    // Emitted on this process, seen on the other: the Redis feed is live both ways.
    await prime(feed, adminHere, 'remote');
    const closed = new Promise<unknown>((resolve) => remote.ws.on('closed', resolve));

    await adminHere.RevokeApiKey({ id: createApiKey.apiKey.id });
    expect(closeOf(await closed)).toEqual(KEY_REVOKED_CLOSE);
    await expect.poll(() => closeOf(feed.error)).toEqual(KEY_REVOKED_CLOSE);
    // The same message cleared the other process's cache: HTTP refuses the key there at once.
    await expectCode(remote.Hooks(), 'UNAUTHENTICATED');
  });
});
