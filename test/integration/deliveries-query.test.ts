import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { startReceiver, type Receiver } from '../support/receiver';
import { startTestServer, type TestServer } from '../support/server';
import { eventually, expectCode } from '../support/wait';

describe.each(DATABASE_KINDS)('the top-level deliveries query on %s', (kind) => {
  let server: TestServer;
  let endpoint: Receiver;
  let first: string;
  let second: string;
  let middle: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    endpoint = await startReceiver();
    first = (await server.createHook(endpoint.url, ['*'])).id;
    second = (await server.createHook(`${endpoint.url}/two`, ['User.*'])).id;
    await server.emit('User.Created');
    await server.emit('Role.Created');
    // Two events, each to both hooks, then one to the first hook only: five deliveries in all.
    await eventually(async () => ((await server.admin.Deliveries({ first: 100 })).deliveries.totalCount === 3 ? true : undefined));
    middle = new Date().toISOString();
    await server.emit('User.Deleted');
    await eventually(async () => ((await server.admin.Deliveries({ first: 100 })).deliveries.totalCount === 5 ? true : undefined));
  });
  afterAll(async () => {
    await server?.close();
    await endpoint?.close();
  });

  it('lists every delivery across hooks, newest first, page by page', async () => {
    const all = (await server.admin.Deliveries({ first: 100 })).deliveries;
    expect(all.nodes.map((node) => node.event)).toEqual(['User.Deleted', 'User.Deleted', 'Role.Created', 'User.Created', 'User.Created']);
    const page = (await server.admin.Deliveries({ first: 2 })).deliveries;
    const next = (await server.admin.Deliveries({ first: 2, after: page.pageInfo.endCursor })).deliveries;
    expect([...page.nodes, ...next.nodes].map((node) => node.id)).toEqual(all.nodes.slice(0, 4).map((node) => node.id));
    expect(page.totalCount).toBe(5);
  });

  it('narrows by hook, status, event type or pattern, and creation time', async () => {
    const count = async (variables: Parameters<TestServer['admin']['Deliveries']>[0]) => (await server.admin.Deliveries({ first: 100, ...variables })).deliveries.totalCount;
    expect(await count({ hookId: second })).toBe(2);
    expect(await count({ hookId: first, event: 'User.Created' })).toBe(1);
    expect(await count({ event: 'User.*' })).toBe(4);
    expect(await count({ event: '*' })).toBe(5);
    expect(await count({ event: 'Role.*', hookId: second })).toBe(0);
    expect(await eventually(async () => ((await count({ status: 'SUCCEEDED' })) === 5 ? 5 : undefined))).toBe(5);
    expect(await count({ status: 'FAILED' })).toBe(0);
    expect(await count({ since: middle })).toBe(2);
    expect(await count({ until: middle })).toBe(3);
    expect(await count({ since: middle, until: new Date(Date.now() + 60_000).toISOString(), hookId: first })).toBe(1);
  });

  it('refuses a range that ends before it starts and a pattern that is not one, and EMIT keys', async () => {
    await expectCode(server.admin.Deliveries({ since: middle, until: '2020-01-01T00:00:00Z' }), 'BAD_USER_INPUT');
    await expectCode(server.admin.Deliveries({ event: 'User%.*' }), 'BAD_USER_INPUT');
    const emit = (await server.admin.CreateApiKey({ input: { name: 'e', scopes: ['EMIT'] } })).createApiKey.key;
    await expectCode(server.client(emit).Deliveries(), 'FORBIDDEN');
    const read = (await server.admin.CreateApiKey({ input: { name: 'r', scopes: ['READ'] } })).createApiKey.key;
    expect((await server.client(read).Deliveries()).deliveries.totalCount).toBe(5);
  });
});
