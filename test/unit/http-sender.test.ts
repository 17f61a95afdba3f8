import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAddressGuard, type AddressGuardOptions } from '../../src/delivery/address-guard';
import { createHttpSender, type HttpSenderOptions } from '../../src/delivery/http-sender';
import type { OutgoingRequest, Sender } from '../../src/delivery/sender';

const received: { path: string; body: string; headers: IncomingMessage['headers']; remotePort?: number }[] = [];
const CAP = 1001;

const routes: Record<string, (res: ServerResponse) => void> = {
  '/ok': (res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('hello'),
  '/error': (res) => res.writeHead(500, { 'retry-after': '30' }).end('boom'),
  '/throttle': (res) => res.writeHead(429, { 'retry-after': '7' }).end(),
  '/unavailable': (res) => res.writeHead(503, { 'retry-after': new Date(Date.now() + 60_000).toUTCString() }).end(),
  '/gone': (res) => res.writeHead(410).end(),
  '/redirect': (res) => res.writeHead(302, { location: '/ok' }).end(),
  '/hang': () => undefined,
  '/slow-body': (res) => {
    // A byte every 50 ms keeps any inactivity timeout from firing: only a whole-request deadline ends this.
    const drip = setInterval(() => res.write('.'), 50);
    res.writeHead(200).on('close', () => clearInterval(drip));
  },
  '/big': (res) => res.writeHead(200).end('a'.repeat(1_000_000)),
  '/utf8': (res) => res.writeHead(200).end('é'.repeat(600)),
};

function handle(req: IncomingMessage, res: ServerResponse): void {
  let body = '';
  req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
  req.on('end', () => {
    const path = req.url ?? '';
    received.push({ path, body, headers: req.headers, remotePort: req.socket.remotePort });
    (routes[path] ?? ((r: ServerResponse) => r.writeHead(404).end()))(res);
  });
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

let server: Server;
let port: number;
let base: string;
let sender: Sender; // shared: the guard on, loopback exempt, as a deployment's allowedCidrs would do
const extraSenders: Sender[] = [];
/** A sender closed after the test; the guard is on and nothing is exempt unless `options` say so. */
const make = (options: Partial<Omit<HttpSenderOptions, 'guard'> & AddressGuardOptions> = {}): Sender => {
  const { allowPrivateTargets = false, allowedCidrs = [], ...rest } = options;
  const made = createHttpSender({ guard: createAddressGuard({ allowPrivateTargets, allowedCidrs }), maxResponseBytes: CAP, ...rest });
  extraSenders.push(made);
  return made;
};
const resolvingTo = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
const request = (url: string, extra: Partial<OutgoingRequest> = {}): OutgoingRequest => ({
  url, headers: { 'content-type': 'application/json' }, body: '{"n":1}', timeoutMs: 2_000, ...extra,
});

beforeAll(async () => {
  server = createServer(handle);
  port = await listen(server);
  base = `http://127.0.0.1:${port}`;
  sender = createHttpSender({ guard: createAddressGuard({ allowPrivateTargets: false, allowedCidrs: ['127.0.0.0/8'] }), maxResponseBytes: CAP });
});
afterAll(async () => {
  await sender.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received.length = 0;
});
afterEach(async () => {
  await Promise.all(extraSenders.splice(0).map((made) => made.close()));
});

describe('createHttpSender: answers', () => {
  it('POSTs the exact body and headers and reports a 2xx with its body', async () => {
    const result = await sender.send(request(`${base}/ok`, { headers: { 'content-type': 'application/json', 'x-custom': 'yes' }, body: '{"héllo":"wörld"}' }));
    expect(result).toMatchObject({ kind: 'success', status: 200, body: 'hello' });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ path: '/ok', body: '{"héllo":"wörld"}' });
    expect(received[0].headers).toMatchObject({ 'x-custom': 'yes', 'content-type': 'application/json' });
  });

  it.each([
    ['a 500 without Retry-After honoured', '/error', { kind: 'http-error', status: 500, body: 'boom' }],
    ['Retry-After seconds on a 429', '/throttle', { kind: 'http-error', status: 429, body: '', retryAfterMs: 7_000 }],
    ['a 410', '/gone', { kind: 'http-error', status: 410, body: '' }],
    ['a redirect, not followed', '/redirect', { kind: 'http-error', status: 302, body: '' }],
    ['a Retry-After HTTP-date on a 503', '/unavailable', { kind: 'http-error', status: 503, body: '', retryAfterMs: expect.closeTo(57_000, -4) }],
  ])('reports %s', async (_name, path, outcome) => {
    expect(await sender.send(request(`${base}${path}`))).toEqual({ ...outcome, durationMs: expect.any(Number) });
    expect(received.map((r) => r.path)).toEqual([path]);
  });

  it('truncates an oversized body to the cap, on a character boundary, and keeps working', async () => {
    expect(await sender.send(request(`${base}/big`))).toMatchObject({ kind: 'success', status: 200, body: 'a'.repeat(CAP) });
    // 1001 bytes hold 500 two-byte characters and half of the next, which is dropped.
    expect(await sender.send(request(`${base}/utf8`))).toMatchObject({ kind: 'success', body: 'é'.repeat(500) });
    expect(await sender.send(request(`${base}/ok`))).toMatchObject({ kind: 'success', body: 'hello' });
  });

  describe('keep-alive', () => {
    // A fresh sender per test: which pooled connection undici picks depends on earlier traffic.
    const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
    const ports = (): unknown[] => received.map((r) => r.remotePort);

    it('reuses one connection for consecutive requests', async () => {
      const fresh = make({ allowPrivateTargets: true });
      await fresh.send(request(`${base}/ok`));
      // undici frees a connection a tick after the response; a send before that opens another.
      await nextTick();
      await fresh.send(request(`${base}/ok`));
      expect(ports()).toHaveLength(2);
      expect(ports()[0]).toEqual(expect.any(Number));
      expect(ports()[1]).toBe(ports()[0]);
    });

    it('still reuses connections after one was dropped', async () => {
      // Regression: undici's Agent then opened a new socket per request (nodejs/undici#5022).
      const fresh = make({ allowPrivateTargets: true });
      await fresh.send(request(`${base}/big`));
      for (let i = 0; i < 4; i += 1) await fresh.send(request(`${base}/ok`)).then(nextTick);
      expect(new Set(ports().slice(2)).size).toBe(1);
    });
  });
});

