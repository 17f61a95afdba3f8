import { isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLivePubSub } from '../../src/realtime/pubsub';
import type { HookwireClient } from '../../src/sdk';
import { buildHookwireSchema } from '../../src/server/schema';
import { DATABASE_KINDS } from '../support/databases';
import { codesOf, postRaw } from '../support/raw';
import { startReceiver, type Receiver } from '../support/receiver';
import { startTestServer, type TestServer } from '../support/server';
import { expectCode, take } from '../support/wait';

// Issue 10, items 2 and 3: what an EMIT key can read back, idempotency keys scoped to the key
// that emitted, and custom header values readable by ADMIN keys only.

const SSN = '078-05-1120';
const BEARER = 'Bearer s3cret-crm-token';
const TENANT = 'acme-tenant-value';
const HOOKS = 3;

/** The attack from the issue: everything an emitEvent answer can reach (a page sized for the cost limit). */
const GREEDY_EMIT = `mutation Greedy($key: String) {
  emitEvent(input: { event: "PostSignIn", payload: { userId: "u_123" }, idempotencyKey: $key }, waitFor: "5s") {
    id event payload
    deliveries(first: 20) {
      totalCount
      nodes { id hookId status attemptCount lastError
        attempts { number responseStatus errorKind errorMessage responseBody request { url headers { name value } body } } }
    }
  }
}`;

