import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HookwireClient } from '../../src/sdk';
import { MAX_QUERY_COST } from '../../src/server/query-cost';
import { DATABASE_KINDS } from '../support/databases';
import { postRaw } from '../support/raw';
import { startReceiver, type Receiver } from '../support/receiver';
import { ADMIN_KEY, startTestServer, type TestServer } from '../support/server';
import { eventually } from '../support/wait';

/** The attack of issue 10: 30 aliases of 100 hooks × 100 deliveries × their attempts. */
const ATTACK = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: hooks(first: 100) { nodes { deliveries(first: 100) { nodes { attempts { id } } } } }`).join(' ')} }`;

/** The same shape sized by a variable: costly at `$n = 100`, cheap at `$n = 2`. */
const SIZED = `query Sized($n: Int) { ${Array.from({ length: 5 }, (_, i) => `a${i}: hooks(first: $n) { nodes { deliveries(first: $n) { nodes { attempts { id } } } } }`).join(' ')} }`;

/** A page of hooks with their stats and a page of deliveries each, with their attempts. */
const PAGE = `{ hooks(first: 10) { nodes { id executionStats { requestCount successCount }
  deliveries(first: 20) { nodes { id attemptCount attempts { id number succeeded } } } } } }`;

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; cost?: number; limit?: number };
}

function expectTooCostly(errors: readonly GraphQLErrorBody[] | undefined): void {
  expect(errors).toHaveLength(1);
  const [error] = errors!;
  expect(error!.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: MAX_QUERY_COST });
  expect(error!.extensions!.cost).toBeGreaterThan(MAX_QUERY_COST);
  expect(error!.message).toContain(String(error!.extensions!.cost));
  expect(error!.message).toContain(String(MAX_QUERY_COST));
}

/** What a graphql-ws operation ended with: its results, or the errors it was refused with. */
async function overWebSocket(client: HookwireClient, query: string): Promise<{ results: unknown[]; errors?: GraphQLErrorBody[] }> {
  const results: unknown[] = [];
  try {
    for await (const result of client.ws.iterate({ query })) results.push(result);
    return { results };
  } catch (error) {
    return { results, errors: error as GraphQLErrorBody[] };
  }
}

