import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HookwireClient } from '../../src/sdk';
import { MAX_QUERY_COST } from '../../src/server/query-cost';
import { DATABASE_KINDS } from '../support/databases';
import { postRaw } from '../support/raw';
import { startReceiver, type Receiver } from '../support/receiver';
import { startTestServer, type TestServer } from '../support/server';
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
    const connection = server.app.services.orm.em.getConnection() as AbstractSqlConnection;
    const statements: string[] = [];
    const record = (query: { sql: string }) => statements.push(query.sql);
    connection.getKnex().on('query', record);
    let page: PageResult;
    try {
      const response = await postRaw(server.app.url, { query: PAGE }, { apiKey: readKey });
      expect(response.json?.errors).toBeUndefined();
      page = response.json!.data as unknown as PageResult;
    } finally {
      connection.getKnex().off('query', record);
    }
    const reads = statements.filter((sql) => /^select\b/i.test(sql) && sql.includes('delivery_attempts'));
    // Per page: one statement for the attempts of its deliveries, two for every hook's stats.
    // Once per parent, it was 13 (one per delivery) + 6 (two per hook).
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(reads.length).toBeLessThanOrEqual(hookIds.length + 2);

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
