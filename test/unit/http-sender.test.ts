import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpSender } from '../../src/delivery/http-sender';
import type { OutgoingRequest, Sender } from '../../src/delivery/sender';

interface Received { path: string; body: string; headers: IncomingMessage['headers']; remotePort: number | undefined }

const received: Received[] = [];
const hanging: ServerResponse[] = [];
const CAP = 1001;

const routes: Record<string, (res: ServerResponse) => void> = {
  '/ok': (res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('hello'),
  '/error': (res) => res.writeHead(500, { 'retry-after': '30' }).end('boom'),
  '/throttle': (res) => res.writeHead(429, { 'retry-after': '7' }).end(),
  '/unavailable': (res) => res.writeHead(503, { 'retry-after': new Date(Date.now() + 60_000).toUTCString() }).end(),
  '/gone': (res) => res.writeHead(410).end(),
  '/redirect': (res) => res.writeHead(302, { location: '/ok' }).end(),
  '/hang': (res) => hanging.push(res),
  '/slow-body': (res) => {
    // A byte every 50 ms keeps any inactivity timeout from firing: only a whole-request deadline ends this.
    res.writeHead(200);
    const drip = setInterval(() => res.write('.'), 50);
    res.on('close', () => clearInterval(drip));
    hanging.push(res);
  },
  '/big': (res) => {
    res.writeHead(200);
    for (let i = 0; i < 100; i += 1) res.write('a'.repeat(10_000));
    res.end();
  },
  '/utf8': (res) => res.writeHead(200).end('é'.repeat(600)),
};

function handle(req: IncomingMessage, res: ServerResponse): void {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
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
let base: string;
let port: number;
let sender: Sender;
const request = (url: string, extra: Partial<OutgoingRequest> = {}): OutgoingRequest => ({
  url, headers: { 'content-type': 'application/json' }, body: '{"n":1}', timeoutMs: 2_000, ...extra,
});

beforeAll(async () => {
  server = createServer(handle);
  port = await listen(server);
  base = `http://127.0.0.1:${port}`;
  // The guard stays on; only loopback is exempt, as a deployment's allowedCidrs would do.
  sender = createHttpSender({ allowPrivateTargets: false, allowedCidrs: ['127.0.0.0/8'], maxResponseBytes: CAP });
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  await sender.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received.length = 0;
});

describe('createHttpSender: answers', () => {
  it('POSTs the exact body and headers and reports a 2xx with its body', async () => {
    const result = await sender.send(request(`${base}/ok`, { headers: { 'content-type': 'application/json', 'x-custom': 'yes' }, body: '{"héllo":"wörld"}' }));
    expect(result).toMatchObject({ kind: 'success', status: 200, body: 'hello' });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ path: '/ok', body: '{"héllo":"wörld"}' });
    expect(received[0].headers).toMatchObject({ 'x-custom': 'yes', 'content-type': 'application/json' });
  });

  it('reports a 500 as an http-error without retryAfterMs', async () => {
    const result = await sender.send(request(`${base}/error`));
    expect(result).toMatchObject({ kind: 'http-error', status: 500, body: 'boom' });
    expect(result).not.toHaveProperty('retryAfterMs');
  });

  it('parses Retry-After seconds on 429 and HTTP-dates on 503', async () => {
    expect(await sender.send(request(`${base}/throttle`))).toMatchObject({ kind: 'http-error', status: 429, retryAfterMs: 7_000 });
    const unavailable = await sender.send(request(`${base}/unavailable`));
    expect(unavailable).toMatchObject({ kind: 'http-error', status: 503 });
    const ms = unavailable.kind === 'http-error' ? unavailable.retryAfterMs : undefined;
    expect(ms).toBeGreaterThan(55_000);
    expect(ms).toBeLessThanOrEqual(60_000);
    expect(await sender.send(request(`${base}/gone`))).toMatchObject({ kind: 'http-error', status: 410 });
  });

  it('does not follow redirects', async () => {
    const result = await sender.send(request(`${base}/redirect`));
    expect(result).toMatchObject({ kind: 'http-error', status: 302 });
    expect(received.map((r) => r.path)).toEqual(['/redirect']);
  });

  it('truncates an oversized body to the cap and keeps working', async () => {
    const result = await sender.send(request(`${base}/big`));
    expect(result).toMatchObject({ kind: 'success', status: 200 });
    expect(result.kind === 'success' && result.body).toBe('a'.repeat(CAP));
    expect(await sender.send(request(`${base}/ok`))).toMatchObject({ kind: 'success', body: 'hello' });
  });

  it('cuts a truncated body on a character boundary', async () => {
    const result = await sender.send(request(`${base}/utf8`));
    // 1001 bytes hold 500 two-byte characters and half of the next, which is dropped.
    expect(result.kind === 'success' && result.body).toBe('é'.repeat(500));
  });

  describe('keep-alive', () => {
    // A fresh sender per test: which pooled connection undici picks depends on earlier traffic.
    let fresh: Sender;
    beforeEach(() => {
      fresh = createHttpSender({ allowPrivateTargets: true, allowedCidrs: [], maxResponseBytes: CAP });
    });
    afterEach(() => fresh.close());
    const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
    const ports = (): (number | undefined)[] => received.map((r) => r.remotePort);

    it('reuses one connection for consecutive requests', async () => {
      await fresh.send(request(`${base}/ok`));
      // undici frees a connection a tick after the response; a send before that opens another.
      await nextTick();
      await fresh.send(request(`${base}/ok`));
      expect(ports()).toHaveLength(2);
      expect(ports()[0]).toBeDefined();
      expect(ports()[1]).toBe(ports()[0]);
    });

    it('keeps connections alive for back-to-back sends', async () => {
      for (let i = 0; i < 6; i += 1) await fresh.send(request(`${base}/ok`));
      expect(ports()).toHaveLength(6);
      expect(new Set(ports()).size).toBeLessThanOrEqual(2);
    });

    it('still reuses connections after one was dropped', async () => {
      // Regression: undici's Agent then opened a new socket per request (nodejs/undici#5022).
      await fresh.send(request(`${base}/big`));
      for (let i = 0; i < 4; i += 1) {
        await fresh.send(request(`${base}/ok`));
        await nextTick();
      }
      expect(new Set(ports().slice(2)).size).toBe(1);
    });
  });
});