describe.each(DATABASE_KINDS)('query cost on %s', (kind) => {
  let server: TestServer;
  let good: Receiver;
  let flaky: Receiver;
  let readKey: string;
  let reader: HookwireClient;
  const hookIds: string[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind, { HOOKWIRE_RETRY_SCHEDULE: '50ms,50ms' });
    good = await startReceiver();
    flaky = await startReceiver();
    // The flaky endpoint fails the first event twice: that delivery gets three attempts.
    let failures = 0;
    flaky.reply((received) => ({ status: received.body.includes('"u_0"') && failures++ < 2 ? 500 : 200 }));
    for (const url of [`${good.url}/a`, `${good.url}/b`, `${flaky.url}/c`]) hookIds.push((await server.createHook(url, ['User.Created'])).id);
    for (let i = 0; i < 4; i++) await server.emit('User.Created', { userId: `u_${i}` });
    await good.waitFor(8);
    await flaky.waitFor(6);
    await eventually(async () => {
      const deliveries = (await Promise.all(hookIds.map((id) => server.deliveriesOf(id)))).flat();
      return deliveries.length === 12 && deliveries.every((delivery) => delivery.status === 'SUCCEEDED');
    });
    readKey = (await server.admin.CreateApiKey({ input: { name: 'reader', scopes: ['READ'] } })).createApiKey.key;
    reader = server.client(readKey);
  });
  afterAll(async () => {
    await server?.close();
    await good?.close();
    await flaky?.close();
  });

  it('refuses the 30-alias attack over HTTP with QUERY_TOO_COSTLY, its cost and the limit, and keeps serving', async () => {
    const response = await postRaw(server.app.url, { query: ATTACK }, { apiKey: readKey });
    expect(response.status).toBe(400);
    expect(response.json?.data).toBeUndefined();
    expectTooCostly(response.json?.errors);
    const health = await request(new URL('/healthz', server.app.url));
    await health.body.dump();
    expect(health.statusCode).toBe(200);
  });

  it('refuses a 2 KB chain of fragments, each spreading the next twice, without walking every spread', async () => {
    // 2^40 spreads of the last fragment: validated and costed by walking each, this never ends.
    const chain = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ');
    const response = await postRaw(server.app.url, { query: `{ ...F0 } ${chain} fragment F40 on Query { eventTypes { name } }` }, { apiKey: readKey });
    expectTooCostly(response.json?.errors);
  });

  it('refuses the attack over graphql-ws, as a query and as a subscription', async () => {
    const query = await overWebSocket(reader, ATTACK);
    expect(query.results).toEqual([]);
    expectTooCostly(query.errors);
    // Two aliases of a page of deliveries, each with every attempt's headers, on every live event.
    const subscription = await overWebSocket(
      reader,
      `subscription { events { ${['a', 'b'].map((alias) => `${alias}: deliveries(first: 100) { nodes { attempts { request { headers { name value } } } } }`).join(' ')} } }`,
    );
    expectTooCostly(subscription.errors);
  });

  it('costs `first: $n` at the value of $n, over HTTP and graphql-ws alike', async () => {
    const costly = await postRaw(server.app.url, { query: SIZED, variables: { n: 100 } }, { apiKey: readKey });
    expectTooCostly(costly.json?.errors);
    const cheap = await postRaw(server.app.url, { query: SIZED, variables: { n: 2 } }, { apiKey: readKey });
    expect(cheap.json?.errors).toBeUndefined();
    expect((cheap.json?.data?.a0 as { nodes: unknown[] }).nodes).toHaveLength(2);

    const refused = await new Promise<unknown>((resolve) => {
      reader.ws.subscribe({ query: SIZED, variables: { n: 100 } }, { next: resolve, error: resolve, complete: () => resolve('complete') });
    });
    expectTooCostly(refused as GraphQLErrorBody[]);
  });

  it("answers the SDK's operations at their largest pages", async () => {
    const { hooks } = await reader.Hooks({ first: 100 });
    expect(hooks.nodes).toHaveLength(3);
    const { hook } = await reader.HookDeliveries({ id: hookIds[2]!, first: 100 });
    expect(hook.deliveries.nodes).toHaveLength(4);
    const { delivery } = await reader.Delivery({ id: hook.deliveries.nodes.find((node) => node.attemptCount === 3)!.id });
    expect(delivery.attempts.map((attempt) => attempt.number)).toEqual([1, 2, 3]);
    const { events } = await reader.Events({ first: 100 });
    const { event } = await reader.EventDeliveries({ id: events.nodes[0]!.id, first: 100 });
    expect(event.deliveries.totalCount).toBe(3);
    const { emitEvent } = await server.admin.EmitEventAndWait({ input: { event: 'User.Created', payload: {} }, waitFor: '5s' });
    expect(emitEvent.deliveries.nodes).toHaveLength(3);
    expect(emitEvent.deliveries.nodes.every((node) => node.attempts.length >= 1)).toBe(true);
  });

  it('loads the attempts and stats of a whole page in one statement each, each parent getting its own', async () => {
    const connection = server.app.orm.em.getConnection() as AbstractSqlConnection;
    const statements: string[] = [];
    const record = (query: { sql: string }) => statements.push(query.sql);
    connection.getKnex().on('query', record);
    // The stats are one statement of the queue's, in its own SQL (not through the ORM's knex): counted by call.
    const spy = vi.spyOn(server.app.services.hooks, 'executionStatsOf');
    const statsReads = spy.mock.calls;
    let page: PageResult;
    try {
      const response = await postRaw(server.app.url, { query: PAGE }, { apiKey: readKey });
      expect(response.json?.errors).toBeUndefined();
      page = response.json!.data as unknown as PageResult;
    } finally {
      connection.getKnex().off('query', record);
      spy.mockRestore();
    }
    const reads = (table: RegExp) => statements.filter((sql) => /^select\b/i.test(sql) && table.test(sql)).length;
    // Per page: one statement for the attempts of its deliveries, one for every hook's stats, two
    // for every hook's deliveries (page and count). Once per parent, they were 13 (one per
    // delivery) + 6 (two per hook) and 6 (two per hook).
    expect(reads(/delivery_attempts/)).toBeGreaterThanOrEqual(1);
    expect(reads(/delivery_attempts/)).toBeLessThanOrEqual(hookIds.length);
    expect(statsReads).toHaveLength(1);
    expect(statsReads[0]![0]).toHaveLength(hookIds.length);
    expect(reads(/\bdeliveries\b/)).toBe(2);

    for (const hook of page.hooks.nodes) {
      const single = await reader.Hook({ id: hook.id });
      expect(hook.executionStats).toEqual(single.hook.executionStats);
      for (const delivery of hook.deliveries.nodes) {
        const { delivery: alone } = await reader.Delivery({ id: delivery.id });
        expect(delivery.attempts).toEqual(alone.attempts.map(({ id, number, succeeded }) => ({ id, number, succeeded })));
        expect(delivery.attempts).toHaveLength(delivery.attemptCount);
      }
    }
    // Every attempt is recent and every delivery is on the page: the stats are their sums.
    for (const hook of page.hooks.nodes) {
      const attempts = hook.deliveries.nodes.flatMap((delivery) => delivery.attempts);
      expect(hook.executionStats).toEqual({ requestCount: attempts.length, successCount: attempts.filter((attempt) => attempt.succeeded).length });
    }
    expect(page.hooks.nodes.find((hook) => hook.id === hookIds[2])!.executionStats.requestCount).toBeGreaterThan(hookIds.length + 1);
  });
});

