import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The bench's webhook receiver, run as its own process (`fork`ed by receiver-control.ts) so
 * that it takes no CPU from the bench's clients' event loop. It answers on 127.0.0.1:
 *
 * - `/hang/…`  never answers (the sender's timeout ends the request): a hanging endpoint;
 * - `/down/…`  503 at once: an endpoint that is down;
 * - any other path: 204 at once.
 *
 * Per path it counts requests and body bytes and keeps each arrival's time (wall clock, sub-ms)
 * with its `webhook-id`. The parent reads them over `/_control/…` on the same port.
 */

interface PathStats {
  count: number;
  bytes: number;
  first: number;
  last: number;
  ids: string[];
  times: number[];
}

const paths = new Map<string, PathStats>();
const hanging = new Set<ServerResponse>();

function wallNow(): number {
  return performance.timeOrigin + performance.now();
}

function record(path: string, bytes: number, id: string | undefined): void {
  const at = wallNow();
  let stats = paths.get(path);
  if (!stats) {
    stats = { count: 0, bytes: 0, first: at, last: at, ids: [], times: [] };
    paths.set(path, stats);
  }
  stats.count++;
  stats.bytes += bytes;
  stats.last = at;
  stats.ids.push(id ?? '');
  stats.times.push(at);
}

function answer(path: string, res: ServerResponse): void {
  if (path.startsWith('/hang/')) {
    hanging.add(res);
    res.on('close', () => hanging.delete(res));
    return;
  }
  res.writeHead(path.startsWith('/down/') ? 503 : 204);
  res.end();
}

function control(req: IncomingMessage, res: ServerResponse, url: URL): void {
  const send = (value: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  if (url.pathname === '/_control/stats') {
    const summary: Record<string, Omit<PathStats, 'ids' | 'times'>> = {};
    for (const [path, { count, bytes, first, last }] of paths) summary[path] = { count, bytes, first, last };
    return send(summary);
  }
  if (url.pathname === '/_control/arrivals') {
    const stats = paths.get(url.searchParams.get('path') ?? '');
    return send({ ids: stats?.ids ?? [], times: stats?.times ?? [] });
  }
  if (url.pathname === '/_control/reset' && req.method === 'POST') {
    paths.clear();
    for (const res of hanging) res.destroy();
    hanging.clear();
    return send({ ok: true });
  }
  res.writeHead(404);
  res.end();
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://receiver');
  if (url.pathname.startsWith('/_control/')) return control(req, res, url);
  let bytes = 0;
  req.on('data', (chunk: Buffer) => (bytes += chunk.length));
  req.on('end', () => {
    const id = req.headers['webhook-id'];
    record(url.pathname, bytes, typeof id === 'string' ? id : undefined);
    answer(url.pathname, res);
  });
});
// Keep connections open across pauses between phases, as a real endpoint behind a keep-alive proxy would.
server.keepAliveTimeout = 120_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