describe.each(DATABASE_KINDS)('what each scope can read on %s', (kind) => {
  let server: TestServer;
  let receiver: Receiver;
  let hookIds: string[];
  let emitKey: string;
  let emitter: HookwireClient;
  let otherEmitter: HookwireClient;
  let reader: HookwireClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    receiver = await startReceiver();
    receiver.reply(() => ({ status: 200, body: `receiver says ${SSN}` }));
    hookIds = [];
    for (let n = 0; n < HOOKS; n++) {
      const hook = await server.createHook(`${receiver.url}?n=${n}`, ['*'], {
        headers: [
          { name: 'Authorization', value: BEARER },
          { name: 'X-Tenant', value: TENANT },
        ],
      });
      hookIds.push(hook.id);
    }
    const key = async (name: string, scopes: Array<'ADMIN' | 'EMIT' | 'READ'>) =>
      (await server.admin.CreateApiKey({ input: { name, scopes } })).createApiKey.key;
    emitKey = await key('billing', ['EMIT']);
    emitter = server.client(emitKey);
    otherEmitter = server.client(await key('crm', ['EMIT']));
    reader = server.client(await key('console', ['READ']));
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  it("gives an EMIT key reusing another emitter's idempotency key its own event, and none of the other's data", async () => {
    const signup = {
      event: 'User.Created',
      payload: { userId: 'u_123', user: { id: 'u_123', primaryEmail: 'ada@example.com' }, ssn: SSN },
      idempotencyKey: 'signup-u_123',
    };
    const adminEvent = (await server.admin.EmitEventAndWait({ input: signup, waitFor: '5s' })).emitEvent;
    expect(adminEvent.deliveries.totalCount).toBe(HOOKS);
    expect(adminEvent.deliveries.nodes.every((delivery) => delivery.attempts.length === 1)).toBe(true);

    const attack = await postRaw(server.app.url, { query: GREEDY_EMIT, variables: { key: 'signup-u_123' } }, { apiKey: emitKey });
    expect(attack.status).toBe(200);
    for (const secret of [adminEvent.id, SSN, 'ada@example.com', 'User.Created', receiver.url, BEARER, TENANT, ...hookIds]) {
      expect(attack.text).not.toContain(secret);
    }
    expect(codesOf(attack)).toContain('FORBIDDEN');

    // Asking only for what it may read, the same key and input return the emitter's first event.
    const own = (await emitter.EmitEventWithOutcomes({ input: { event: 'PostSignIn', payload: { userId: 'u_123' }, idempotencyKey: 'signup-u_123' } }))
      .emitEvent;
    expect(own).toMatchObject({ event: 'PostSignIn', payload: { userId: 'u_123' }, idempotencyKey: 'signup-u_123' });
    expect(own.id).not.toBe(adminEvent.id);
    expect(own.deliveries.totalCount).toBe(HOOKS);
    expect(JSON.stringify(own)).not.toContain(SSN);
    const stored = (await server.admin.Events({ types: ['PostSignIn', 'User.Created'], first: 100 })).events.nodes;
    expect(stored.filter((event) => event.idempotencyKey === 'signup-u_123').map((event) => event.id).sort()).toEqual([adminEvent.id, own.id].sort());
    expect((await server.admin.Event({ id: adminEvent.id })).event).toMatchObject({ event: 'User.Created', payload: signup.payload });
  });

  it('scopes idempotency keys to the emitting key: a repeat returns the first event, another input is a CONFLICT', async () => {
    const input = { event: 'Role.Created', payload: { roleId: 'r_1', name: 'billing' }, idempotencyKey: 'role-r_1' };
    const first = (await emitter.EmitEvent({ input })).emitEvent;
    // The same payload with its keys in another order is the same input.
    expect((await emitter.EmitEvent({ input: { ...input, payload: { name: 'billing', roleId: 'r_1' } } })).emitEvent).toEqual(first);
    const other = (await otherEmitter.EmitEvent({ input })).emitEvent;
    expect(other.id).not.toBe(first.id);

    const conflict = await expectCode(emitter.EmitEvent({ input: { ...input, payload: { roleId: 'r_1', name: 'changed' } } }), 'CONFLICT');
    expect(conflict.message).toMatch(/role-r_1/);
    await expectCode(emitter.EmitEvent({ input: { ...input, event: 'Role.Deleted' } }), 'CONFLICT');

    // In a batch: against a stored event, or within the batch, the whole batch is refused.
    const before = (await server.admin.Events({ first: 1 })).events.totalCount;
    const batchConflict = await expectCode(
      emitter.EmitEvents({ inputs: [{ event: 'Role.Created', payload: {} }, { ...input, payload: { roleId: 'r_2' } }] }),
      'CONFLICT',
    );
    expect(batchConflict.message).toMatch(/inputs\[1\]/);
    await expectCode(
      emitter.EmitEvents({
        inputs: [
          { event: 'Role.Created', payload: { n: 1 }, idempotencyKey: 'batch-b' },
          { event: 'Role.Created', payload: { n: 2 }, idempotencyKey: 'batch-b' },
        ],
      }),
      'CONFLICT',
    );
    expect((await server.admin.Events({ first: 1 })).events.totalCount).toBe(before);
    const repeated = (await emitter.EmitEvents({ inputs: [input, { ...input, idempotencyKey: 'role-r_1-b' }, input] })).emitEvents;
    expect(repeated[0]).toEqual(first);
    expect(repeated[2]).toEqual(first);
    expect(repeated[1].id).not.toBe(first.id);
  });

  it('stores one event when one key races with one input, and answers the losers of a conflicting race with CONFLICT', async () => {
    const same = await Promise.all(
      Array.from({ length: 6 }, () => emitter.EmitEvent({ input: { event: 'Role.Deleted', payload: { roleId: 'r_9' }, idempotencyKey: 'race-same' } })),
    );
    expect(new Set(same.map((result) => result.emitEvent.id)).size).toBe(1);
    const mixed = await Promise.allSettled(
      Array.from({ length: 6 }, (_, n) => emitter.EmitEvent({ input: { event: 'Role.Deleted', payload: { n }, idempotencyKey: 'race-mixed' } })),
    );
    expect(mixed.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of mixed) {
      if (result.status === 'rejected') expect((result.reason as { codes: string[] }).codes).toEqual(['CONFLICT']);
    }
    // emitEvents calls run side by side, not in one group commit: the losers collide on the
    // unique index, look again, and find the winner (or conflict with it).
    const batches = await Promise.all(
      Array.from({ length: 4 }, () => emitter.EmitEvents({ inputs: [{ event: 'Role.Deleted', payload: { roleId: 'r_8' }, idempotencyKey: 'race-batch' }] })),
    );
    expect(new Set(batches.map((result) => result.emitEvents[0].id)).size).toBe(1);
    const mixedBatches = await Promise.allSettled(
      Array.from({ length: 4 }, (_, n) => emitter.EmitEvents({ inputs: [{ event: 'Role.Deleted', payload: { n }, idempotencyKey: 'race-batch-mixed' }] })),
    );
    expect(mixedBatches.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of mixedBatches) {
      if (result.status === 'rejected') expect((result.reason as { codes: string[] }).codes).toEqual(['CONFLICT']);
    }
  });

  it('lets an EMIT key read its event and each delivery\'s outcome, and nothing of where it went', async () => {
    const { emitEvent } = await emitter.EmitEventWithOutcomes({ input: { event: 'PostRegister', payload: { userId: 'u_7' } }, waitFor: '5s' });
    expect(emitEvent.deliveries.totalCount).toBe(HOOKS);
    for (const delivery of emitEvent.deliveries.nodes) {
      expect(delivery).toMatchObject({ eventId: emitEvent.id, event: 'PostRegister', status: 'SUCCEEDED', attemptCount: 1 });
      expect(delivery.attempts).toEqual([expect.objectContaining({ number: 1, succeeded: true, responseStatus: 200, errorKind: null })]);
    }
    const forbidden = [
      'hookId',
      'lastError',
      'attempts { request { url } }',
      'attempts { request { headers { name value } } }',
      'attempts { request { body } }',
      'attempts { responseBody }',
      'attempts { errorMessage }',
    ];
    for (const field of forbidden) {
      // With waitFor, every delivery has an attempt whose fields are asked for.
      const query = `mutation { emitEvent(input: { event: "PostRegister", payload: {} }, waitFor: "5s") { id deliveries { nodes { ${field} } } } }`;
      const response = await postRaw(server.app.url, { query }, { apiKey: emitKey });
      expect(codesOf(response), field).toContain('FORBIDDEN');
      expect(response.text, field).not.toContain(receiver.url);
    }
    // The SDK's operations that select more are refused to it, as are the queries and feeds.
    await expectCode(emitter.EmitEventAndWait({ input: { event: 'PostRegister', payload: {} }, waitFor: '1s' }), 'FORBIDDEN');
    await expectCode(emitter.Event({ id: emitEvent.id }), 'FORBIDDEN');
    await expectCode(emitter.EventDeliveries({ id: emitEvent.id }), 'FORBIDDEN');
    await expectCode(take(emitter.OnEvent({}), 1), 'FORBIDDEN');
    await expectCode(take(emitter.OnDeliveryUpdated({}), 1), 'FORBIDDEN');
  });

  it('masks custom header values for READ keys, on hooks and on recorded attempts, and shows them to ADMIN keys', async () => {
    const [hookId] = hookIds;
    const shown = (await server.admin.Hook({ id: hookId })).hook.headers;
    expect(shown).toEqual([
      { name: 'Authorization', value: BEARER },
      { name: 'X-Tenant', value: TENANT },
    ]);
    const read = await reader.Hook({ id: hookId });
    expect(read.hook.headers).toEqual([
      { name: 'Authorization', value: '[redacted]' },
      { name: 'X-Tenant', value: '[redacted]' },
    ]);
    expect(JSON.stringify(await reader.Hooks({ first: 100 }))).not.toMatch(/s3cret|acme-tenant/);

    const deliveries = (await reader.HookDeliveries({ id: hookId, first: 100 })).hook.deliveries.nodes;
    const attempts = (await reader.Delivery({ id: deliveries[0].id })).delivery.attempts;
    const headers = new Map(attempts[0].request.headers.map(({ name, value }) => [name, value]));
    expect(headers.get('authorization')).toBe('[redacted]');
    expect(headers.get('x-tenant')).toBe('[redacted]');
    // hookwire's own headers stay readable: they prove what was sent.
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('webhook-id')).toBe(deliveries[0].eventId);
    expect(headers.get('webhook-signature')).toMatch(/^v1,/);
    const adminHeaders = (await server.admin.Delivery({ id: deliveries[0].id })).delivery.attempts[0].request.headers;
    expect(adminHeaders).toContainEqual({ name: 'x-tenant', value: TENANT });
  });
});