describe('createHttpSender: failures', () => {
  it('times out a hanging endpoint at the deadline', async () => {
    const result = await sender.send(request(`${base}/hang`, { timeoutMs: 200 }));
    expect(result).toMatchObject({ kind: 'timeout', message: 'request timed out after 200 ms' });
    expect(result.durationMs).toBeGreaterThanOrEqual(190);
    expect(result.durationMs).toBeLessThan(1_500);
  });

  it('counts the body in the deadline, not only the headers', async () => {
    const result = await sender.send(request(`${base}/slow-body`, { timeoutMs: 200 }));
    expect(result).toMatchObject({ kind: 'timeout' });
    expect(result.durationMs).toBeLessThan(1_500);
  });

  it('reports a refused connection as a network outcome', async () => {
    const closed = createServer();
    const closedPort = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const result = await sender.send(request(`http://127.0.0.1:${closedPort}/`));
    expect(result).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
    expect(result.kind === 'network' && result.message).toMatch(/ECONNREFUSED/);
  });

  it('reports a failed DNS lookup as a network outcome with its code', async () => {
    const failing = createHttpSender({
      allowPrivateTargets: true, allowedCidrs: [], maxResponseBytes: CAP,
      resolveHost: async (host) => {
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      },
    });
    expect(await failing.send(request('http://nowhere.invalid/'))).toMatchObject({ kind: 'network', code: 'ENOTFOUND' });
    await failing.close();
  });

  it.each([
    ['not a url', /invalid target URL/],
    ['ftp://example.com/file', /unsupported target URL scheme "ftp:"/],
  ])('blocks the URL %j', async (url, message) => {
    const result = await sender.send(request(url));
    expect(result).toMatchObject({ kind: 'blocked' });
    expect(result.kind === 'blocked' && result.message).toMatch(message);
  });
});

describe('createHttpSender: private-address guard', () => {
  const strictWith = (resolveHost?: (host: string) => Promise<{ address: string; family: number }[]>): Sender =>
    createHttpSender({ allowPrivateTargets: false, allowedCidrs: [], maxResponseBytes: CAP, resolveHost });

  it.each([
    ['127.0.0.1', (p: number) => `http://127.0.0.1:${p}/ok`, 'target address 127.0.0.1 is private (loopback)'],
    ['localhost', (p: number) => `http://localhost:${p}/ok`, /^target address (127\.0\.0\.1|::1) \(resolved from localhost\) is private \(loopback\)$/],
    ['[::1]', (p: number) => `http://[::1]:${p}/ok`, 'target address ::1 is private (loopback)'],
    ['[::ffff:127.0.0.1]', (p: number) => `http://[::ffff:127.0.0.1]:${p}/ok`, 'target address ::ffff:7f00:1 is private (loopback)'],
    ['0x7f.1', (p: number) => `http://0x7f.1:${p}/ok`, 'target address 127.0.0.1 is private (loopback)'],
  ])('refuses %s and sends nothing', async (_name, url, message) => {
    const strict = strictWith();
    const result = await strict.send(request(url(port)));
    await strict.close();
    expect(result).toMatchObject({ kind: 'blocked', message });
    expect(received).toHaveLength(0);
  });

  it('checks the address the connection resolves, for any name', async () => {
    const strict = strictWith(async () => [{ address: '127.0.0.1', family: 4 }]);
    const result = await strict.send(request(`http://rebind.example:${port}/ok`));
    expect(result).toMatchObject({ kind: 'blocked', message: 'target address 127.0.0.1 (resolved from rebind.example) is private (loopback)' });
    const mixed = strictWith(async () => [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.1', family: 4 }]);
    expect(await mixed.send(request('http://mixed.example/'))).toMatchObject({ kind: 'blocked', message: expect.stringContaining('10.0.0.1') });
    await Promise.all([strict.close(), mixed.close()]);
    expect(received).toHaveLength(0);
  });

  it('connects to the resolved address when it is exempt', async () => {
    const exempt = createHttpSender({
      allowPrivateTargets: false, allowedCidrs: ['127.0.0.0/8'], maxResponseBytes: CAP,
      resolveHost: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    expect(await exempt.send(request(`http://hooks.example:${port}/ok`))).toMatchObject({ kind: 'success', body: 'hello' });
    await exempt.close();
    expect(received).toHaveLength(1);
    expect(received[0].headers.host).toBe(`hooks.example:${port}`);
  });

  it('lets everything through when private targets are allowed', async () => {
    const open = createHttpSender({ allowPrivateTargets: true, allowedCidrs: [], maxResponseBytes: CAP });
    expect(await open.send(request(`http://localhost:${port}/ok`))).toMatchObject({ kind: 'success' });
    await open.close();
  });
});
