import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { Metrics } from '../../src/observability/metrics';
import type { QueueSnapshot } from '../../src/queue/stats';
import { mountProbes } from '../../src/server/probes';

const NOW = new Date('2026-01-01T00:00:00.000Z');
const clock = { now: () => NOW };
const silent = { warn: () => {} };

/** Serves the probe routes on port 0 with the given readiness check and queue. */
async function serve(ready: () => Promise<boolean>, snapshot: () => Promise<QueueSnapshot>): Promise<{ server: Server; url: string; metrics: Metrics }> {
  const app = express();
  const metrics = new Metrics({ queue: { snapshot }, clock, logger: silent });
  mountProbes(app, { ready }, metrics);
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, metrics };
}

describe('probe routes', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('answers /readyz 503 within the deadline when the check hangs, and /healthz 200', async () => {
    const served = await serve(() => new Promise<boolean>(() => {}), async () => ({ due: 0, open: 0, oldestDueAt: null }));
    server = served.server;
    const started = Date.now();
    const ready = await fetch(`${served.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((await fetch(`${served.url}/healthz`)).status).toBe(200);
  });

  it('reads the queue once per scrape for all three gauges', async () => {
    let reads = 0;
    const served = await serve(
      async () => true,
      async () => {
        reads++;
        return { due: 4, open: 9, oldestDueAt: new Date(NOW.getTime() - 90_000) };
      },
    );
    server = served.server;
    const text = await (await fetch(`${served.url}/metrics`)).text();
    expect(text).toContain('hookwire_queue_due_deliveries 4');
    expect(text).toContain('hookwire_queue_open_deliveries 9');
    expect(text).toContain('hookwire_queue_oldest_due_age_seconds 90');
    expect(reads).toBe(1);
  });

  it('keeps the operation-name label bounded', async () => {
    const served = await serve(async () => true, async () => ({ due: 0, open: 0, oldestDueAt: null }));
    server = served.server;
    for (let i = 0; i < 250; i++) served.metrics.recordOperation('query', `Op${i}`);
    served.metrics.recordOperation('query', null);
    const text = await served.metrics.render();
    expect(text).toContain('hookwire_graphql_operations_total{type="query",name="Op199"} 1');
    expect(text).not.toContain('name="Op200"');
    expect(text).toContain('hookwire_graphql_operations_total{type="query",name="other"} 50');
    expect(text).toContain('hookwire_graphql_operations_total{type="query",name="anonymous"} 1');
  });
});
