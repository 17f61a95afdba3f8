import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { codesOf, postRaw } from '../support/raw';
import { type ReceivedRequest, receiverPool } from '../support/receiver';
import { startTestServer, type TestServer } from '../support/server';
import { eventually, expectCode } from '../support/wait';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const HOUR = 3_600_000;

/** A Standard Webhooks v1 signature, computed here from the spec rather than by hookwire's signer. */
function standardSignature(key: string, request: ReceivedRequest): string {
  const secret = Buffer.from(key.slice('whsec_'.length), 'base64');
  const signed = `${request.headers['webhook-id']}.${request.headers['webhook-timestamp']}.${request.body}`;
  return `v1,${createHmac('sha256', secret).update(signed).digest('base64')}`;
}
const signaturesOf = (request: ReceivedRequest) => String(request.headers['webhook-signature']).split(' ');
const verifies = (key: string, request: ReceivedRequest) => {
  try {
    new Webhook(key).verify(request.body, request.headers as Record<string, string>);
    return true;
  } catch {
    return false;
  }
};
const logtoSignature = (key: string, request: ReceivedRequest) => createHmac('sha256', key).update(request.body).digest('hex');

describe.each(DATABASE_KINDS)('rotation, ordering, rate limits and synchronous emit on %s', (kind) => {
  let server: TestServer;
  const receivers = receiverPool();
  const receiver = receivers.start;
  /** When each first attempt to the hook started, by hookwire's clock, in order (once all have succeeded). */
  const attemptStarts = async (hookId: string) => {
    const deliveries = await eventually(async () => {
      const nodes = await server.deliveriesOf(hookId);
      return nodes.every((d) => d.status === 'SUCCEEDED') ? nodes : undefined;
    });
    const details = await Promise.all(deliveries.map(async (d) => (await server.admin.Delivery({ id: d.id })).delivery));
    return details.map((d) => Date.parse(d.attempts[0].startedAt)).sort((a, b) => a - b);
  };
  /** How many attempts each delivery to the hook has recorded. */
  const attemptCounts = async (hookId: string) =>
    Promise.all((await server.deliveriesOf(hookId)).map(async (d) => (await server.admin.Delivery({ id: d.id })).delivery.attempts.length));
  const rotate = async (id: string, gracePeriod?: string) => (await server.admin.RegenerateSigningKey({ id, gracePeriod })).regenerateSigningKey;

  beforeAll(async () => {
    server = await startTestServer(kind, {
      HOOKWIRE_RETRY_SCHEDULE: '50ms,50ms,50ms,50ms',
      HOOKWIRE_REQUEST_TIMEOUT: '500ms',
      HOOKWIRE_LEASE: '5s',
      HOOKWIRE_POLL_INTERVAL: '50ms',
    });
  });
  afterAll(async () => {
    await server?.close();
    await receivers.closeAll();
  });

  describe('signing-key rotation', () => {
    it('signs with the new and the old key during the grace period; the Logto header uses the new key', async () => {
      const endpoint = await receiver();
      const hook = await server.createHook(endpoint.url, ['User.Created']);
      const oldKey = hook.signingKey;
      const before = Date.now();
      const rotated = await rotate(hook.id, '1h');
      const after = Date.now();
      const newKey = rotated.signingKey;
      expect(newKey).toMatch(/^whsec_/);
      expect(newKey).not.toBe(oldKey);
      expect(rotated.retiredSigningKeys).toHaveLength(1);
      expect(rotated.retiredSigningKeys[0].key).toBe(oldKey);
      const expiresAt = Date.parse(rotated.retiredSigningKeys[0].expiresAt);
      expect(expiresAt).toBeGreaterThanOrEqual(before + HOUR - 1);
      expect(expiresAt).toBeLessThanOrEqual(after + HOUR + 1);
      expect((await server.admin.HookSigningKey({ id: hook.id })).hook.signingKey).toBe(newKey);

      await server.emit('User.Created', { userId: 'u_1' });
      const [request] = await endpoint.waitFor(1);
      // New key first, then the old one.
      expect(signaturesOf(request)).toEqual([standardSignature(newKey, request), standardSignature(oldKey, request)]);
      expect(verifies(newKey, request)).toBe(true);
      expect(verifies(oldKey, request)).toBe(true);
      expect(verifies((await server.createHook(endpoint.url, ['User.Data.Updated'])).signingKey, request)).toBe(false);
      expect(request.headers['logto-signature-sha-256']).toBe(logtoSignature(newKey, request));

      // A second rotation within the grace period keeps both earlier keys, newest first.
      const again = await rotate(hook.id, '1h');
      expect(again.retiredSigningKeys.map((k) => k.key)).toEqual([newKey, oldKey]);
      await server.emit('User.Created', { userId: 'u_2' });
      const [, second] = await endpoint.waitFor(2);
      expect(signaturesOf(second)).toEqual([
        standardSignature(again.signingKey, second),
        standardSignature(newKey, second),
        standardSignature(oldKey, second),
      ]);
      expect(second.headers['logto-signature-sha-256']).toBe(logtoSignature(again.signingKey, second));
    });

    it('drops the old key when the grace period ends, or at once with 0s', async () => {
      const endpoint = await receiver();
      const hook = await server.createHook(endpoint.url, ['User.Deleted']);
      const rotated = await rotate(hook.id, '500ms');
      const rotatedAt = Date.now();
      await server.emit('User.Deleted', { n: 1 });
      const [during] = await endpoint.waitFor(1);
      expect(signaturesOf(during)).toHaveLength(2);
      expect(verifies(hook.signingKey, during)).toBe(true);

      await sleep(Math.max(0, rotatedAt + 600 - Date.now()));
      await server.emit('User.Deleted', { n: 2 });
      const [, afterwards] = await endpoint.waitFor(2);
      expect(signaturesOf(afterwards)).toEqual([standardSignature(rotated.signingKey, afterwards)]);
      expect(verifies(rotated.signingKey, afterwards)).toBe(true);
      expect(verifies(hook.signingKey, afterwards)).toBe(false);

      // 0s: the replaced key stops signing now; the expired one is no longer listed.
      const immediate = await rotate(hook.id, '0s');
      expect(immediate.retiredSigningKeys).toEqual([]);
      await server.emit('User.Deleted', { n: 3 });
      const [, , third] = await endpoint.waitFor(3);
      expect(signaturesOf(third)).toEqual([standardSignature(immediate.signingKey, third)]);
      expect(verifies(rotated.signingKey, third)).toBe(false);
      expect(third.headers['logto-signature-sha-256']).toBe(logtoSignature(immediate.signingKey, third));
    });

    it('defaults to 24h, accepts up to 7d, refuses more or nonsense, and shows retired keys to ADMIN keys only', async () => {
      const hook = await server.createHook('https://example.com/hook', ['User.Data.Updated']);
      const before = Date.now();
      const byDefault = await rotate(hook.id);
      expect(Date.parse(byDefault.retiredSigningKeys[0].expiresAt) - before).toBeGreaterThanOrEqual(24 * HOUR - 1);
      expect(Date.parse(byDefault.retiredSigningKeys[0].expiresAt) - Date.now()).toBeLessThanOrEqual(24 * HOUR + 1);
      const longest = await rotate(hook.id, '7d');
      expect(Date.parse(longest.retiredSigningKeys[0].expiresAt) - before).toBeGreaterThanOrEqual(7 * 24 * HOUR - 1);

      for (const gracePeriod of ['8d', '169h', String(7 * 24 * HOUR + 1), 'soon', '-1s', '']) {
        await expectCode(server.admin.RegenerateSigningKey({ id: hook.id, gracePeriod }), 'BAD_USER_INPUT');
      }
      // Nothing changed on a refusal.
      expect((await server.admin.HookSigningKey({ id: hook.id })).hook.signingKey).toBe(longest.signingKey);
      await expectCode(rotate('hook_01JXXXXXXXXXXXXXXXXXXXXXXX', '1h'), 'NOT_FOUND');

      const { key } = (await server.admin.CreateApiKey({ input: { name: 'reader', scopes: ['READ'] } })).createApiKey;
      const query = { query: 'query($id: ID!) { hook(id: $id) { id retiredSigningKeys { key expiresAt } } }', variables: { id: hook.id } };
      expect(codesOf(await postRaw(server.app.url, query, { apiKey: key }))).toContain('FORBIDDEN');
      const asAdmin = await postRaw(server.app.url, query, { apiKey: (await server.admin.CreateApiKey({ input: { name: 'admin', scopes: ['ADMIN'] } })).createApiKey.key });
      expect((asAdmin.json?.data?.hook as { retiredSigningKeys: unknown[] }).retiredSigningKeys).toHaveLength(2);
    });
  });

  describe('ordered hooks', () => {
    it('sends one at a time in event order; a failing head holds the rest until it succeeds', async () => {
      const endpoint = await receiver();
      // The first attempt hangs until the 500 ms timeout, the next two get 500, then all succeed.
      endpoint.reply((_request, index) => (index === 0 ? 'hang' : index < 3 ? { status: 500 } : { status: 200 }));
      const hook = await server.createHook(endpoint.url, ['Role.Created'], { ordered: true });
      expect(hook.ordered).toBe(true);
      const events = [await server.emit('Role.Created', { n: 1 })];
      const [first] = await endpoint.waitFor(1);
      for (let n = 2; n <= 5; n++) events.push(await server.emit('Role.Created', { n }));

      await endpoint.waitFor(8);
      // A sentinel, emitted last: the hook sends in event order, so once it has arrived, every
      // attempt at the five before it has arrived too.
      const sentinel = await server.emit('Role.Created', { n: 'sentinel' });
      await endpoint.waitFor(9);
      // While the head's first attempt hung (until the 500 ms timeout), nothing else went out.
      expect(endpoint.requests.filter((r) => r.receivedAt < first.receivedAt + 400)).toEqual([first]);
      const [e1, e2, e3, e4, e5] = events.map((e) => e.id);
      expect(endpoint.requests.map((r) => r.headers['webhook-id'])).toEqual([e1, e1, e1, e1, e2, e3, e4, e5, sentinel.id]);
      const deliveries = await eventually(async () => {
        const nodes = await server.deliveriesOf(hook.id);
        return nodes.every((d) => d.status === 'SUCCEEDED') ? nodes : undefined;
      });
      expect(deliveries.map((d) => [d.eventId, d.attemptCount])).toEqual([
        [sentinel.id, 1],
        [e5, 1],
        [e4, 1],
        [e3, 1],
        [e2, 1],
        [e1, 4],
      ]);
      const head = (await server.admin.Delivery({ id: deliveries[5].id })).delivery;
      expect(head.attempts.map((a) => a.errorKind)).toEqual(['timeout', 'http', 'http', null]);
    });

    it('lets the rest go, in order, once a failing head is exhausted', async () => {
      const endpoint = await receiver();
      endpoint.reply((request) => (JSON.parse(request.body).n === 1 ? { status: 500 } : { status: 200 }));
      const hook = await server.createHook(endpoint.url, ['Role.Deleted'], { ordered: true });
      const events = [];
      for (let n = 1; n <= 5; n++) events.push(await server.emit('Role.Deleted', { n }));
      await endpoint.waitFor(9);
      // A sentinel, emitted last: the hook sends in event order, so once it has arrived, any
      // further attempt at the exhausted head would have arrived before it.
      const sentinel = await server.emit('Role.Deleted', { n: 'sentinel' });
      await endpoint.waitFor(10);
      const [e1, e2, e3, e4, e5] = events.map((e) => e.id);
      // Five attempts (the whole schedule) for the head, then the others.
      expect(endpoint.requests.map((r) => r.headers['webhook-id'])).toEqual([e1, e1, e1, e1, e1, e2, e3, e4, e5, sentinel.id]);
      const deliveries = await eventually(async () => {
        const nodes = await server.deliveriesOf(hook.id);
        return nodes.every((d) => d.status !== 'PENDING' && d.status !== 'RETRYING') ? nodes : undefined;
      });
      expect(deliveries.map((d) => [d.eventId, d.status, d.attemptCount])).toEqual([
        [sentinel.id, 'SUCCEEDED', 1],
        [e5, 'SUCCEEDED', 1],
        [e4, 'SUCCEEDED', 1],
        [e3, 'SUCCEEDED', 1],
        [e2, 'SUCCEEDED', 1],
        [e1, 'FAILED', 5],
      ]);
    });
  });

  describe('rate limits', () => {
    it('sends at most rateLimit requests per second and drops nothing', async () => {
      const endpoint = await receiver();
      const hook = await server.createHook(endpoint.url, ['Scope.Created'], { rateLimit: 20 });
      expect(hook.rateLimit).toBe(20);
      // One event first, so the burst below goes over an open connection: the time a first
      // request spends connecting would otherwise bunch it up with the next at the receiver.
      const warmUp = await server.emit('Scope.Created', { n: 'warm-up' });
      await endpoint.waitFor(1);
      const events = [];
      for (let n = 0; n < 30; n++) events.push(await server.emit('Scope.Created', { n }));
      const requests = await endpoint.waitFor(31, 15_000);
      expect(new Set(requests.map((r) => r.headers['webhook-id']))).toEqual(new Set([warmUp.id, ...events.map((e) => e.id)]));

      const busiestSecond = (times: number[]) => Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
      // When hookwire started each attempt: 50 ms apart, so no second holds more than 20 (+1 for
      // millisecond rounding), and the 30 after the first took 30 gaps of 50 ms.
      const starts = await attemptStarts(hook.id);
      expect(starts).toHaveLength(31);
      // No sentinel request exists here (a hook that is not ordered keeps no order to wait on);
      // the rows stand in: all 31 are SUCCEEDED, which leaves no due time for a claim to take,
      // each with its one attempt: nothing was sent twice, and no claim can send more.
      expect(await attemptCounts(hook.id)).toEqual(Array(31).fill(1));
      expect(endpoint.requests).toHaveLength(31);
      expect(busiestSecond(starts)).toBeLessThanOrEqual(21);
      expect(starts[30] - starts[0]).toBeGreaterThanOrEqual(30 * 50 - 10);
      // At the receiver, which shares this process's event loop with the server and the emits,
      // arrival times jitter by tens of milliseconds (a request can bunch up with the next):
      // one request of slack over the limit.
      expect(busiestSecond(requests.map((r) => r.receivedAt))).toBeLessThanOrEqual(22);
    });

    it('takes a limit set by updateHook, and removes it with an explicit null', async () => {
      const endpoint = await receiver();
      const hook = await server.createHook(endpoint.url, ['Scope.Deleted']);
      expect(hook.rateLimit).toBeNull();
      expect((await server.admin.UpdateHook({ id: hook.id, input: { rateLimit: 10 } })).updateHook.rateLimit).toBe(10);
      await Promise.all(Array.from({ length: 6 }, (_, n) => server.emit('Scope.Deleted', { n })));
      await endpoint.waitFor(6);
      // Six requests at 10 per second: five gaps of 100 ms.
      const starts = await attemptStarts(hook.id);
      expect(starts).toHaveLength(6);
      expect(starts[5] - starts[0]).toBeGreaterThanOrEqual(5 * 100 - 10);

      // Leaving the field out keeps the limit; null removes it.
      expect((await server.admin.UpdateHook({ id: hook.id, input: { name: 'renamed' } })).updateHook.rateLimit).toBe(10);
      expect((await server.admin.UpdateHook({ id: hook.id, input: { rateLimit: null } })).updateHook.rateLimit).toBeNull();
      expect((await server.admin.Hook({ id: hook.id })).hook.rateLimit).toBeNull();
    });

    // These hooks want an event nothing here emits: they are never sent to.
    it('accepts 1 to 10000 requests per second and refuses 0 and 10001', async () => {
      const hooksBefore = (await server.admin.Hooks()).hooks.totalCount;
      for (const rateLimit of [0, 10_001, -1]) {
        await expectCode(server.createHook('https://example.com/limited', ['User.Data.Updated'], { rateLimit }), 'BAD_USER_INPUT');
      }
      expect((await server.admin.Hooks()).hooks.totalCount).toBe(hooksBefore);
      expect((await server.createHook('https://example.com/slow', ['User.Data.Updated'], { rateLimit: 1 })).rateLimit).toBe(1);
      const fast = await server.createHook('https://example.com/fast', ['User.Data.Updated'], { rateLimit: 10_000 });
      expect(fast.rateLimit).toBe(10_000);
      for (const rateLimit of [0, 10_001]) {
        await expectCode(server.admin.UpdateHook({ id: fast.id, input: { rateLimit } }), 'BAD_USER_INPUT');
      }
      expect((await server.admin.Hook({ id: fast.id })).hook.rateLimit).toBe(10_000);
    });
  });

  describe('emitEvent with waitFor', () => {
    it("answers once every delivery's first attempt is made, with the outcomes", async () => {
      const ok = await receiver();
      ok.reply(() => ({ status: 200, body: 'sync ok' }));
      const failing = await receiver();
      failing.reply(() => ({ status: 500, body: 'nope' }));
      const okHook = await server.createHook(ok.url, ['Identifier.Lockout']);
      const failingHook = await server.createHook(failing.url, ['Identifier.Lockout']);
      const started = Date.now();
      const { emitEvent } = await server.admin.EmitEventAndWait({ input: { event: 'Identifier.Lockout', payload: { userId: 'u_1' } }, waitFor: '5s' });
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(emitEvent).toMatchObject({ event: 'Identifier.Lockout', payload: { userId: 'u_1' } });
      expect(emitEvent.deliveries.totalCount).toBe(2);
      for (const node of emitEvent.deliveries.nodes) expect(node.attemptCount).toBeGreaterThanOrEqual(1);
      const byHook = new Map(emitEvent.deliveries.nodes.map((node) => [node.hookId, node]));
      expect(byHook.get(okHook.id)).toMatchObject({ status: 'SUCCEEDED', attemptCount: 1 });
      expect(byHook.get(okHook.id)?.attempts[0]).toMatchObject({ number: 1, succeeded: true, responseStatus: 200, responseBody: 'sync ok' });
      expect(byHook.get(failingHook.id)?.attempts[0]).toMatchObject({ number: 1, succeeded: false, responseStatus: 500, responseBody: 'nope', errorKind: 'http' });
      expect(ok.requests[0].headers['webhook-id']).toBe(emitEvent.id);
    });

    it('answers when the time is up, even if an attempt is still running', async () => {
      const hanging = await receiver();
      hanging.reply(() => 'hang');
      const quick = await receiver();
      const slowHook = await server.createHook(hanging.url, ['Message.RateLimited']);
      const quickHook = await server.createHook(quick.url, ['Message.RateLimited']);
      const started = Date.now();
      const { emitEvent } = await server.admin.EmitEventAndWait({ input: { event: 'Message.RateLimited', payload: {} }, waitFor: '100ms' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(95);
      const byHook = new Map(emitEvent.deliveries.nodes.map((node) => [node.hookId, node]));
      // The hanging attempt runs until the 500 ms request timeout: not recorded yet.
      expect(byHook.get(slowHook.id)).toMatchObject({ status: 'PENDING', attemptCount: 0, attempts: [] });
      expect(byHook.get(quickHook.id)).toMatchObject({ status: 'SUCCEEDED', attemptCount: 1 });
    });

    it('answers at once when no hook matches', async () => {
      const started = Date.now();
      const { emitEvent } = await server.admin.EmitEventAndWait({ input: { event: 'Grant.LimitExceeded', payload: {} }, waitFor: '30s' });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(emitEvent.deliveries).toMatchObject({ totalCount: 0, nodes: [] });
    });

    it('refuses a waitFor over 30s or unparsable, and stores nothing', async () => {
      const endpoint = await receiver();
      await server.createHook(endpoint.url, ['PostSignIn'], { ordered: true });
      const count = async () => (await server.admin.Events({ types: ['PostSignIn'] })).events.totalCount;
      const before = await count();
      for (const waitFor of ['31s', '30001', '1m', 'soon', '-1s']) {
        await expectCode(server.admin.EmitEventAndWait({ input: { event: 'PostSignIn', payload: { userId: 'u_1' } }, waitFor }), 'BAD_USER_INPUT');
      }
      expect(await count()).toBe(before);
      // A valid sentinel, emitted after: the ordered hook delivers in event order, so once it has
      // arrived, a refused emit that had been stored would have arrived before it.
      const sentinel = await server.emit('PostSignIn', { userId: 'u_sentinel' });
      const [first] = await endpoint.waitFor(1);
      expect(first.headers['webhook-id']).toBe(sentinel.id);
      expect(await count()).toBe(before + 1);
      expect(endpoint.requests).toHaveLength(1);
    });
  });
});
