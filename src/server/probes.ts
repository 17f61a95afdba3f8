import { randomUUID } from 'node:crypto';
import type { Express, RequestHandler } from 'express';
import type { Metrics } from '../observability/metrics';
import type { Probes } from './http';

// A database that hangs must make /readyz answer 503 promptly, not hang the orchestrator's probe.
const READY_TIMEOUT_MS = 2_000;

/**
 * Serves `/healthz` (200 while the process answers at all: liveness), `/readyz` (200 only
 * when `probes.ready()` resolves true within 2 s, 503 otherwise) and `/metrics`
 * (Prometheus text), for every role.
 */
export function mountProbes(app: Express, probes: Probes, metrics: Metrics): void {
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    const ready = await withTimeout(probes.ready(), READY_TIMEOUT_MS).catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
  });
  app.get('/metrics', async (_req, res) => {
    const text = await metrics.render();
    res.type(metrics.contentType).send(text);
  });
}

// Ids come from clients and end up in every log line of the request: keep them short and plain.
const REQUEST_ID = /^[\w.:@-]{1,128}$/;

/** The id of a request (HTTP or WebSocket) whose `x-request-id` header is `given`: it when a plain token, else a new UUID. */
export function requestIdOf(given: string | string[] | undefined): string {
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Gives each request an id ({@link requestIdOf}). The id is written back to the request header
 * (where the GraphQL context reads it) and echoed as the `x-request-id` response header, so a
 * client can quote it.
 */
export const assignRequestId: RequestHandler = (req, res, next) => {
  const id = requestIdOf(req.headers['x-request-id']);
  req.headers['x-request-id'] = id;
  res.setHeader('x-request-id', id);
  next();
};

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | false> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
