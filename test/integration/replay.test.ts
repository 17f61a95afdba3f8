import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { type Receiver, receiverPool } from '../support/receiver';
import { startTestServer, type TestServer } from '../support/server';
import { eventually, expectCode } from '../support/wait';

describe.each(DATABASE_KINDS)('replay and recovery on %s', (kind) => {
  let server: TestServer;
  const receivers = receiverPool();
  const receiver = receivers.start;
  const deliveryOf = async (eventId: string, hookId: string) =>
    eventually(async () => (await server.admin.EventDeliveries({ id: eventId, first: 100 })).event.deliveries.nodes.find((d) => d.hookId === hookId));
  const detail = async (deliveryId: string) => (await server.admin.Delivery({ id: deliveryId })).delivery;
  /** Waits until the delivery has `status` (and, when given, at least `attempts` attempts). */
  const settle = async (deliveryId: string, status: string, attempts = 0) =>
    eventually(async () => {
      const current = await detail(deliveryId);
      return current.status === status && current.attemptCount >= attempts ? current : undefined;
    });
  const headersOf = (request: Receiver['requests'][number]) => request.headers as Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer(kind, { HOOKWIRE_RETRY_SCHEDULE: '50ms,50ms', HOOKWIRE_REQUEST_TIMEOUT: '500ms', HOOKWIRE_LEASE: '5s' });
  });
  afterAll(async () => {
    await server?.close();
    await receivers.closeAll();
  });

  it('redeliver starts a new round: due now, first attempt MANUAL, the retry schedule from its start, for any status', async () => {
    const endpoint = await receiver();
    // Three failures exhaust the first round; the redelivered round fails once, then succeeds.
    endpoint.reply((_request, index) => (index < 4 ? { status: 500, body: `fail ${index}` } : { status: 200, body: 'ok' }));
    const hook = await server.createHook(endpoint.url, ['Role.Created']);
    const event = await server.emit('Role.Created', { roleId: 'r_1' });
    const { id } = await deliveryOf(event.id, hook.id);
    // FAILED and no due time are written with the last attempt, and a claim takes only rows with
    // a due time: the row is the sentinel that no 4th attempt can follow.
    expect(await settle(id, 'FAILED')).toMatchObject({ attemptCount: 3, nextAttemptAt: null });
    expect(endpoint.requests).toHaveLength(3);

    const { redeliver } = await server.admin.Redeliver({ deliveryId: id });
    expect(redeliver).toMatchObject({ id, hookId: hook.id, eventId: event.id, status: 'PENDING', attemptCount: 3 });

    // Had the schedule not started over, the failed 4th attempt would have exhausted it.
    const succeeded = await settle(id, 'SUCCEEDED');
    expect(succeeded.attempts.map((a) => [a.number, a.trigger, a.succeeded, a.responseStatus])).toEqual([
      [1, 'SCHEDULED', false, 500],
      [2, 'SCHEDULED', false, 500],
      [3, 'SCHEDULED', false, 500],
      [4, 'MANUAL', false, 500],
      [5, 'SCHEDULED', true, 200],
    ]);
    // The retry after the manual attempt waited the schedule's first step (50 ms ± 20 %).
    expect(Date.parse(succeeded.attempts[4].startedAt) - Date.parse(succeeded.attempts[3].startedAt)).toBeGreaterThanOrEqual(40);
    expect(new Set(endpoint.requests.map((r) => r.headers['webhook-id']))).toEqual(new Set([event.id]));

    // A SUCCEEDED delivery can be sent again too.
    expect((await server.admin.Redeliver({ deliveryId: id })).redeliver.status).toBe('PENDING');
    const again = await settle(id, 'SUCCEEDED', 6);
    expect(again.attempts).toHaveLength(6);
    expect(again.attempts[5]).toMatchObject({ number: 6, trigger: 'MANUAL', succeeded: true });
    expect(endpoint.requests).toHaveLength(6);
    expect(endpoint.requests[5].body).toBe(endpoint.requests[0].body);
  });

  it("signs a redelivery with the hook's current key", async () => {
    const endpoint = await receiver();
    const hook = await server.createHook(endpoint.url, ['Role.Deleted']);
    const event = await server.emit('Role.Deleted', { roleId: 'r_2' });
    const { id } = await deliveryOf(event.id, hook.id);
    await settle(id, 'SUCCEEDED');
    const [first] = endpoint.requests;
    expect(() => new Webhook(hook.signingKey).verify(first.body, headersOf(first))).not.toThrow();

    const { regenerateSigningKey } = await server.admin.RegenerateSigningKey({ id: hook.id, gracePeriod: '0s' });
    const newKey = regenerateSigningKey.signingKey;
    expect(newKey).not.toBe(hook.signingKey);
    await server.admin.Redeliver({ deliveryId: id });
    const [, second] = await endpoint.waitFor(2);

    expect(second.headers['webhook-id']).toBe(event.id);
    expect(String(second.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(new Webhook(newKey).verify(second.body, headersOf(second))).toMatchObject({ hookId: hook.id, roleId: 'r_2' });
    expect(() => new Webhook(hook.signingKey).verify(second.body, headersOf(second))).toThrow();
    expect(second.headers['logto-signature-sha-256']).toBe(createHmac('sha256', newKey).update(second.body).digest('hex'));
  });

  it('refuses to redeliver while an attempt is in flight, for a disabled hook, or an unknown delivery', async () => {
    const endpoint = await receiver();
    endpoint.reply((_request, index) => (index === 0 ? 'hang' : { status: 200 }));
    const hook = await server.createHook(endpoint.url, ['Scope.Created']);
    const event = await server.emit('Scope.Created');
    const { id } = await deliveryOf(event.id, hook.id);
    await endpoint.waitFor(1);
    // The first attempt hangs until the 500 ms timeout: it is in flight now.
    await expectCode(server.admin.Redeliver({ deliveryId: id }), 'BAD_USER_INPUT');

    const settled = await settle(id, 'SUCCEEDED');
    expect(settled.attempts.map((a) => [a.trigger, a.errorKind])).toEqual([
      ['SCHEDULED', 'timeout'],
      ['SCHEDULED', null],
    ]);

    await server.admin.UpdateHook({ id: hook.id, input: { enabled: false } });
    await expectCode(server.admin.Redeliver({ deliveryId: id }), 'BAD_USER_INPUT');
    // A redelivery is one statement that makes the row PENDING and due; the row as the refusal
    // left it (final, no due time) is the sentinel that nothing was queued to send.
    expect(await detail(id)).toMatchObject({ status: 'SUCCEEDED', attemptCount: 2, nextAttemptAt: null });
    expect(endpoint.requests).toHaveLength(2);

    await expectCode(server.admin.Redeliver({ deliveryId: 'dlv_01JXXXXXXXXXXXXXXXXXXXXXXX' }), 'NOT_FOUND');
  });

  it("recoverFailedDeliveries re-queues a hook's FAILED deliveries created in [since, until] and counts them", async () => {
    const endpoint = await receiver();
    let fixed = false;
    // Until the endpoint is "fixed", it fails every event but the ones marked fine.
    endpoint.reply((request) => (fixed || JSON.parse(request.body).fine ? { status: 200 } : { status: 500 }));
    const hook = await server.createHook(endpoint.url, ['Scope.Deleted']);
    const start = new Date().toISOString();
    const e1 = await server.emit('Scope.Deleted', { n: 1 });
    const d1 = await settle((await deliveryOf(e1.id, hook.id)).id, 'FAILED');
    const e2 = await server.emit('Scope.Deleted', { n: 2 });
    const d2 = await settle((await deliveryOf(e2.id, hook.id)).id, 'FAILED');
    const e3 = await server.emit('Scope.Deleted', { n: 3, fine: true });
    const d3 = await settle((await deliveryOf(e3.id, hook.id)).id, 'SUCCEEDED');
    expect(d1.attemptCount).toBe(3);
    expect(Date.parse(d1.createdAt)).toBeLessThan(Date.parse(d2.createdAt));
    fixed = true;
    const seen = endpoint.requests.length;

    // A window before any of them: nothing.
    const recover = async (since: string, until?: string) =>
      (await server.admin.RecoverFailedDeliveries({ hookId: hook.id, since, until })).recoverFailedDeliveries;
    // (It ends a millisecond before `start`: d1 can be created within the same millisecond.)
    expect(await recover('2000-01-01T00:00:00.000Z', new Date(Date.parse(start) - 1).toISOString())).toBe(0);
    // Bounds are inclusive: a window of exactly d1's creation time takes d1 alone.
    expect(await recover(d1.createdAt, d1.createdAt)).toBe(1);
    const recovered = await settle(d1.id, 'SUCCEEDED');
    expect(recovered.attempts.map((a) => [a.number, a.trigger, a.succeeded])).toEqual([
      [1, 'SCHEDULED', false],
      [2, 'SCHEDULED', false],
      [3, 'SCHEDULED', false],
      [4, 'MANUAL', true],
    ]);
    // The recovery was one statement, over the window only: d2 as it left it (FAILED, no due
    // time, so no claim takes it) is the sentinel that d1 was all it sent.
    expect(await detail(d2.id)).toMatchObject({ status: 'FAILED', attemptCount: 3, nextAttemptAt: null });
    expect(endpoint.requests.slice(seen).map((r) => r.headers['webhook-id'])).toEqual([e1.id]);

    // `until` defaults to now: d2 is the one FAILED delivery left; the SUCCEEDED ones are not touched.
    expect(await recover(start)).toBe(1);
    expect((await settle(d2.id, 'SUCCEEDED')).attempts[3]).toMatchObject({ number: 4, trigger: 'MANUAL', succeeded: true });
    expect(await recover(start)).toBe(0);
    // The recovery that found nothing changed no row: all three are final with no due time, so
    // no claim can send any of them again (the rows are the sentinel).
    for (const { id } of [d1, d2, d3]) expect((await detail(id)).nextAttemptAt).toBeNull();
    expect(endpoint.requests.slice(seen).map((r) => r.headers['webhook-id'])).toEqual([e1.id, e2.id]);
    expect(await detail(d3.id)).toMatchObject({ status: 'SUCCEEDED', attemptCount: 1 });
  });

  it('recoverFailedDeliveries refuses a window with since after until, an unknown hook and a disabled hook', async () => {
    const endpoint = await receiver();
    endpoint.reply(() => ({ status: 500 }));
    const hook = await server.createHook(endpoint.url, ['Organization.Deleted']);
    const event = await server.emit('Organization.Deleted');
    const { id } = await settle((await deliveryOf(event.id, hook.id)).id, 'FAILED');
    const now = Date.now();
    const recover = (hookId: string, since: number, until?: number) =>
      server.admin.RecoverFailedDeliveries({
        hookId,
        since: new Date(since).toISOString(),
        until: until === undefined ? undefined : new Date(until).toISOString(),
      });

    await expectCode(recover(hook.id, now, now - 60_000), 'BAD_USER_INPUT');
    // A `since` in the future is after the default `until` (now).
    await expectCode(recover(hook.id, now + 3_600_000), 'BAD_USER_INPUT');
    await expectCode(recover('hook_01JXXXXXXXXXXXXXXXXXXXXXXX', now - 60_000), 'NOT_FOUND');
    await server.admin.UpdateHook({ id: hook.id, input: { enabled: false } });
    await expectCode(recover(hook.id, now - 60_000), 'BAD_USER_INPUT');

    // A recovery is one statement that makes the row PENDING and due: the row as the refusals
    // left it (FAILED, no due time, so no claim takes it) is the sentinel that none went through.
    expect(await detail(id)).toMatchObject({ status: 'FAILED', attemptCount: 3, nextAttemptAt: null });
    expect(endpoint.requests).toHaveLength(3);
  });

  it('records events emitted while a hook is disabled as SKIPPED: never sent, not resumed on enabling, sent by recovery', async () => {
    const endpoint = await receiver();
    // The first attempt asks for a retry in 10 s: the delivery is still waiting when the hook is disabled.
    endpoint.reply((_request, index) => (index === 0 ? { status: 503, headers: { 'retry-after': '10' } } : { status: 200 }));
    const hook = await server.createHook(endpoint.url, ['Organization.Created']);
    const waiting = await server.emit('Organization.Created', { n: 'waiting' });
    const held = await settle((await deliveryOf(waiting.id, hook.id)).id, 'RETRYING', 1);
    await server.admin.UpdateHook({ id: hook.id, input: { enabled: false } });

    const skippedEvent = await server.emit('Organization.Created', { n: 'skipped' });
    const skipped = await deliveryOf(skippedEvent.id, hook.id);
    expect(skipped).toMatchObject({ status: 'SKIPPED', attemptCount: 0, nextAttemptAt: null });
    expect((await server.admin.HookDeliveries({ id: hook.id, status: 'SKIPPED' })).hook.deliveries.nodes.map((d) => d.id)).toEqual([skipped.id]);
    expect(await detail(held.id)).toMatchObject({ status: 'RETRYING', nextAttemptAt: null });

    // Enabling sends the held delivery (now, not 10 s after the first attempt), not the SKIPPED one.
    await server.admin.UpdateHook({ id: hook.id, input: { enabled: true } });
    const [first, resumed] = await endpoint.waitFor(2, 5_000);
    expect(resumed.headers['webhook-id']).toBe(waiting.id);
    expect(resumed.receivedAt - first.receivedAt).toBeLessThan(5_000);
    await settle(held.id, 'SUCCEEDED');
    // Enabling resumed only parked open rows in one statement; the SKIPPED row, still without a
    // due time after it, is the sentinel that no claim can send it.
    expect(await detail(skipped.id)).toMatchObject({ status: 'SKIPPED', attemptCount: 0, nextAttemptAt: null });
    expect(endpoint.requests).toHaveLength(2);

    const since = new Date(Date.parse(skipped.createdAt) - 1).toISOString();
    expect((await server.admin.RecoverFailedDeliveries({ hookId: hook.id, since })).recoverFailedDeliveries).toBe(1);
    const [, , sent] = await endpoint.waitFor(3);
    expect(sent.headers['webhook-id']).toBe(skippedEvent.id);
    expect(JSON.parse(sent.body)).toMatchObject({ hookId: hook.id, event: 'Organization.Created', n: 'skipped' });
    const delivered = await settle(skipped.id, 'SUCCEEDED');
    expect(delivered.attempts.map((a) => [a.number, a.trigger, a.succeeded])).toEqual([[1, 'MANUAL', true]]);
  });

  it('replayEvent delivers an old event to a hook created later or not matching, and redelivers when the hook has it', async () => {
    const event = await server.emit('User.Deleted', { userId: 'u_9' });
    expect((await server.admin.EventDeliveries({ id: event.id })).event.deliveries.totalCount).toBe(0);
    const late = await receiver();
    const other = await receiver();
    const lateHook = await server.createHook(late.url, ['User.Deleted']);
    const otherHook = await server.createHook(other.url, ['Role.Deleted']);

    const { replayEvent } = await server.admin.ReplayEvent({ eventId: event.id, hookId: lateHook.id });
    expect(replayEvent).toMatchObject({ hookId: lateHook.id, eventId: event.id, event: 'User.Deleted', status: 'PENDING', attemptCount: 0 });
    const [request] = await late.waitFor(1);
    expect(request.headers['webhook-id']).toBe(event.id);
    expect(JSON.parse(request.body)).toEqual({ hookId: lateHook.id, event: 'User.Deleted', createdAt: event.createdAt, userId: 'u_9' });
    expect(() => new Webhook(lateHook.signingKey).verify(request.body, headersOf(request))).not.toThrow();
    const delivered = await settle(replayEvent.id, 'SUCCEEDED');
    expect(delivered.attempts.map((a) => [a.number, a.trigger])).toEqual([[1, 'MANUAL']]);

    // A hook whose events do not match gets it too when asked.
    const toOther = (await server.admin.ReplayEvent({ eventId: event.id, hookId: otherHook.id })).replayEvent;
    expect(toOther.id).not.toBe(replayEvent.id);
    const [otherRequest] = await other.waitFor(1);
    expect(JSON.parse(otherRequest.body)).toMatchObject({ hookId: otherHook.id, event: 'User.Deleted', userId: 'u_9' });
    await settle(toOther.id, 'SUCCEEDED');
    const { deliveries } = (await server.admin.EventDeliveries({ id: event.id })).event;
    expect(deliveries.totalCount).toBe(2);
    expect(new Set(deliveries.nodes.map((d) => d.id))).toEqual(new Set([replayEvent.id, toOther.id]));

    // Replaying to a hook that has the event is a new round of the same delivery, not a second delivery.
    const again = (await server.admin.ReplayEvent({ eventId: event.id, hookId: lateHook.id })).replayEvent;
    expect(again).toMatchObject({ id: replayEvent.id, status: 'PENDING', attemptCount: 1 });
    await late.waitFor(2);
    const twice = await settle(replayEvent.id, 'SUCCEEDED', 2);
    expect(twice.attempts.map((a) => [a.number, a.trigger])).toEqual([
      [1, 'MANUAL'],
      [2, 'MANUAL'],
    ]);
    expect((await server.admin.EventDeliveries({ id: event.id })).event.deliveries.totalCount).toBe(2);
  });

  it('replayEvent refuses unknown events and hooks and disabled hooks; the mutations are for ADMIN keys', async () => {
    const endpoint = await receiver();
    const hook = await server.createHook(endpoint.url, ['User.Created']);
    const event = await server.emit('Organization.Data.Updated');
    await expectCode(server.admin.ReplayEvent({ eventId: 'evt_01JXXXXXXXXXXXXXXXXXXXXXXX', hookId: hook.id }), 'NOT_FOUND');
    await expectCode(server.admin.ReplayEvent({ eventId: event.id, hookId: 'hook_01JXXXXXXXXXXXXXXXXXXXXXXX' }), 'NOT_FOUND');

    const { key } = (await server.admin.CreateApiKey({ input: { name: 'reader', scopes: ['READ'] } })).createApiKey;
    const reader = server.client(key);
    await expectCode(reader.ReplayEvent({ eventId: event.id, hookId: hook.id }), 'FORBIDDEN');
    await expectCode(reader.RecoverFailedDeliveries({ hookId: hook.id, since: '2000-01-01T00:00:00.000Z' }), 'FORBIDDEN');

    await server.admin.UpdateHook({ id: hook.id, input: { enabled: false } });
    await expectCode(server.admin.ReplayEvent({ eventId: event.id, hookId: hook.id }), 'BAD_USER_INPUT');
    expect((await server.admin.EventDeliveries({ id: event.id })).event.deliveries.totalCount).toBe(0);
    // A sentinel after re-enabling: the hook's first request is it, not a refused replay.
    await server.admin.UpdateHook({ id: hook.id, input: { enabled: true } });
    const sentinel = await server.emit('User.Created', { userId: 'u_sentinel' });
    const [first] = await endpoint.waitFor(1);
    expect(first.headers['webhook-id']).toBe(sentinel.id);
    expect(endpoint.requests).toHaveLength(1);
  });
});
