import { promises as dns } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAddressGuard } from '../../src/delivery/address-guard';
import { createHttpSender } from '../../src/delivery/http-sender';
import { MAX_BLOCKED_ATTEMPTS } from '../../src/delivery/retry-policy';
import { DATABASE_KINDS } from '../support/databases';
import { startReceiver, type Receiver } from '../support/receiver';
import { startTestServer, type TestServer } from '../support/server';
import { eventually, expectCode } from '../support/wait';

// Eight attempts if every one is retried: a blocked delivery must stop well before.
const SCHEDULE = '50ms,50ms,50ms,50ms,50ms,50ms,50ms';
const GUARDED = { HOOKWIRE_ALLOW_PRIVATE_TARGETS: 'false', HOOKWIRE_RETRY_SCHEDULE: SCHEDULE };

// Hosts the WHATWG URL parser turns into refused literals, and the range each must be named by.
const REFUSED: Array<[url: string, range: string]> = [
  ['http://127.0.0.1:8080/x', '127.0.0.0/8 (loopback)'],
  ['http://127.1/', '127.0.0.0/8 (loopback)'],
  ['http://2130706433/', '127.0.0.0/8 (loopback)'],
  ['http://0x7f.0.0.1/', '127.0.0.0/8 (loopback)'],
  ['http://0177.0.0.1/', '127.0.0.0/8 (loopback)'],
  ['http://127.0.0.1./', '127.0.0.0/8 (loopback)'],
  ['http://[::1]:8080/', '::1/128 (loopback)'],
  ['http://[0:0:0:0:0:0:0:1]/', '::1/128 (loopback)'],
  ['http://[::ffff:127.0.0.1]/', '127.0.0.0/8 (loopback)'],
  ['http://[::ffff:a00:1]/', '10.0.0.0/8 (private-use)'],
  ['http://10.1.2.3/', '10.0.0.0/8 (private-use)'],
  ['https://192.168.1.1/', '192.168.0.0/16 (private-use)'],
  ['http://172.16.0.1/', '172.16.0.0/12 (private-use)'],
  ['http://100.64.0.1/', '100.64.0.0/10 (cgnat)'],
  ['http://169.254.169.254/latest/meta-data', '169.254.0.0/16 (link-local)'],
  ['http://0/', '0.0.0.0/8 (unspecified)'],
  ['http://[::]/', '::/128 (unspecified)'],
  ['http://[fd00::1]/', 'fc00::/7 (unique-local)'],
  ['http://[fe80::1]/', 'fe80::/10 (link-local)'],
  ['http://224.0.0.1/', '224.0.0.0/4 (multicast)'],
  ['http://localhost:8080/', '(loopback)'],
  ['http://LOCALHOST./', '(loopback)'],
  ['http://api.localhost/', '(loopback)'],
];