describe('createHttpSender: failures', () => {
  it.each(['/hang', '/slow-body'])('times %s out at the whole-request deadline', async (path) => {
    const result = await sender.send(request(`${base}${path}`, { timeoutMs: 200 }));
    expect(result).toMatchObject({ kind: 'timeout', message: 'request timed out after 200 ms' });
    expect(result.durationMs).toBeGreaterThanOrEqual(190);
    expect(result.durationMs).toBeLessThan(1_500);
  });

  it('reports a refused connection as a network outcome', async () => {
    const closed = createServer();
    const closedPort = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const result = await sender.send(request(`http://127.0.0.1:${closedPort}/`));
    expect(result).toMatchObject({ kind: 'network', code: 'ECONNREFUSED', message: expect.stringContaining('ECONNREFUSED') });
    // Two addresses: autoSelectFamily tries both and fails with an AggregateError that has no message of its own.
    const dual = await make({ allowPrivateTargets: true, resolveHost: resolvingTo('127.0.0.1', '::1') }).send(request(`http://dual.example:${closedPort}/`));
    expect(dual).toMatchObject({ kind: 'network', code: 'ECONNREFUSED', message: expect.stringMatching(/127\.0\.0\.1.*; .*::1/) });
  });

  it('reports a failed DNS lookup as a network outcome with its code', async () => {
    const notFound = (host: string): Error => Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    const failing = make({ resolveHost: (host) => Promise.reject(notFound(host)) });
    expect(await failing.send(request('http://nowhere.invalid/'))).toMatchObject({ kind: 'network', code: 'ENOTFOUND' });
  });

  it('resolves a send after close instead of throwing', async () => {
    const closing = make({ allowPrivateTargets: true });
    await closing.close();
    expect(await closing.send(request(`${base}/ok`))).toMatchObject({ kind: 'network', code: 'SENDER_CLOSED' });
    expect(received).toHaveLength(0);
  });

  it.each([
    ['not a url', /invalid target URL/],
    ['ftp://example.com/file', /unsupported target URL scheme "ftp:"/],
  ])('blocks the URL %j', async (url, message) => {
    expect(await sender.send(request(url))).toMatchObject({ kind: 'blocked', message: expect.stringMatching(message) });
  });
});

describe('createHttpSender: private-address guard', () => {
  it.each([
    ['127.0.0.1', (p: number) => `http://127.0.0.1:${p}/ok`, 'target address 127.0.0.1 is private (loopback)'],
    ['localhost', (p: number) => `http://localhost:${p}/ok`, /^target address (127\.0\.0\.1|::1) \(resolved from localhost\) is private \(loopback\)$/],
    ['[::1]', (p: number) => `http://[::1]:${p}/ok`, 'target address ::1 is private (loopback)'],
    ['[::ffff:127.0.0.1]', (p: number) => `http://[::ffff:127.0.0.1]:${p}/ok`, 'target address ::ffff:7f00:1 is private (loopback)'],
    ['0x7f.1', (p: number) => `http://0x7f.1:${p}/ok`, 'target address 127.0.0.1 is private (loopback)'],
  ])('refuses %s and sends nothing', async (_name, url, message) => {
    expect(await make().send(request(url(port)))).toMatchObject({ kind: 'blocked', message });
    expect(received).toHaveLength(0);
  });

  it('checks the address the connection resolves, for any name', async () => {
    const rebound = await make({ resolveHost: resolvingTo('127.0.0.1') }).send(request(`http://rebind.example:${port}/ok`));
    expect(rebound).toMatchObject({ kind: 'blocked', message: 'target address 127.0.0.1 (resolved from rebind.example) is private (loopback)' });
    const mixed = await make({ resolveHost: resolvingTo('93.184.216.34', '10.0.0.1') }).send(request('http://mixed.example/'));
    expect(mixed).toMatchObject({ kind: 'blocked', message: expect.stringContaining('10.0.0.1') });
    expect(received).toHaveLength(0);
  });

  it('connects to the resolved address when it is exempt', async () => {
    const exempt = make({ allowedCidrs: ['127.0.0.0/8'], resolveHost: resolvingTo('127.0.0.1') });
    expect(await exempt.send(request(`http://hooks.example:${port}/ok`))).toMatchObject({ kind: 'success', body: 'hello' });
    expect(received).toHaveLength(1);
    expect(received[0].headers.host).toBe(`hooks.example:${port}`);
  });

  it('lets everything through when private targets are allowed', async () => {
    expect(await make({ allowPrivateTargets: true }).send(request(`http://localhost:${port}/ok`))).toMatchObject({ kind: 'success' });
  });
});
