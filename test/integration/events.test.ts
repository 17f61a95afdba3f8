import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app';
import { createHookwireClient, type EventsQuery, type HookwireClient } from '../../src/sdk';
import { createTestDatabase, DATABASE_KINDS, POSTGRES_URL, type TestDatabase } from '../support/databases';
import { ADMIN_KEY, startApiProcesses, startTestServer, type TestServer } from '../support/server';
import { expectCode } from '../support/wait';

// Logto's hook events, written out here rather than imported: the test is the contract.
const INTERACTION = ['PostRegister', 'PostSignIn', 'PostSignInAdaptiveMfaTriggered', 'PostResetPassword'];
const DATA = [
  'User.Created',
  'User.Deleted',
  'User.Data.Updated',
  'User.SuspensionStatus.Updated',
  'Role.Created',
  'Role.Deleted',
  'Role.Data.Updated',
  'Role.Scopes.Updated',
  'Scope.Created',
  'Scope.Deleted',
  'Scope.Data.Updated',
  'Organization.Created',
  'Organization.Deleted',
  'Organization.Data.Updated',
  'Organization.Membership.Updated',
  'OrganizationRole.Created',
  'OrganizationRole.Deleted',
  'OrganizationRole.Data.Updated',
  'OrganizationRole.Scopes.Updated',
  'OrganizationScope.Created',
  'OrganizationScope.Deleted',
  'OrganizationScope.Data.Updated',
];
const EXCEPTION = ['Identifier.Lockout', 'Message.RateLimited', 'Grant.LimitExceeded'];

const REDIS_URL = process.env.HOOKWIRE_TEST_REDIS_URL;

type EventNode = EventsQuery['events']['nodes'][number];