describe.each(DATABASE_KINDS)('private targets on %s', (kind) => {
  describe('with the guard on', () => {
    let server: TestServer;
    let receiver: Receiver;
    beforeAll(async () => {
      receiver = await startReceiver();
      // The real sender, resolving one made-up name to loopback as a DNS server might.
      const sender = createHttpSender({
        guard: createAddressGuard({ allowPrivateTargets: false, allowedCidrs: [] }),
        maxResponseBytes: 4096,
        resolveHost: async (hostname, options) =>
          hostname === 'internal.example' ? [{ address: '127.0.0.1', family: 4 }] : dns.lookup(hostname, { ...options, all: true }),
      });
      server = await startTestServer(kind, GUARDED, { sender });
    });
    afterAll(async () => {
      await server?.close();
      await receiver?.close();
    });

    it('refuses createHook and updateHook on a private literal or localhost, naming the range', async () => {
      const existing = await server.createHook('https://example.com/public', ['PostResetPassword']);
      for (const [url, range] of REFUSED) {
        for (const [label, call] of [
          ['createHook', () => server.admin.CreateHook({ input: { name: 'private', url, events: ['User.Created'] } })],
          ['updateHook', () => server.admin.UpdateHook({ id: existing.id, input: { url } })],
        ] as const) {
          const error = await expectCode(call(), 'BAD_USER_INPUT');
          expect(error.message, `${label} ${url}`).toContain(range);
        }
      }
      expect((await server.admin.Hooks({ first: 100 })).hooks.nodes.map((hook) => hook.url)).toEqual(['https://example.com/public']);
      // Public literals and names are fine; a name is judged when sending.
      for (const url of ['http://93.184.216.34/x', 'https://[2606:4700::1111]/', 'http://internal.example/x', 'https://localhost.example.com/']) {
        const { updateHook } = await server.admin.UpdateHook({ id: existing.id, input: { url } });
        expect(updateHook.url).toBe(new URL(url).href);
      }
      await server.admin.DeleteHook({ id: existing.id });
    });

    it(`gives a name resolving to a private address ${MAX_BLOCKED_ATTEMPTS} attempts, then FAILED, sending nothing`, async () => {
      const port = new URL(receiver.url).port;
      const hook = await server.createHook(`http://internal.example:${port}/hook`, ['User.Deleted']);
      await server.emit('User.Deleted', { userId: 'u1' });
      const delivery = await eventually(async () => {
        const [node] = await server.deliveriesOf(hook.id);
        return node?.status === 'FAILED' ? node : undefined;
      });
      const { delivery: detail } = await server.admin.Delivery({ id: delivery.id });
      expect(detail.attemptCount).toBe(MAX_BLOCKED_ATTEMPTS);
      expect(detail.attempts).toHaveLength(MAX_BLOCKED_ATTEMPTS);
      for (const attempt of detail.attempts) {
        expect(attempt).toMatchObject({ errorKind: 'blocked', responseStatus: null, succeeded: false });
        expect(attempt.errorMessage).toMatch(/127\.0\.0\.1 \(resolved from internal\.example\) is private \(loopback\)/);
      }
      expect(detail.lastError).toMatch(/^blocked: /);
      // The test button reports the same outcome, as a result.
      const { testHook } = await server.admin.TestHook({ id: hook.id, event: 'User.Deleted' });
      expect(testHook).toMatchObject({ ok: false, responseStatus: null });
      expect(testHook.error).toMatch(/resolved from internal\.example/);
      expect(receiver.requests).toHaveLength(0);
    });
  });

  it('lets HOOKWIRE_ALLOWED_CIDRS exempt a range at createHook as when sending', async () => {
    const receiver = await startReceiver();
    const server = await startTestServer(kind, { ...GUARDED, HOOKWIRE_ALLOWED_CIDRS: '127.0.0.0/8' });
    try {
      const hook = await server.createHook(`${receiver.url}/allowed`, ['User.Created']);
      const local = await server.createHook('http://localhost:9/allowed', ['PostResetPassword']);
      expect(local.url).toBe('http://localhost:9/allowed');
      for (const [url, range] of [['http://10.0.0.1/', '10.0.0.0/8 (private-use)'], ['http://[::1]/', '::1/128 (loopback)']]) {
        const error = await expectCode(server.admin.CreateHook({ input: { name: 'private', url, events: ['User.Created'] } }), 'BAD_USER_INPUT');
        expect(error.message).toContain(range);
      }
      await server.emit('User.Created', { userId: 'u1' });
      const [request] = await receiver.waitFor(1);
      expect(request.path).toBe('/hook/allowed');
      expect((await server.admin.TestHook({ id: hook.id, event: 'User.Created' })).testHook.ok).toBe(true);
    } finally {
      await server.close();
      await receiver.close();
    }
  });

  it('refuses testHook, and stops delivering after a few attempts, for a hook saved before the guard was on', async () => {
    const receiver = await startReceiver();
    const before = await startTestServer(kind); // the guard off, as in development
    const hook = await before.createHook(`${receiver.url}/legacy`, ['User.Deleted']);
    await before.close({ keepDatabase: true });
    const server = await startTestServer(kind, GUARDED, {}, before.db);
    try {
      const error = await expectCode(server.admin.TestHook({ id: hook.id, event: 'User.Deleted' }), 'BAD_USER_INPUT');
      expect(error.message).toContain(hook.id);
      expect(error.message).toContain('127.0.0.0/8 (loopback)');
      await server.emit('User.Deleted', { userId: 'u2' });
      const delivery = await eventually(async () => {
        const [node] = await server.deliveriesOf(hook.id);
        return node?.status === 'FAILED' ? node : undefined;
      });
      expect(delivery.attemptCount).toBe(MAX_BLOCKED_ATTEMPTS);
      expect(delivery.lastError).toMatch(/127\.0\.0\.1 is private \(loopback\)/);
      expect(receiver.requests).toHaveLength(0);
    } finally {
      await server.close();
      await receiver.close();
    }
  });
});
