import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { startReceiver, type Receiver } from '../support/receiver';
import { startTestServer, type TestServer } from '../support/server';
import { expectCode } from '../support/wait';

describe.each(DATABASE_KINDS)('emitEvents and group commit on %s', (kind) => {
  let server: TestServer;
  let receiver: Receiver;
  beforeAll(async () => {
    server = await startTestServer(kind);
    receiver = await startReceiver();
    await server.admin.CreateHook({ input: { name: 'batch', url: receiver.url, events: ['Role.*'] } });
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });
  const total = async () => (await server.admin.Events({ first: 1 })).events.totalCount;

  it('stores a batch with its deliveries, de-duplicating idempotency keys', async () => {
    const before = await total();
    const { emitEvents } = await server.admin.EmitEvents({
      inputs: [
        { event: 'Role.Created', payload: { n: 1 }, idempotencyKey: 'batch-a' },
        { event: 'Role.Deleted', payload: { n: 2 } },
        { event: 'Role.Created', payload: { n: 1 }, idempotencyKey: 'batch-a' },
      ],
    });
    expect(emitEvents.map((event) => event.event)).toEqual(['Role.Created', 'Role.Deleted', 'Role.Created']);
    expect(emitEvents[2].id).toBe(emitEvents[0].id);
    expect(emitEvents[0].payload).toEqual({ n: 1 });
    expect(await total()).toBe(before + 2);
    await receiver.waitFor(2);
    expect(new Set(receiver.requests.map((r) => r.headers['webhook-id']))).toEqual(new Set([emitEvents[0].id, emitEvents[1].id]));
    // A key from an earlier batch returns the stored event.
    const again = await server.admin.EmitEvents({ inputs: [{ event: 'Role.Created', payload: { n: 1 }, idempotencyKey: 'batch-a' }] });
    expect(again.emitEvents[0].id).toBe(emitEvents[0].id);
  });

  it('rejects the whole batch for one bad input, naming it, and stores nothing', async () => {
    const before = await total();
    const error = await expectCode(
      server.admin.EmitEvents({ inputs: [{ event: 'Role.Created', payload: {} }, { event: 'No.Such', payload: {} }] }),
      'BAD_USER_INPUT',
    );
    expect(error.message).toMatch(/inputs\[1\]/);
    await expectCode(server.admin.EmitEvents({ inputs: [] }), 'BAD_USER_INPUT');
    const tooMany = Array.from({ length: 501 }, () => ({ event: 'Role.Created', payload: {} }));
    await expectCode(server.admin.EmitEvents({ inputs: tooMany }), 'BAD_USER_INPUT');
    expect(await total()).toBe(before);
  });

  it('gives each of many concurrent emits its own event', async () => {
    const before = await total();
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, n) =>
        server.admin.EmitEvent({ input: { event: 'Role.Data.Updated', payload: { n }, idempotencyKey: n % 2 ? `c-${n}` : null } }),
      ),
    );
    const ids = results.map((result) => result.emitEvent.id);
    expect(new Set(ids).size).toBe(60);
    results.forEach((result, n) => expect(result.emitEvent.payload).toEqual({ n }));
    expect(await total()).toBe(before + 60);
  });

  it('stores a batch fanned out past what one statement carries, every delivery with its event', async () => {
    // 500 events × 12 hooks: 6,000 delivery rows, more parameters than one PostgreSQL statement takes.
    // The hooks are disabled, so the deliveries are written SKIPPED and nothing is sent.
    for (let n = 0; n < 12; n++) await server.admin.CreateHook({ input: { name: `wide-${n}`, url: receiver.url, events: ['Organization.Created'], enabled: false } });
    const before = await total();
    const inputs = Array.from({ length: 500 }, (_, n) => ({ event: 'Organization.Created', payload: { n } }));
    const { emitEvents } = await server.admin.EmitEvents({ inputs });
    expect(emitEvents).toHaveLength(500);
    expect(await total()).toBe(before + 500);
    const skipped = await server.admin.Deliveries({ event: 'Organization.Created', status: 'SKIPPED', first: 1 });
    expect(skipped.deliveries.totalCount).toBe(6_000);
  });

  it('gives each hook, in a batch of several types, only the events its patterns select', async () => {
    const { createHook: deletions } = await server.admin.CreateHook({ input: { name: 'deletions', url: receiver.url, events: ['Role.Deleted'], enabled: false } });
    const { createHook: scopes } = await server.admin.CreateHook({ input: { name: 'scopes', url: receiver.url, events: ['Role.Scopes.Updated'], enabled: false } });
    await server.admin.EmitEvents({
      inputs: [
        { event: 'Role.Created', payload: {} },
        { event: 'Role.Deleted', payload: {} },
        { event: 'Role.Scopes.Updated', payload: {} },
        { event: 'Role.Deleted', payload: {} },
      ],
    });
    const typesOf = async (hookId: string) => (await server.admin.Deliveries({ hookId, first: 10 })).deliveries.nodes.map((delivery) => delivery.event).sort();
    expect(await typesOf(deletions.id)).toEqual(['Role.Deleted', 'Role.Deleted']);
    expect(await typesOf(scopes.id)).toEqual(['Role.Scopes.Updated']);
  });
});