describe.each(DATABASE_KINDS)('events on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.close();
  });

  const totalEvents = async () => (await server.admin.Events({ first: 1 })).events.totalCount;

  it("lists Logto's 29 event types with their groups and descriptions", async () => {
    const { eventTypes } = await server.admin.EventTypes();
    const names = (group: string) => eventTypes.filter((type) => type.group === group).map((type) => type.name);
    expect(names('INTERACTION')).toEqual(INTERACTION);
    expect(names('DATA')).toEqual(DATA);
    expect(names('EXCEPTION')).toEqual(EXCEPTION);
    expect(names('CUSTOM')).toEqual([]);
    // Logto's come first, in Logto's order; hookwire's own (OPERATIONAL) types may follow.
    expect(eventTypes.slice(0, 29).map((type) => type.name)).toEqual([...INTERACTION, ...DATA, ...EXCEPTION]);
    expect(eventTypes.slice(29).every((type) => type.group === 'OPERATIONAL')).toBe(true);
    expect(new Set(eventTypes.map((type) => type.name)).size).toBe(eventTypes.length);

    for (const type of eventTypes) expect(type.description.trim().length, type.name).toBeGreaterThan(10);
    expect(new Set(eventTypes.map((type) => type.description)).size).toBe(eventTypes.length);
    const describe = (name: string) => eventTypes.find((type) => type.name === name)?.description ?? '';
    for (const name of DATA) {
      if (name.endsWith('.Created')) expect(describe(name), name).toMatch(/created/i);
      if (name.endsWith('.Deleted')) expect(describe(name), name).toMatch(/deleted/i);
      if (name.endsWith('.Data.Updated')) expect(describe(name), name).toMatch(/updated/i);
    }
    expect(describe('PostRegister')).toMatch(/regist/i);
    expect(describe('PostSignIn')).toMatch(/sign/i);
    expect(describe('PostResetPassword')).toMatch(/password/i);
    expect(describe('Identifier.Lockout')).toMatch(/lock/i);
    expect(describe('Message.RateLimited')).toMatch(/rate/i);
    expect(describe('Grant.LimitExceeded')).toMatch(/grant/i);
  });

  it('registers custom event types usable in emitEvent and hooks', async () => {
    const builtIn = (await server.admin.EventTypes()).eventTypes.length;
    // Before registration the type is unknown everywhere.
    await expectCode(server.admin.EmitEvent({ input: { event: 'Invoice.Paid', payload: {} } }), 'BAD_USER_INPUT');
    await expectCode(server.admin.CreateHook({ input: { name: 'i', events: ['Invoice.*'], url: 'https://example.com' } }), 'BAD_USER_INPUT');

    const { createEventType } = await server.admin.CreateEventType({ input: { name: 'Invoice.Paid', description: 'An invoice was paid' } });
    expect(createEventType).toEqual({ name: 'Invoice.Paid', group: 'CUSTOM', description: 'An invoice was paid' });
    const { createEventType: deeper } = await server.admin.CreateEventType({ input: { name: 'Billing.Plan-2.Changed_Now' } });
    expect(deeper).toEqual({ name: 'Billing.Plan-2.Changed_Now', group: 'CUSTOM', description: '' });

    const { eventTypes } = await server.admin.EventTypes();
    expect(eventTypes).toHaveLength(builtIn + 2);
    expect(eventTypes.filter((type) => type.group === 'CUSTOM')).toEqual([deeper, createEventType]);

    const { emitEvent } = await server.admin.EmitEvent({ input: { event: 'Invoice.Paid', payload: { amount: 10 } } });
    expect(emitEvent).toMatchObject({ event: 'Invoice.Paid', payload: { amount: 10 } });
    const exact = await server.admin.CreateHook({ input: { name: 'i', events: ['Invoice.Paid'], url: 'https://example.com' } });
    expect(exact.createHook.events).toEqual(['Invoice.Paid']);
    const pattern = await server.admin.CreateHook({ input: { name: 'i', events: ['Invoice.*', 'Billing.*'], url: 'https://example.com' } });
    expect(pattern.createHook.events).toEqual(['Invoice.*', 'Billing.*']);
  });

  it('rejects duplicate, built-in and malformed event type names, storing nothing', async () => {
    await server.admin.CreateEventType({ input: { name: 'Shipment.Sent' } });
    const before = (await server.admin.EventTypes()).eventTypes;
    const operational = before.filter((type) => type.group === 'OPERATIONAL').map((type) => type.name);
    const bad = [
      ...operational, // hookwire's own
      'Shipment.Sent', // registered already
      'User.Created', // built in
      'Role.Scopes.Updated', // built in
      'PostRegister', // built in, and not dotted
      'Invoice', // not dotted
      'Invoice.',
      '.Paid',
      'Invoice..Paid',
      'Invoice Paid.Now',
      'Invoice.*',
      '*',
      '1nvoice.Paid',
      'Invoice.Päid',
      '',
      `A.${'b'.repeat(300)}`,
    ];
    for (const name of bad) await expectCode(server.admin.CreateEventType({ input: { name } }), 'BAD_USER_INPUT');
    await expectCode(server.admin.CreateEventType({ input: { name: 'Okay.Name', description: 'x'.repeat(2000) } }), 'BAD_USER_INPUT');
    expect((await server.admin.EventTypes()).eventTypes).toEqual(before);
  });

  it('emits an event and returns its id and createdAt', async () => {
    const payload = { userId: 'u1', user: { id: 'u1', primaryEmail: 'a@example.com' }, path: '/users', method: 'POST', status: 201 };
    const started = Date.now();
    const { emitEvent } = await server.admin.EmitEvent({ input: { event: 'User.Created', payload } });
    const finished = Date.now();
    expect(emitEvent).toEqual({ id: expect.stringMatching(/^evt_[0-9A-Z]{26}$/), event: 'User.Created', payload, idempotencyKey: null, createdAt: expect.any(String) });
    expect(new Date(emitEvent.createdAt).toISOString()).toBe(emitEvent.createdAt);
    const createdAt = Date.parse(emitEvent.createdAt);
    expect(createdAt).toBeGreaterThanOrEqual(started - 1000);
    expect(createdAt).toBeLessThanOrEqual(finished + 1000);

    const { event } = await server.admin.Event({ id: emitEvent.id });
    expect(event).toEqual(emitEvent);
    const { events } = await server.admin.Events({ first: 1 });
    expect(events.nodes[0]).toEqual(emitEvent);
  });

  it('stores one event per idempotency key', async () => {
    const before = await totalEvents();
    const first = (await server.admin.EmitEvent({ input: { event: 'User.Deleted', payload: { userId: 'u2' }, idempotencyKey: 'delete-u2' } })).emitEvent;
    expect(first.idempotencyKey).toBe('delete-u2');
    const again = (await server.admin.EmitEvent({ input: { event: 'User.Deleted', payload: { userId: 'u2' }, idempotencyKey: 'delete-u2' } })).emitEvent;
    expect(again).toEqual(first);
    // The key again with another input is a conflict, and stores nothing.
    await expectCode(server.admin.EmitEvent({ input: { event: 'Role.Created', payload: { other: true }, idempotencyKey: 'delete-u2' } }), 'CONFLICT');
    expect(await totalEvents()).toBe(before + 1);
    expect((await server.admin.Event({ id: first.id })).event).toEqual(first);

    // Another key is another event.
    const other = (await server.admin.EmitEvent({ input: { event: 'User.Deleted', payload: { userId: 'u2' }, idempotencyKey: 'delete-u2-b' } })).emitEvent;
    expect(other.id).not.toBe(first.id);
    expect(await totalEvents()).toBe(before + 2);
  });

  it('stores one event when emits with one idempotency key race', async () => {
    const before = await totalEvents();
    const emits = Array.from({ length: 8 }, () =>
      server.admin.EmitEvent({ input: { event: 'Role.Created', payload: { attempt: 1 }, idempotencyKey: 'race-1' } }),
    );
    const results = await Promise.all(emits);
    const ids = new Set(results.map((result) => result.emitEvent.id));
    expect(ids.size).toBe(1);
    expect(await totalEvents()).toBe(before + 1);
    const [id] = ids;
    const { event } = await server.admin.Event({ id });
    expect(results.map((result) => result.emitEvent)).toEqual(results.map(() => event));
  });

  it('reads events back by type, newest first, page by page', async () => {
    const emitted: EventNode[] = [];
    for (const type of ['Scope.Created', 'Scope.Deleted', 'Scope.Created', 'Scope.Data.Updated', 'Scope.Created', 'Scope.Deleted']) {
      emitted.push((await server.admin.EmitEvent({ input: { event: type, payload: { n: emitted.length } } })).emitEvent);
    }
    const expected = (types: string[]) => emitted.filter((event) => types.includes(event.event)).reverse();

    const created = (await server.admin.Events({ types: ['Scope.Created'], first: 100 })).events;
    expect(created.nodes).toEqual(expected(['Scope.Created']));
    expect(created.totalCount).toBe(3);
    expect(created.pageInfo.hasNextPage).toBe(false);
    const two = (await server.admin.Events({ types: ['Scope.Created', 'Scope.Deleted'], first: 100 })).events;
    expect(two.nodes).toEqual(expected(['Scope.Created', 'Scope.Deleted']));
    expect(two.totalCount).toBe(5);
    const none = (await server.admin.Events({ types: ['OrganizationScope.Deleted'] })).events;
    expect(none).toEqual({ nodes: [], pageInfo: { endCursor: null, hasNextPage: false }, totalCount: 0 });

    // Paging through a filter: two per page, no duplicates, nothing skipped.
    const seen: EventNode[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { events }: EventsQuery = await server.admin.Events({ types: ['Scope.Created', 'Scope.Deleted'], first: 2, after });
      expect(events.totalCount).toBe(5);
      seen.push(...events.nodes);
      if (!events.pageInfo.hasNextPage) break;
      after = events.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected(['Scope.Created', 'Scope.Deleted']));

    // Patterns select as hooks' do; a time range bounds createdAt.
    const scoped = (await server.admin.Events({ types: ['Scope.*', 'Role.Created'], first: 100 })).events;
    expect(scoped.nodes.slice(0, 6)).toEqual([...emitted].reverse());
    const middle = emitted[3].createdAt;
    const later = (await server.admin.Events({ types: ['Scope.*'], since: middle, first: 100 })).events.nodes;
    // Every event from `middle` on (those emitted in the same millisecond as it included), and no other.
    expect(later.map((event) => event.id)).toEqual(emitted.filter((event) => event.createdAt >= middle).reverse().map((event) => event.id));
    const earlier = (await server.admin.Events({ types: ['Scope.*'], until: emitted[0].createdAt, first: 100 })).events.nodes;
    expect(earlier.every((event) => event.createdAt <= emitted[0].createdAt)).toBe(true);
    expect(earlier.map((event) => event.id)).toContain(emitted[0].id);
    await expectCode(server.admin.Events({ since: middle, until: '2000-01-01T00:00:00Z' }), 'BAD_USER_INPUT');
    await expectCode(server.admin.Events({ types: ['Sc%pe.*'] }), 'BAD_USER_INPUT');

    // Unfiltered, every event is there once, newest first.
    const all = (await server.admin.Events({ first: 100 })).events;
    expect(all.totalCount).toBe(all.nodes.length);
    expect(new Set(all.nodes.map((event) => event.id)).size).toBe(all.nodes.length);
    expect(all.nodes.slice(0, 6)).toEqual([...emitted].reverse());
  });

  it('reads events back by pattern, as hooks and the live feed select them, alike on both databases', async () => {
    // Custom names that trip a LIKE: `_` is a LIKE wildcard, and SQLite's LIKE ignores case.
    for (const name of ['Pat_Tern.Paid', 'PatXTern.Paid', 'pat_tern.Lower']) await server.admin.CreateEventType({ input: { name } });
    const emitted: EventNode[] = [];
    for (const type of ['Pat_Tern.Paid', 'PatXTern.Paid', 'pat_tern.Lower', 'Pat_Tern.Paid', 'Role.Created', 'PatXTern.Paid']) {
      emitted.push((await server.admin.EmitEvent({ input: { event: type, payload: { n: emitted.length } } })).emitEvent);
    }
    const ids = (events: EventNode[]) => events.map((event) => event.id);
    const selected = (...types: string[]) => ids(emitted.filter((event) => types.includes(event.event)).reverse());
    const read = async (types: string[], first = 100) => (await server.admin.Events({ types, first })).events;

    const underscore = await read(['Pat_Tern.*']);
    expect(ids(underscore.nodes)).toEqual(selected('Pat_Tern.Paid'));
    expect(underscore.totalCount).toBe(2);
    const mixed = await read(['PatXTern.*', 'pat_tern.Lower']);
    expect(ids(mixed.nodes)).toEqual(selected('PatXTern.Paid', 'pat_tern.Lower'));
    expect(mixed.totalCount).toBe(3);
    const lower = await read(['pat_tern.*']);
    expect(ids(lower.nodes)).toEqual(selected('pat_tern.Lower'));
    // `*` is every event; an exact name and a pattern covering it select it once.
    expect((await read(['*'])).totalCount).toBe(await totalEvents());
    expect(ids((await read(['Pat_Tern.Paid', 'Pat_Tern.*'])).nodes)).toEqual(selected('Pat_Tern.Paid'));

    // A pattern pages like any filter: one per page, no duplicates, nothing skipped.
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { events }: EventsQuery = await server.admin.Events({ types: ['PatXTern.*', 'pat_tern.Lower'], first: 1, after });
      expect(events.totalCount).toBe(3);
      seen.push(...ids(events.nodes));
      if (!events.pageInfo.hasNextPage) break;
      after = events.pageInfo.endCursor;
    }
    expect(seen).toEqual(selected('PatXTern.Paid', 'pat_tern.Lower'));

    // What createHook refuses, the query refuses too, rather than answering nothing.
    for (const types of [['Nope.*'], ['User.Exploded'], ['User.Created', 'user.created'], ['User*'], ['User.**'], ['']]) {
      await expectCode(server.admin.Events({ types }), 'BAD_USER_INPUT');
    }
  });

  it('deletes a custom event type once no hook names it; its stored events stay', async () => {
    await server.admin.CreateEventType({ input: { name: 'Doomed.Type', description: 'about to go' } });
    const event = (await server.admin.EmitEvent({ input: { event: 'Doomed.Type', payload: { kept: true } } })).emitEvent;
    const naming = [];
    for (let i = 0; i < 12; i++) naming.push(await server.createHook(`https://example.com/doomed/${i}`, i % 2 ? ['Doomed.Type'] : ['PostResetPassword', 'Doomed.Type']));
    // A pattern does not hold the type.
    await server.createHook('https://example.com/doomed/pattern', ['Doomed.*']);

    const inUse = await expectCode(server.admin.DeleteEventType({ name: 'Doomed.Type' }), 'EVENT_TYPE_IN_USE');
    expect(inUse.message).toContain('12 hooks');
    expect(inUse.message).toContain(`${naming[0].id} ("hook https://example.com/doomed/0")`);
    expect(inUse.message).toContain(naming[9].id);
    expect(inUse.message).not.toContain(naming[10].id);
    expect(inUse.message).toContain('and 2 more');
    expect((await server.admin.EventTypes()).eventTypes.map((type) => type.name)).toContain('Doomed.Type');

    for (const hook of naming.slice(1)) await server.admin.DeleteHook({ id: hook.id });
    const one = await expectCode(server.admin.DeleteEventType({ name: 'Doomed.Type' }), 'EVENT_TYPE_IN_USE');
    expect(one.message).toMatch(new RegExp(`named by 1 hook: ${naming[0].id} `));
    await server.admin.UpdateHook({ id: naming[0].id, input: { events: ['PostResetPassword'] } });

    const { deleteEventType } = await server.admin.DeleteEventType({ name: 'Doomed.Type' });
    expect(deleteEventType).toEqual({ name: 'Doomed.Type', group: 'CUSTOM', description: 'about to go' });
    expect((await server.admin.EventTypes()).eventTypes.map((type) => type.name)).not.toContain('Doomed.Type');
    expect((await server.admin.Event({ id: event.id })).event).toEqual(event);
    await expectCode(server.admin.EmitEvent({ input: { event: 'Doomed.Type', payload: {} } }), 'BAD_USER_INPUT');
    await expectCode(server.admin.CreateHook({ input: { name: 'late', url: 'https://example.com/late', events: ['Doomed.Type'] } }), 'BAD_USER_INPUT');
    await expectCode(server.admin.DeleteEventType({ name: 'Doomed.Type' }), 'NOT_FOUND');
    // The name is free again.
    await server.admin.CreateEventType({ input: { name: 'Doomed.Type' } });
  });

  it('refuses to delete built-in and operational event types, and needs ADMIN', async () => {
    for (const name of ['User.Created', 'PostSignIn', 'Hook.Disabled', 'Delivery.Exhausted']) {
      await expectCode(server.admin.DeleteEventType({ name }), 'BAD_USER_INPUT');
    }
    await expectCode(server.admin.DeleteEventType({ name: 'Never.Registered' }), 'NOT_FOUND');
    await server.admin.CreateEventType({ input: { name: 'Guarded.Type' } });
    const { createApiKey } = await server.admin.CreateApiKey({ input: { name: 'reader', scopes: ['READ'] } });
    await expectCode(server.client(createApiKey.key).DeleteEventType({ name: 'Guarded.Type' }), 'FORBIDDEN');
    expect((await server.admin.EventTypes()).eventTypes.map((type) => type.name)).toContain('Guarded.Type');
  });
});

