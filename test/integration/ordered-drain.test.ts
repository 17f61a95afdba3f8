import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHookwireClient } from '../../src/sdk';
import { createTestDatabase, DATABASE_KINDS, POSTGRES_URL } from '../support/databases';
import { cleanupAfterAll, startChild } from '../support/process';
import { receiverPool } from '../support/receiver';
import { ADMIN_KEY, startTestServer, type TestServer } from '../support/server';

/**
 * An ordered hook sends its next delivery as soon as the previous one is recorded. The slow
 * poll is an hour here, so it can never be what moves the queue on: every delivery below
 * arrives only because recording the one before set it going (before, they went one per poll).
 */
describe.each(DATABASE_KINDS)('ordered hooks drain without waiting for the poll on %s', (kind) => {
  let server: TestServer;
  const receivers = receiverPool();

  beforeAll(async () => {
    server = await startTestServer(kind, {
      HOOKWIRE_POLL_INTERVAL: '1h',
      HOOKWIRE_RETRY_SCHEDULE: '50ms,50ms',
      HOOKWIRE_LEASE: '10s',
      HOOKWIRE_REQUEST_TIMEOUT: '2s',
    });
  });
  afterAll(async () => {
    await server?.close();
    await receivers.closeAll();
  });

  const emitSix = async (event: string) => {
    const inputs = Array.from({ length: 6 }, (_, n) => ({ event, payload: { n } }));
    return (await server.admin.EmitEvents({ inputs })).emitEvents.map((emitted) => emitted.id);
  };
  const idsOf = (requests: { headers: Record<string, unknown> }[]) => requests.map((request) => request.headers['webhook-id']);

  it('sends six events of one emitEvents one after another, in order', async () => {
    const endpoint = await receivers.start();
    await server.createHook(endpoint.url, ['User.Created'], { ordered: true });
    const ids = await emitSix('User.Created');
    expect(idsOf(await endpoint.waitFor(6))).toEqual(ids);
  });

  it('holds the rest while the head waits for its retry, then sends them in order', async () => {
    const endpoint = await receivers.start();
    endpoint.reply((_request, index) => (index === 0 ? { status: 500 } : { status: 200 }));
    await server.createHook(endpoint.url, ['Role.Created'], { ordered: true });
    const ids = await emitSix('Role.Created');
    expect(idsOf(await endpoint.waitFor(7))).toEqual([ids[0], ...ids]);
  });

  it('lets the rest go once the head is exhausted', async () => {
    const endpoint = await receivers.start();
    endpoint.reply((request) => (JSON.parse(request.body).n === 0 ? { status: 500 } : { status: 200 }));
    await server.createHook(endpoint.url, ['Role.Deleted'], { ordered: true });
    const ids = await emitSix('Role.Deleted');
    // Three attempts (the whole schedule) for the head, then the five others.
    expect(idsOf(await endpoint.waitFor(8))).toEqual([ids[0], ids[0], ids[0], ...ids.slice(1)]);
  });
});

describe.skipIf(!POSTGRES_URL)('an ordered hook served by two worker processes on PostgreSQL', () => {
  const cleanup = cleanupAfterAll();

  it('still gets its deliveries one at a time, in event order', async () => {
    const db = await createTestDatabase('postgres');
    cleanup.push(() => db.drop());
    const receivers = receiverPool();
    cleanup.push(() => receivers.closeAll());
    const endpoint = await receivers.start();
    const env = { DATABASE_URL: db.url, HOOKWIRE_ADMIN_KEY: ADMIN_KEY, HOOKWIRE_ALLOW_PRIVATE_TARGETS: 'true', HOOKWIRE_POLL_INTERVAL: '100ms' };
    const spawn = (role: 'api' | 'worker') => startChild({ ...env, HOOKWIRE_ROLE: role }, cleanup);
    const [api] = await Promise.all([spawn('api'), spawn('worker'), spawn('worker')]);
    const client = createHookwireClient({ url: api.url, apiKey: ADMIN_KEY });
    cleanup.push(() => client.close());
    await client.CreateHook({ input: { name: 'ordered', url: endpoint.url, events: ['User.Created'], ordered: true } });
    const ids: string[] = [];
    for (let batch = 0; batch < 3; batch++) {
      const inputs = Array.from({ length: 100 }, (_, n) => ({ event: 'User.Created', payload: { n: batch * 100 + n } }));
      ids.push(...(await client.EmitEvents({ inputs })).emitEvents.map((event) => event.id));
    }
    const requests = await endpoint.waitFor(300, 30_000);
    expect(requests.map((request) => request.headers['webhook-id'])).toEqual(ids);
  });
});
