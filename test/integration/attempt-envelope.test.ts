import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENVELOPE_BODY } from '../../src/db/tables/delivery-attempt.entity';
import { DATABASE_KINDS } from '../support/databases';
import { startReceiver, type Receiver } from '../support/receiver';
import { startTestServer, type TestServer } from '../support/server';
import { eventually } from '../support/wait';

/**
 * A payload whose text is easy to get wrong when rebuilt: keys out of alphabetical (and jsonb)
 * order at every depth, characters outside ASCII and the BMP, escapes, and numbers whose
 * serialisation is not their literal.
 */
const PAYLOAD = {
  zeta: 'last letter first',
  a: { yy: 2, b: [3, { d: 4, c: 5 }] },
  text: 'é ü 日本 😀 "quoted" back\\slash \u2028 tab\t',
  big: 12345678901234567890,
  huge: 1e21,
  small: 0.1,
  negative: -0.000001,
};

describe.each(DATABASE_KINDS)('the body an attempt sent, read back on %s', (kind) => {
  let server: TestServer;
  let receiver: Receiver;
  let hookId: string;

  beforeAll(async () => {
    server = await startTestServer(kind, { HOOKWIRE_RETRY_SCHEDULE: '100ms' });
    receiver = await startReceiver();
    // The first attempt of each delivery fails, so the second is claimed from the queue.
    const seen = new Set<unknown>();
    receiver.reply((request) => {
      const first = !seen.has(request.headers['webhook-id']);
      seen.add(request.headers['webhook-id']);
      return { status: first ? 500 : 200 };
    });
    hookId = (await server.createHook(receiver.url, ['User.Created'])).id;
    await server.emit('User.Created', PAYLOAD);
    await server.emit('User.Created', {});
    await receiver.waitFor(4);
    await eventually(async () => (await server.deliveriesOf(hookId)).every((delivery) => delivery.status === 'SUCCEEDED'));
  }, 60_000);
  afterAll(async () => {
    await receiver?.close();
    await server?.close();
  });

  it('is, byte for byte, what the receiver got, for every attempt', async () => {
    const bodies: string[] = [];
    for (const { id } of await server.deliveriesOf(hookId)) {
      const { delivery } = await server.admin.Delivery({ id });
      bodies.push(...delivery.attempts.map((attempt) => attempt.request.body));
    }
    expect(bodies.sort()).toEqual(receiver.requests.map((request) => request.body).sort());
  });

  it('is the same for every attempt of a delivery, handed over first and claimed for the retry', async () => {
    const byDelivery = new Map<string, string[]>();
    for (const request of receiver.requests) {
      const id = String(request.headers['webhook-id']);
      byDelivery.set(id, [...(byDelivery.get(id) ?? []), request.body]);
    }
    expect([...byDelivery.values()].map((bodies) => bodies.length)).toEqual([2, 2]);
    for (const [first, retry] of byDelivery.values()) expect(retry).toBe(first);
  });

  it('is weighed, for the answer budget, at its size in bytes', async () => {
    const sizes = await server.app.services.deliveries.attemptTextSizesOf(await attemptIds());
    expect([...sizes.values()].map((size) => size.request).sort()).toEqual(receiver.requests.map((request) => Buffer.byteLength(request.body, 'utf8')).sort());
  });

  it('is not stored again beside its event', async () => {
    const rows = await server.app.orm.em.getConnection().execute<Array<{ request_body: string }>>('select request_body from delivery_attempts', [], 'all');
    expect(rows.map((row: { request_body: string }) => row.request_body)).toEqual(Array(4).fill(ENVELOPE_BODY));
  });

  async function attemptIds(): Promise<string[]> {
    const rows = await server.app.orm.em.getConnection().execute<Array<{ id: string }>>('select id from delivery_attempts', [], 'all');
    return rows.map((row: { id: string }) => row.id);
  }
});
