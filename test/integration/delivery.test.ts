import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HookwireRequestError } from '../../src/sdk';
import { DATABASE_KINDS } from '../support/databases';
import { liveFeed } from '../support/feed';
import { freePort } from '../support/ports';
import { receiverPool } from '../support/receiver';
import { startTestServer, type TestServer } from '../support/server';
import { eventually } from '../support/wait';

describe.each(DATABASE_KINDS)('delivery engine on %s', (kind) => {
  let server: TestServer;
  const receivers = receiverPool();
  const receiver = receivers.start;
  /** Who holds the hook's one delivery (null when no worker has it claimed). */
  const lockOf = async (hookId: string) => {
    const rows = (await server.app.orm.em.getConnection().execute('select locked_by from deliveries where hook_id = ?', [hookId])) as Array<{ locked_by: string | null }>;
    return rows[0]?.locked_by ?? null;
  };

  beforeAll(async () => {
    server = await startTestServer(kind, { HOOKWIRE_RETRY_SCHEDULE: '50ms,100ms', HOOKWIRE_REQUEST_TIMEOUT: '1s', HOOKWIRE_LEASE: '5s' });
  });
  afterAll(async () => {
    await server?.close();
    await receivers.closeAll();
  });

  it('fans an event out to exact and pattern hooks, not to disabled or non-matching ones', async () => {
    const [exact, pattern, everything, other, disabled] = await Promise.all([1, 2, 3, 4, 5].map(() => receiver()));
    const exactHook = await server.createHook(exact.url, ['Organization.Created']);
    const patternHook = await server.createHook(pattern.url, ['Organization.*']);
    const everythingHook = await server.createHook(everything.url, ['*']);
    await server.createHook(other.url, ['Role.*']);
    const disabledHook = await server.createHook(disabled.url, ['Organization.Created'], { enabled: false });
    const event = await server.emit('Organization.Created', { organizationId: 'org_1' });
    for (const wanted of [exact, pattern, everything]) {
      const [request] = await wanted.waitFor(1);
      expect(request.headers['webhook-id']).toBe(event.id);
    }
    // The deliveries were written with the event: none for the other hook, a SKIPPED one for the disabled hook.
    const { nodes } = (await server.admin.EventDeliveries({ id: event.id })).event.deliveries;
    expect(nodes.map((node) => node.hookId).sort()).toEqual([exactHook.id, patternHook.id, everythingHook.id, disabledHook.id].sort());
    expect(nodes.find((node) => node.hookId === disabledHook.id)?.status).toBe('SKIPPED');
    // A sentinel the other hook does want, emitted after: once it has arrived, nothing came before it.
    const sentinel = await server.emit('Role.Created', { roleId: 'role_1' });
    const [first] = await other.waitFor(1);
    expect(first.headers['webhook-id']).toBe(sentinel.id);
    expect(other.requests).toHaveLength(1);
    expect(disabled.requests).toHaveLength(0);
    expect(everything.requests.filter((r) => r.headers['webhook-id'] === event.id)).toHaveLength(1);
  });

  it('sends Logto-shaped bodies with both signatures, verified by independent code', async () => {
    const endpoint = await receiver();
    const hook = await server.createHook(endpoint.url, ['User.Created'], { headers: [{ name: 'X-Tenant', value: 'acme' }] });
    const event = await server.emit('User.Created', { userId: 'u_1', user: { id: 'u_1', name: 'Ada' } });
    const [request] = await endpoint.waitFor(1);

    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['user-agent']).toMatch(/^hookwire\/\d+\.\d+\.\d+$/);
    expect(request.headers['x-tenant']).toBe('acme');
    expect(JSON.parse(request.body)).toEqual({
      hookId: hook.id,
      event: 'User.Created',
      createdAt: event.createdAt,
      userId: 'u_1',
      user: { id: 'u_1', name: 'Ada' },
    });
    // Logto's receiver: hex HMAC-SHA256 of the raw body keyed with the signing key string.
    const logto = createHmac('sha256', hook.signingKey).update(request.body).digest('hex');
    expect(request.headers['logto-signature-sha-256']).toBe(logto);
    // Standard Webhooks, checked by the reference library (it also checks the timestamp).
    const verified = new Webhook(hook.signingKey).verify(request.body, request.headers as Record<string, string>);
    expect(verified).toMatchObject({ hookId: hook.id, userId: 'u_1' });
    expect(() => new Webhook(hook.signingKey).verify(`${request.body} `, request.headers as Record<string, string>)).toThrow();
  });

  it('retries failures on the schedule until success, keeping the webhook-id', async () => {
    const endpoint = await receiver();
    endpoint.reply((_request, index) => (index < 2 ? { status: 500, body: `fail ${index}` } : { status: 200, body: 'finally' }));
    const hook = await server.createHook(endpoint.url, ['Role.Created']);
    const event = await server.emit('Role.Created', { roleId: 'r_1' });
    const requests = await endpoint.waitFor(3);
    expect(new Set(requests.map((r) => r.headers['webhook-id']))).toEqual(new Set([event.id]));
    expect(new Set(requests.map((r) => r.body)).size).toBe(1);

    const [delivery] = await eventually(async () => {
      const nodes = await server.deliveriesOf(hook.id);
      return nodes[0]?.status === 'SUCCEEDED' ? nodes : undefined;
    });
    expect(delivery.attemptCount).toBe(3);
    const { delivery: detail } = await server.admin.Delivery({ id: delivery.id });
    expect(detail.attempts.map((a) => [a.number, a.succeeded, a.responseStatus, a.responseBody])).toEqual([
      [1, false, 500, 'fail 0'],
      [2, false, 500, 'fail 1'],
      [3, true, 200, 'finally'],
    ]);
    expect(detail.attempts[0].errorKind).toBe('http');
    expect(detail.attempts[2].errorKind).toBeNull();
    expect(detail.attempts[0].request.body).toBe(requests[0].body);
    // The second attempt waited about 50 ms (±20 %), the third about 100 ms.
    const gaps = detail.attempts.slice(1).map((a, i) => Date.parse(a.startedAt) - Date.parse(detail.attempts[i].startedAt));
    expect(gaps[0]).toBeGreaterThanOrEqual(40);
    expect(gaps[1]).toBeGreaterThanOrEqual(80);

    const { hook: withStats } = await server.admin.Hook({ id: hook.id });
    expect(withStats.executionStats).toEqual({ requestCount: 3, successCount: 1 });
  });

  it('marks a delivery FAILED after the last attempt', async () => {
    const endpoint = await receiver();
    endpoint.reply(() => ({ status: 503, body: 'down' }));
    const hook = await server.createHook(endpoint.url, ['Scope.Created']);
    await server.emit('Scope.Created');
    await endpoint.waitFor(3);
    const [delivery] = await eventually(async () => {
      const nodes = await server.deliveriesOf(hook.id);
      return nodes[0]?.status === 'FAILED' ? nodes : undefined;
    });
    // The sentinel is the row itself: FAILED and no due time are written in the transaction that
    // records the last attempt, and a claim takes only rows with a due time, so no 4th can follow.
    expect(delivery).toMatchObject({ attemptCount: 3, nextAttemptAt: null, lastError: 'HTTP 503' });
    expect((await server.admin.Delivery({ id: delivery.id })).delivery.attempts).toHaveLength(3);
    expect(endpoint.requests).toHaveLength(3);
  });

  it('disables a hook that answers 410 Gone', async () => {
    const endpoint = await receiver();
    endpoint.reply(() => ({ status: 410, body: 'gone' }));
    const hook = await server.createHook(endpoint.url, ['Scope.Deleted']);
    await server.emit('Scope.Deleted');
    const disabled = await eventually(async () => {
      const { hook: current } = await server.admin.Hook({ id: hook.id });
      return current.enabled ? undefined : current;
    });
    expect(disabled.disabledReason).toMatch(/410 Gone/);
    expect(disabled.disabledAt).not.toBeNull();
    expect((await server.deliveriesOf(hook.id))[0]).toMatchObject({ status: 'FAILED', attemptCount: 1, nextAttemptAt: null });
    // An event emitted now gets its delivery written SKIPPED, with no due time, in the emit's own
    // transaction: no claim can ever take it, so the one request is all there will be.
    const later = await server.emit('Scope.Deleted');
    const [skipped] = (await server.admin.EventDeliveries({ id: later.id })).event.deliveries.nodes;
    expect(skipped).toMatchObject({ hookId: hook.id, status: 'SKIPPED', attemptCount: 0, nextAttemptAt: null });
    expect(endpoint.requests).toHaveLength(1);
  });

  it('records a timeout and a refused connection as attempts', async () => {
    const hanging = await receiver();
    hanging.reply(() => 'hang');
    const slow = await server.createHook(hanging.url, ['Grant.LimitExceeded']);
    const refused = await server.createHook(`http://127.0.0.1:${await freePort()}/hook`, ['Grant.LimitExceeded']);
    const probeHook = await server.createHook((await receiver()).url, ['OrganizationScope.Created']);
    const feed = liveFeed(server.admin.OnDeliveryUpdated({}));
    await feed.prime(() => server.emit('OrganizationScope.Created'), (u) => u.deliveryUpdated.hookId === probeHook.id);
    await server.emit('Grant.LimitExceeded');
    const attemptOf = async (hookId: string) => {
      const [delivery] = await server.deliveriesOf(hookId);
      if (!delivery || delivery.attemptCount === 0) return undefined;
      return (await server.admin.Delivery({ id: delivery.id })).delivery.attempts[0];
    };
    const timedOut = await eventually(() => attemptOf(slow.id));
    expect(timedOut).toMatchObject({ succeeded: false, errorKind: 'timeout', responseStatus: null });
    expect(timedOut.durationMs).toBeGreaterThanOrEqual(900);
    const refusedAttempt = await eventually(() => attemptOf(refused.id));
    expect(refusedAttempt).toMatchObject({ succeeded: false, errorKind: 'network' });
    expect(refusedAttempt.errorMessage).toMatch(/^network ECONNREFUSED: /);
    // The live feed says what is stored, in the same words.
    const live = await eventually(() => feed.values.find((u) => u.deliveryUpdated.hookId === refused.id));
    expect(live.deliveryUpdated.errorMessage).toBe(refusedAttempt.errorMessage);
    await feed.close();
  });

  it('keeps delivering to a healthy hook while another hangs until its timeout', async () => {
    const hanging = await receiver();
    hanging.reply(() => 'hang');
    const healthy = await receiver();
    await server.createHook(hanging.url, ['Message.RateLimited']);
    await server.createHook(healthy.url, ['Message.RateLimited']);
    const count = 40;
    const emittedAt = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const event = await server.emit('Message.RateLimited', { n: i });
      emittedAt.set(event.id, Date.now());
    }
    await healthy.waitFor(count);
    // No healthy delivery waited behind a hanging request: each arrived well before the
    // 1 s timeout that a blocked one would have had to sit out.
    const latencies = healthy.requests.map((r) => r.receivedAt - (emittedAt.get(String(r.headers['webhook-id'])) ?? 0));
    expect(Math.max(...latencies)).toBeLessThan(1_000);
    expect(hanging.requests.length).toBeGreaterThan(0);
  });

  it('streams each attempt on deliveryUpdated', async () => {
    const endpoint = await receiver();
    endpoint.reply((_request, index) => (index === 0 ? { status: 500 } : { status: 204 }));
    const hook = await server.createHook(endpoint.url, ['OrganizationRole.Created']);
    const probeHook = await server.createHook((await receiver()).url, ['OrganizationScope.Created']);
    const feed = liveFeed(server.admin.OnDeliveryUpdated({ hookId: hook.id }));
    const all = liveFeed(server.admin.OnDeliveryUpdated({}));
    await all.prime(() => server.emit('OrganizationScope.Created'), (u) => u.deliveryUpdated.hookId === probeHook.id);
    const event = await server.emit('OrganizationRole.Created');
    const updates = await feed.waitFor(2);
    expect(updates.map((u) => [u.deliveryUpdated.attemptNumber, u.deliveryUpdated.status, u.deliveryUpdated.responseStatus])).toEqual([
      [1, 'RETRYING', 500],
      [2, 'SUCCEEDED', 204],
    ]);
    expect(updates[0].deliveryUpdated).toMatchObject({ hookId: hook.id, eventId: event.id, event: 'OrganizationRole.Created', errorKind: 'http' });
    expect(updates[0].deliveryUpdated.nextAttemptAt).not.toBeNull();
    expect(feed.values.every((u) => u.deliveryUpdated.hookId === hook.id)).toBe(true);
    await feed.close();
    await all.close();
  });

  it('stores attempts with credentials redacted and signatures kept', async () => {
    const endpoint = await receiver();
    const hook = await server.createHook(`${endpoint.url}?token=abc&page=1`, ['Role.Deleted'], {
      headers: [
        { name: 'Authorization', value: 'Bearer receiver-secret' },
        { name: 'X-Trace', value: 'visible' },
      ],
    });
    await server.emit('Role.Deleted');
    const [request] = await endpoint.waitFor(1);
    expect(request.headers.authorization).toBe('Bearer receiver-secret');
    const [delivery] = await eventually(async () => {
      const nodes = await server.deliveriesOf(hook.id);
      return nodes[0]?.status === 'SUCCEEDED' ? nodes : undefined;
    });
    const { delivery: detail } = await server.admin.Delivery({ id: delivery.id });
    const headers = Object.fromEntries(detail.attempts[0].request.headers.map((h) => [h.name, h.value]));
    expect(headers.authorization).toBe('[redacted]');
    expect(headers['x-trace']).toBe('visible');
    expect(headers['webhook-signature']).toBe(request.headers['webhook-signature']);
    expect(headers['logto-signature-sha-256']).toBe(request.headers['logto-signature-sha-256']);
    expect(detail.attempts[0].request.url).toContain('token=redacted');
    expect(detail.attempts[0].request.url).toContain('page=1');
  });

  it('holds deliveries while a hook is disabled and sends them when it is enabled again', async () => {
    const endpoint = await receiver();
    endpoint.reply(() => ({ status: 500 }));
    const hook = await server.createHook(endpoint.url, ['Organization.Deleted']);
    await server.emit('Organization.Deleted');
    await endpoint.waitFor(1);
    await server.admin.UpdateHook({ id: hook.id, input: { enabled: false } });
    const seen = endpoint.requests.length;
    // The sentinel is the row: its lock is cleared in the transaction that records an attempt, and
    // a claim takes no row of a disabled hook (it checks the hook in the same statement). So once
    // the row is unlocked, every request sent has been recorded, and none can follow.
    await eventually(async () => (await lockOf(hook.id)) === null);
    const [current] = await server.deliveriesOf(hook.id);
    expect(endpoint.requests).toHaveLength(current.attemptCount);
    expect(current.attemptCount).toBeLessThanOrEqual(seen + 1); // at most the attempt already in flight
    const paused = endpoint.requests.length;
    endpoint.reply(() => ({ status: 200 }));
    await server.admin.UpdateHook({ id: hook.id, input: { enabled: true } });
    await endpoint.waitFor(paused + 1);
    await eventually(async () => (await server.deliveriesOf(hook.id))[0]?.status === 'SUCCEEDED');
  });

  it('sends a test payload at once and reports the answer, failures included', async () => {
    const endpoint = await receiver();
    endpoint.reply((_request, index) => (index === 0 ? { status: 202, body: 'thanks' } : { status: 500, body: 'nope' }));
    const hook = await server.createHook(endpoint.url, ['PostSignIn']);
    const ok = (await server.admin.TestHook({ id: hook.id, event: 'PostSignIn' })).testHook;
    expect(ok).toMatchObject({ ok: true, responseStatus: 202, responseBody: 'thanks', error: null });
    const [request] = endpoint.requests;
    const body = new Webhook(hook.signingKey).verify(request.body, request.headers as Record<string, string>) as Record<string, unknown>;
    expect(body).toMatchObject({ hookId: hook.id, event: 'PostSignIn', userAgent: 'fake-user-agent', sessionId: expect.any(String) });
    expect(body.user).toMatchObject({ id: expect.any(String) });

    const failed = (await server.admin.TestHook({ id: hook.id, event: 'User.Created' })).testHook;
    expect(failed).toMatchObject({ ok: false, responseStatus: 500, responseBody: 'nope', error: 'HTTP 500' });
    expect(JSON.parse(endpoint.requests[1].body)).toMatchObject({ path: '/fake-path/:id', method: 'POST', status: 200, data: { result: 'success' } });

    const unreachable = await server.createHook(`http://127.0.0.1:${await freePort()}/x`, ['PostSignIn']);
    const refused = (await server.admin.TestHook({ id: unreachable.id, event: 'PostSignIn' })).testHook;
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/ECONNREFUSED/);
    // Tests are not deliveries: nothing was recorded.
    expect(await server.deliveriesOf(hook.id)).toHaveLength(0);
  });

  it('tests an unsaved URL and headers in place of the stored ones, validated as a save would be', async () => {
    const stored = await receiver();
    const unsaved = await receiver();
    const hook = await server.createHook(stored.url, ['User.*'], { headers: [{ name: 'x-stored', value: 'old' }] });
    const config = { url: unsaved.url, headers: [{ name: 'x-form', value: 'new' }] };
    const result = (await server.admin.TestHook({ id: hook.id, event: 'User.Created', config })).testHook;
    expect(result).toMatchObject({ ok: true, url: unsaved.url, responseStatus: 200 });
    const [request] = unsaved.requests;
    expect(request.headers['x-form']).toBe('new');
    expect(request.headers['x-stored']).toBeUndefined();
    // The stored key signs the test, as the saved hook's deliveries will be.
    expect(new Webhook(hook.signingKey).verify(request.body, request.headers as Record<string, string>)).toMatchObject({ hookId: hook.id });

    const badUrl = await server.admin.TestHook({ id: hook.id, event: 'User.Created', config: { url: 'ftp://example.com' } }).catch((error: unknown) => error);
    expect(badUrl).toBeInstanceOf(HookwireRequestError);
    expect((badUrl as HookwireRequestError).codes).toEqual(['BAD_USER_INPUT']);
    const badHeader = await server.admin
      .TestHook({ id: hook.id, event: 'User.Created', config: { headers: [{ name: 'bad name', value: 'x' }] } })
      .catch((error: unknown) => error);
    expect((badHeader as HookwireRequestError).codes).toEqual(['BAD_USER_INPUT']);
    // The stored hook is untouched and its own endpoint got nothing.
    expect(stored.requests).toHaveLength(0);
    expect((await server.admin.Hook({ id: hook.id })).hook).toMatchObject({ url: stored.url, headers: [{ name: 'x-stored', value: 'old' }] });
  });
});
