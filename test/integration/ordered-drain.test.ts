import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { receiverPool } from '../support/receiver';
import { startTestServer, type TestServer } from '../support/server';

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