interface PageResult {
  hooks: {
    nodes: Array<{
      id: string;
      executionStats: { requestCount: number; successCount: number };
      deliveries: { nodes: Array<{ id: string; attemptCount: number; attempts: Array<{ id: string; number: number; succeeded: boolean }> }> };
    }>;
  };
}

describe.each(DATABASE_KINDS)('pages of deliveries loaded together on %s', (kind) => {
  let server: TestServer;
  let receiver: Receiver;
  const hookIds: string[] = [];
  beforeAll(async () => {
    server = await startTestServer(kind);
    receiver = await startReceiver();
    // Three hooks on User.Created, one also on Role.Created: pages differ from hook to hook.
    for (const events of [['User.Created'], ['User.Created'], ['User.Created', 'Role.Created']]) {
      hookIds.push((await server.createHook(`${receiver.url}/${hookIds.length}`, events)).id);
    }
    for (let i = 0; i < 3; i++) await server.emit('User.Created', { userId: `u_${i}` });
    await server.emit('Role.Created', {});
    await receiver.waitFor(10);
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  it("gives every hook and every event its own page, as the hook's or event's own query does", async () => {
    const query = `query Pages($after: String) { hooks(first: 10) { nodes { id
      firstTwo: deliveries(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id hookId event } }
      roles: deliveries(event: "Role.Created") { totalCount nodes { id hookId } }
      failed: deliveries(status: FAILED) { totalCount nodes { id } } } }
      events(first: 10) { nodes { id deliveries(first: 2) { totalCount nodes { id hookId eventId } } } } }`;
    const response = await postRaw(server.app.url, { query }, { apiKey: ADMIN_KEY });
    expect(response.json?.errors).toBeUndefined();
    const data = response.json!.data as unknown as PagesResult;
    expect(data.hooks.nodes).toHaveLength(hookIds.length);
    for (const hook of data.hooks.nodes) {
      const alone = (await server.admin.HookDeliveries({ id: hook.id, first: 100 })).hook.deliveries;
      expect(alone.nodes.every((node) => node.hookId === hook.id)).toBe(true);
      expect(hook.firstTwo.totalCount).toBe(alone.totalCount);
      expect(hook.firstTwo.nodes.map((node) => node.id)).toEqual(alone.nodes.slice(0, 2).map((node) => node.id));
      expect(hook.firstTwo.pageInfo.hasNextPage).toBe(true);
      expect(hook.roles.nodes.map((node) => node.id)).toEqual(alone.nodes.filter((node) => node.event === 'Role.Created').map((node) => node.id));
      expect(hook.failed).toEqual({ totalCount: 0, nodes: [] });
    }
    expect(data.hooks.nodes.map((hook) => hook.roles.totalCount).sort()).toEqual([0, 0, 1]);
    expect(data.events.nodes).toHaveLength(4);
    for (const event of data.events.nodes) {
      const alone = (await server.admin.EventDeliveries({ id: event.id, first: 100 })).event.deliveries;
      expect(event.deliveries.totalCount).toBe(alone.totalCount);
      expect(event.deliveries.nodes).toEqual(alone.nodes.slice(0, 2).map(({ id, hookId, eventId }) => ({ id, hookId, eventId })));
    }

    // The next page of one hook continues after its cursor; a bad cursor fails that field alone.
    const [first] = data.hooks.nodes;
    const next = await postRaw(server.app.url, { query, variables: { after: first!.firstTwo.pageInfo.endCursor } }, { apiKey: ADMIN_KEY });
    const alone = (await server.admin.HookDeliveries({ id: first!.id, first: 100 })).hook.deliveries.nodes;
    const continued = (next.json!.data as unknown as PagesResult).hooks.nodes.find((hook) => hook.id === first!.id)!;
    expect(continued.firstTwo.nodes.map((node) => node.id)).toEqual(alone.slice(2, 4).map((node) => node.id));
    const bad = await postRaw(server.app.url, { query, variables: { after: 'nonsense' } }, { apiKey: ADMIN_KEY });
    expect(new Set(bad.json?.errors?.map((error) => error.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
  });
});

interface PagesResult {
  hooks: {
    nodes: Array<{
      id: string;
      firstTwo: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Array<{ id: string; hookId: string; event: string }> };
      roles: { totalCount: number; nodes: Array<{ id: string; hookId: string }> };
      failed: { totalCount: number; nodes: Array<{ id: string }> };
    }>;
  };
  events: { nodes: Array<{ id: string; deliveries: { totalCount: number; nodes: Array<{ id: string; hookId: string; eventId: string }> } }> };
}
