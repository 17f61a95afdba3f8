import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHookwireClient, HookwireRequestError, type OnEventSubscription } from '../../src/sdk';
import { DATABASE_KINDS } from '../support/databases';
import { liveFeed, type LiveFeed } from '../support/feed';
import { ADMIN_KEY, startTestServer, type TestServer } from '../support/server';

type Live = OnEventSubscription['events'];

/**
 * What a graphql-ws subscription rejected with: a close event, or the server's errors.
 * `poke` (emitting an event the subscription would select) runs until the first result
 * settles, so a subscription wrongly accepted fails the test at once instead of hanging.
 */
async function rejection(iterable: AsyncIterable<unknown>, poke?: () => Promise<unknown>): Promise<unknown> {
  const iterator = iterable[Symbol.asyncIterator]();
  let settled = false;
  const first = iterator.next().finally(() => {
    settled = true;
  });
  const poking = (async () => {
    while (poke && !settled) {
      await poke();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    const next = await first;
    throw Object.assign(new Error(`the subscription was not rejected; it yielded ${JSON.stringify(next)}`), { accepted: true });
  } catch (error) {
    if ((error as { accepted?: boolean }).accepted) throw error;
    return error;
  } finally {
    await poking;
    await iterator.return?.();
  }
}

/** The close code of a rejected graphql-ws connection. */
function closeCode(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? Number((error as { code: unknown }).code) : undefined;
}

describe.each(DATABASE_KINDS)('live feed on %s', (kind) => {
  let server: TestServer;
  let probes = 0;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Waits until `feed` is live, using events of `type` marked as probes. */
  async function prime(feed: LiveFeed<OnEventSubscription>, type: string): Promise<void> {
    const probe = `probe-${++probes}`;
    await feed.prime(
      () => server.admin.EmitEvent({ input: { event: type, payload: { probe } } }),
      (value) => value.events.payload.probe === probe,
    );
  }
  const real = (values: OnEventSubscription[]): Live[] => values.map((value) => value.events).filter((event) => !('probe' in event.payload));

  it('pushes every emitted event with the fields Query.event returns', async () => {
    const feed = liveFeed(server.admin.OnEvent({}));
    try {
      await prime(feed, 'PostSignIn');
      const emitted = [
        (await server.admin.EmitEvent({ input: { event: 'User.Created', payload: { userId: 'u1', user: { name: 'Ann' } }, idempotencyKey: 'live-1' } })).emitEvent,
        await server.emit('Organization.Membership.Updated', { organizationId: 'o1' }),
        await server.emit('Grant.LimitExceeded', { userId: 'u1' }),
      ];
      const arrived = await feed.waitFor(3, (value) => !('probe' in value.events.payload));
      expect(arrived.map((value) => value.events)).toEqual(emitted);
      for (const event of emitted) expect((await server.admin.Event({ id: event.id })).event).toEqual(arrived.find((v) => v.events.id === event.id)?.events);
      // An idempotent repeat stores nothing, so it is not pushed again.
      await server.admin.EmitEvent({ input: { event: 'User.Created', payload: { userId: 'u1', user: { name: 'Ann' } }, idempotencyKey: 'live-1' } });
      const last = await server.emit('PostRegister');
      await feed.waitFor(1, (value) => value.events.id === last.id);
      expect(real(feed.values).map((event) => event.id)).toEqual([...emitted.map((event) => event.id), last.id]);
    } finally {
      await feed.close();
    }
  });

  it('filters by exact types and by patterns', async () => {
    const exact = liveFeed(server.admin.OnEvent({ types: ['Role.Created', 'PostSignIn'] }));
    const users = liveFeed(server.admin.OnEvent({ types: ['User.*'] }));
    const everything = liveFeed(server.admin.OnEvent({ types: ['*'] }));
    try {
      await prime(exact, 'PostSignIn');
      await prime(users, 'User.SuspensionStatus.Updated');
      await prime(everything, 'PostRegister');

      const sequence = ['User.Created', 'Role.Deleted', 'Role.Created', 'User.Data.Updated', 'Organization.Created', 'PostSignIn', 'Role.Data.Updated'];
      const emitted: Live[] = [];
      for (const type of sequence) emitted.push(await server.emit(type, { n: emitted.length }));
      // Events reach a feed in the order they were emitted, so once the last one a feed
      // selects has arrived, anything it should not select would have arrived before it.
      const barrier = await server.emit('User.Deleted', { barrier: true });
      await everything.waitFor(1, (value) => value.events.id === barrier.id);
      await users.waitFor(1, (value) => value.events.id === barrier.id);
      const exactLast = await server.emit('Role.Created', { barrier: true });
      await exact.waitFor(1, (value) => value.events.id === exactLast.id);

      const ids = (events: Live[]) => events.map((event) => event.id);
      const of = (...types: string[]) => emitted.filter((event) => types.includes(event.event));
      expect(ids(real(exact.values))).toEqual(ids([...of('Role.Created', 'PostSignIn'), exactLast]));
      expect(ids(real(users.values))).toEqual(ids([...of('User.Created', 'User.Data.Updated'), barrier]));
      await everything.waitFor(1, (value) => value.events.id === exactLast.id);
      expect(ids(real(everything.values))).toEqual(ids([...emitted, barrier, exactLast]));
    } finally {
      await Promise.all([exact.close(), users.close(), everything.close()]);
    }
  });

  it('gives identical subscriptions the same events, and each subscriber its own selection and types', async () => {
    // Two sockets with the same key and document share one execution; a READ key's identical
    // document runs apart from the admin's; the fourth asks for other fields of other types.
    const { createApiKey } = await server.admin.CreateApiKey({ input: { name: 'shared reader', scopes: ['READ'] } });
    const first = liveFeed(server.admin.OnEvent({ types: ['OrganizationScope.*'] }));
    const second = liveFeed(server.client(ADMIN_KEY).OnEvent({ types: ['OrganizationScope.*'] }));
    const reader = liveFeed(server.client(createApiKey.key).OnEvent({ types: ['OrganizationScope.*'] }));
    type Narrow = { data?: { events: { event: string; payload: Record<string, unknown> } } };
    const query = 'subscription { events(types: ["OrganizationRole.*"]) { event payload } }';
    const narrow = liveFeed(server.admin.ws.iterate({ query }) as AsyncIterable<Narrow>);
    try {
      for (const feed of [first, second, reader]) await prime(feed, 'OrganizationScope.Data.Updated');
      const probe = `probe-${++probes}`;
      await narrow.prime(
        () => server.admin.EmitEvent({ input: { event: 'OrganizationRole.Data.Updated', payload: { probe } } }),
        (value) => value.data?.events.payload.probe === probe,
      );

      const emitted = [
        await server.emit('OrganizationScope.Created', { n: 1 }),
        await server.emit('OrganizationRole.Created', { n: 2 }),
        await server.emit('OrganizationScope.Deleted', { n: 3 }),
      ];
      await server.emit('OrganizationRole.Deleted', { barrier: true });
      await narrow.waitFor(1, (value) => value.data?.events.payload.barrier === true);
      const scopes = emitted.filter((event) => event.event.startsWith('OrganizationScope.'));
      for (const feed of [first, second, reader]) {
        await feed.waitFor(1, (value) => value.events.id === scopes[1].id);
        expect(real(feed.values)).toEqual(scopes);
      }
      expect(narrow.values.map((value) => value.data?.events).filter((event) => !event?.payload.probe)).toEqual([
        { event: 'OrganizationRole.Created', payload: { n: 2 } },
        { event: 'OrganizationRole.Deleted', payload: { barrier: true } },
      ]);
    } finally {
      await Promise.all([first.close(), second.close(), reader.close(), narrow.close()]);
    }
  });

  it('lets a READ key subscribe', async () => {
    const { createApiKey } = await server.admin.CreateApiKey({ input: { name: 'reader', scopes: ['READ'] } });
    const reader = server.client(createApiKey.key);
    const feed = liveFeed(reader.OnEvent({ types: ['Scope.*'] }));
    try {
      await prime(feed, 'Scope.Deleted');
      const event = await server.emit('Scope.Created', { scopeId: 's1' });
      const [value] = await feed.waitFor(1, (v) => v.events.id === event.id);
      expect(value.events).toEqual(event);
    } finally {
      await feed.close();
    }
  });

  it('closes a connection without a valid key (4403) before anything is delivered', async () => {
    const { createApiKey } = await server.admin.CreateApiKey({ input: { name: 'soon revoked', scopes: ['READ'] } });
    // The key works until it is revoked.
    const before = liveFeed(server.client(createApiKey.key).OnEvent({}));
    await prime(before, 'PostSignIn');
    await before.close();
    await server.admin.RevokeApiKey({ id: createApiKey.apiKey.id });

    const keys: Array<[string, string | undefined]> = [
      ['no key', undefined],
      ['an unknown key', 'hwk_not-a-key-this-server-issued'],
      ['a revoked key', createApiKey.key],
    ];
    for (const [label, key] of keys) {
      // A fresh client per key: graphql-ws checks the key once, when the connection opens.
      const client = createHookwireClient({ url: server.app.url, apiKey: key });
      try {
        // Events emitted meanwhile must not reach the rejected subscription.
        const error = await rejection(client.OnEvent({}), () => server.emit('PostSignIn', { during: label }));
        expect(closeCode(error), `${label}: ${String(error)}`).toBe(4403);
      } finally {
        await client.close();
      }
    }
  });

  it('closes an open connection when its key is revoked, and refuses its next subscription', async () => {
    const { createApiKey } = await server.admin.CreateApiKey({ input: { name: 'revoked while connected', scopes: ['READ'] } });
    const client = server.client(createApiKey.key);
    const open = liveFeed(client.OnEvent({}));
    try {
      await prime(open, 'PostSignIn');
      const closed = new Promise<unknown>((resolve) => client.ws.on('closed', resolve));
      await server.admin.RevokeApiKey({ id: createApiKey.apiKey.id });
      expect(closeCode(await closed)).toBe(4403);
      // Same client: it reconnects for the new subscription, and the key is refused at the door.
      const error = await rejection(client.OnEvent({ types: ['User.*'] }), () => server.emit('User.Created', { poke: true }));
      expect(closeCode(error), String(error)).toBe(4403);
    } finally {
      await open.close();
    }
  });

  it('refuses types that name no event type, validated as createHook validates them (BAD_USER_INPUT)', async () => {
    // Each list holds a good entry too, so a subscription wrongly accepted yields the poke.
    for (const types of [['PostSignIn', 'Nope.*'], ['PostSignIn', 'User.Exploded'], ['PostSignIn', 'postsignin'], ['PostSignIn', 'User*']]) {
      const error = await rejection(server.admin.OnEvent({ types }), () => server.emit('PostSignIn', { poke: true }));
      expect(error, JSON.stringify(types)).toBeInstanceOf(HookwireRequestError);
      expect((error as HookwireRequestError).codes, JSON.stringify(types)).toEqual(['BAD_USER_INPUT']);
      expect((error as Error).message).toContain(types[1]);
    }
    // A custom type registered after the server started is known to the feed at once.
    await server.admin.CreateEventType({ input: { name: 'Feed.Custom' } });
    const custom = liveFeed(server.admin.OnEvent({ types: ['Feed.*'] }));
    try {
      await prime(custom, 'Feed.Custom');
    } finally {
      await custom.close();
    }
  });

  it('refuses the live feed to an EMIT-only key (FORBIDDEN)', async () => {
    const { createApiKey } = await server.admin.CreateApiKey({ input: { name: 'emitter', scopes: ['EMIT'] } });
    const error = await rejection(server.client(createApiKey.key).OnEvent({}), () => server.emit('User.Created', { poke: true }));
    expect(error).toBeInstanceOf(HookwireRequestError);
    expect((error as HookwireRequestError).codes).toEqual(['FORBIDDEN']);
  });

  it('applies the query limits to subscriptions too', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: id`).join(' ');
    const results = server.admin.ws.iterate({ query: `subscription { events { ${aliases} } }` });
    const error = await rejection(results);
    // graphql-ws rejects with the `error` message's GraphQL errors.
    expect(Array.isArray(error), String(error)).toBe(true);
    const errors = error as Array<{ message: string; extensions?: { code?: string } }>;
    expect(errors.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(errors[0].message).toMatch(/40 aliases/);
  });
});