describe.skipIf(!POSTGRES_URL || !REDIS_URL)('deleting a custom event type across two api processes on PostgreSQL and Redis', () => {
  let db: TestDatabase;
  const apps: App[] = [];
  const clients: HookwireClient[] = [];
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    apps.push(...(await startApiProcesses(2, db, REDIS_URL as string)));
    clients.push(...apps.map((app) => createHookwireClient({ url: app.url, apiKey: ADMIN_KEY })));
  });
  afterAll(async () => {
    await Promise.all(clients.map((created) => created.close()));
    for (const app of apps) await app.close();
    await db?.drop();
  });

  it('stops being valid on the other process too, though that process had it cached', async () => {
    const [here, there] = clients;
    await here.CreateEventType({ input: { name: 'Shared.Doomed', description: 'deleted elsewhere' } });
    // The other process learns of the type on its first use, and caches it.
    await there.EmitEvent({ input: { event: 'Shared.Doomed', payload: { n: 1 } } });
    await there.CreateHook({ input: { name: 'pattern only', events: ['Shared.*'], url: 'https://example.com' } });

    await here.DeleteEventType({ name: 'Shared.Doomed' });
    // EVENT_TYPE_CHANGED reaches the other process over Redis, which then refuses the type.
    const refusal = () =>
      there.EmitEvent({ input: { event: 'Shared.Doomed', payload: { n: 2 } } }).then(
        () => 'accepted',
        (error: { codes: string[] }) => error.codes[0],
      );
    await expect.poll(refusal).toBe('BAD_USER_INPUT');
    await expectCode(there.CreateHook({ input: { name: 'exact', events: ['Shared.Doomed'], url: 'https://example.com' } }), 'BAD_USER_INPUT');
    // And a type of that name can be registered again, there, and is valid here at once.
    await there.CreateEventType({ input: { name: 'Shared.Doomed', description: 'back' } });
    await here.EmitEvent({ input: { event: 'Shared.Doomed', payload: { n: 3 } } });
  });
});