describe('the fields open to EMIT keys', () => {
  it('are exactly the event and each delivery\'s outcome (the README table); every other field needs READ', async () => {
    const live = createLivePubSub();
    try {
      const schema = await buildHookwireSchema(live.pubSub);
      const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
      const open: string[] = [];
      for (const type of Object.values(schema.getTypeMap())) {
        if (!isObjectType(type) || roots.has(type) || type.name.startsWith('__')) continue;
        for (const field of Object.values(type.getFields())) if (field.extensions.emitReadable === true) open.push(`${type.name}.${field.name}`);
      }
      const connection = (name: string) => [`${name}Connection.nodes`, `${name}Connection.pageInfo`, `${name}Connection.totalCount`];
      expect(open.sort()).toEqual(
        [
          ...['id', 'event', 'payload', 'idempotencyKey', 'createdAt', 'deliveries'].map((field) => `Event.${field}`),
          ...['id', 'eventId', 'event', 'status', 'attemptCount', 'nextAttemptAt', 'createdAt', 'updatedAt', 'attempts'].map((field) => `Delivery.${field}`),
          ...['id', 'number', 'trigger', 'startedAt', 'durationMs', 'succeeded', 'responseStatus', 'errorKind'].map((field) => `DeliveryAttempt.${field}`),
          'PageInfo.endCursor',
          'PageInfo.hasNextPage',
          // A key's own name and scopes (`viewer`), which a client shows before anything else.
          ...['keyId', 'name', 'scopes'].map((field) => `Viewer.${field}`),
          // Every connection shares the generic fields; only DeliveryConnection is reachable from emitEvent.
          ...['ApiKey', 'Delivery', 'Event', 'Hook'].flatMap(connection),
        ].sort(),
      );
    } finally {
      await live.close();
    }
  });
});
