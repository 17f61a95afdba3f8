import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got, with the raw body exactly as it arrived. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  receivedAt: number;
}

/** How the receiver answers one request: a status, optional headers and body, or a hang. */
export type Reply = { status: number; headers?: Record<string, string>; body?: string } | 'hang';

/** A real HTTP endpoint on 127.0.0.1 that records every request. */
export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** Sets how the next requests are answered (default 200 "ok"). */
  reply(handler: (request: ReceivedRequest, index: number) => Reply): void;
  /** Resolves once `count` requests have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/** Starts a receiver on port 0. */
export async function startReceiver(): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const waiters: Array<() => void> = [];
  const hanging = new Set<ServerResponse>();
  let handler: (request: ReceivedRequest, index: number) => Reply = () => ({ status: 200, body: 'ok' });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt: Date.now(),
      };
      requests.push(received);
      for (const wake of waiters.splice(0)) wake();
      const reply = handler(received, requests.length - 1);
      if (reply === 'hang') {
        hanging.add(res);
        return;
      }
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    reply(next) {
      handler = next;
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`receiver got ${requests.length} requests, expected ${count}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return requests.slice(0, count);
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Receivers started on demand by a test file, closed together at the end. */
export interface ReceiverPool {
  start(): Promise<Receiver>;
  closeAll(): Promise<void>;
}

/** A pool of receivers: `start()` in tests, `closeAll()` in `afterAll`. */
export function receiverPool(): ReceiverPool {
  const started: Receiver[] = [];
  return {
    async start() {
      const created = await startReceiver();
      started.push(created);
      return created;
    },
    async closeAll() {
      await Promise.all(started.splice(0).map((created) => created.close()));
    },
  };
}
