import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { DATABASE_KINDS } from '../support/databases';
import { liveFeed } from '../support/feed';
import { postRaw } from '../support/raw';
import { receiverPool } from '../support/receiver';
import { ADMIN_KEY, startTestServer, type TestServer } from '../support/server';
import { eventually, expectCode } from '../support/wait';

/** The value of the first sample of `name` whose labels include `labels`, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

async function get(baseUrl: string, path: string): Promise<{ status: number; text: string; contentType: string }> {
  const response = await fetch(new URL(path, baseUrl));
  return { status: response.status, text: await response.text(), contentType: response.headers.get('content-type') ?? '' };
}

describe.each(DATABASE_KINDS)('metrics on %s', (kind) => {
  let server: TestServer;
  const receivers = receiverPool();
  const receiver = receivers.start;
  const scrape = async () => (await get(server.app.url, '/metrics')).text;
  const statuses = async (hookId: string) =>
    (await server.deliveriesOf(hookId)).map((node) => node.status);

  beforeAll(async () => {
    server = await startTestServer(kind, {
      HOOKWIRE_RETRY_SCHEDULE: '50ms',
      HOOKWIRE_REQUEST_TIMEOUT: '20s',
      HOOKWIRE_LEASE: '30s',
      // One request at a time per hook, so a hung endpoint leaves its other deliveries due.
      HOOKWIRE_HOOK_CONCURRENCY: '1',
    });
  });
  afterAll(async () => {
    await receivers.closeAll();
    await server?.close();
  });

  it('serves Prometheus text with the process metrics', async () => {
    const response = await get(server.app.url, '/metrics');
    expect(response.status).toBe(200);
    expect(response.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(response.text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(response.text).toContain('# TYPE hookwire_delivery_attempt_duration_seconds histogram');
    expect(response.text).toContain('# TYPE hookwire_delivery_attempts_total counter');
  });

  it('counts attempts by outcome and the status they led to, and times them', async () => {
    const ok = await receiver();
    const failing = await receiver();
    failing.reply(() => ({ status: 500 }));
    const okHook = await server.createHook(ok.url, ['User.Created']);
    const failingHook = await server.createHook(failing.url, ['Role.Created']);
    await server.emit('User.Created');
    await server.emit('User.Created');
    await server.emit('Role.Created');
    await eventually(async () => (await statuses(okHook.id)).join() === 'SUCCEEDED,SUCCEEDED');
    // Two attempts: the first fails and is retried 50 ms later, the second is the last.
    await eventually(async () => (await statuses(failingHook.id)).join() === 'FAILED');

    const text = await eventually(async () => {
      const current = await scrape();
      return sample(current, 'hookwire_delivery_attempts_total', { outcome: 'http', status: 'FAILED' }) === 1 ? current : undefined;
    });
    expect(sample(text, 'hookwire_delivery_attempts_total', { outcome: 'success', status: 'SUCCEEDED' })).toBe(2);
    expect(sample(text, 'hookwire_delivery_attempts_total', { outcome: 'http', status: 'RETRYING' })).toBe(1);
    expect(sample(text, 'hookwire_delivery_attempt_duration_seconds_count', { outcome: 'success' })).toBe(2);
    expect(sample(text, 'hookwire_delivery_attempt_duration_seconds_count', { outcome: 'http' })).toBe(2);
    expect(sample(text, 'hookwire_delivery_attempt_duration_seconds_bucket', { outcome: 'success', le: '+Inf' })).toBe(2);
    // Loopback answers in well under 5 seconds.
    expect(sample(text, 'hookwire_delivery_attempt_duration_seconds_bucket', { outcome: 'success', le: '5' })).toBe(2);
    const seconds = sample(text, 'hookwire_delivery_attempt_duration_seconds_sum', { outcome: 'success' }) as number;
    expect(seconds).toBeGreaterThanOrEqual(0);
    expect(seconds).toBeLessThan(10);
    // Everything sent and final: the queue is empty.
    expect(sample(text, 'hookwire_queue_open_deliveries')).toBe(0);
    expect(sample(text, 'hookwire_queue_due_deliveries')).toBe(0);
    expect(sample(text, 'hookwire_queue_oldest_due_age_seconds')).toBe(0);
  });

  it('reports the queue depth and how long the oldest due delivery has waited', async () => {
    const hanging = await receiver();
    hanging.reply(() => 'hang');
    await server.createHook(hanging.url, ['Organization.Created']);
    await server.emit('Organization.Created');
    await hanging.waitFor(1);
    // The hook's one slot is taken: these two stay due and unclaimed.
    await server.emit('Organization.Created');
    await server.emit('Organization.Created');
    // What is measured here is waiting itself, so the test waits, but for a positive fact: the
    // gauge showing the oldest due delivery a quarter second old. The same scrape must still
    // count both as due: a claim that took them (at once, by handoff or the next poll) would not.
    const text = await eventually(async () => {
      const scraped = await scrape();
      return (sample(scraped, 'hookwire_queue_oldest_due_age_seconds') ?? 0) >= 0.25 ? scraped : undefined;
    });
    expect(sample(text, 'hookwire_queue_open_deliveries')).toBe(3);
    expect(sample(text, 'hookwire_queue_due_deliveries')).toBe(2);
    const age = sample(text, 'hookwire_queue_oldest_due_age_seconds') as number;
    expect(age).toBeGreaterThanOrEqual(0.25);
    expect(age).toBeLessThan(30);
  });

  it('counts live subscriptions, including those whose socket drops', async () => {
    const gauge = async () => sample(await scrape(), 'hookwire_graphql_subscriptions');
    expect(await gauge()).toBe(0);
    const probe = () => server.admin.EmitEvent({ input: { event: 'PostSignIn', payload: {} } });
    const isProbe = (value: { events: { event: string } }) => value.events.event === 'PostSignIn';
    const first = liveFeed(server.admin.OnEvent({}));
    await first.prime(probe, isProbe);
    const other = server.client(ADMIN_KEY);
    const second = liveFeed(other.OnEvent({}));
    await second.prime(probe, isProbe);
    expect(await gauge()).toBe(2);
    await first.close();
    await eventually(async () => (await gauge()) === 1);
    // Drop the second client's socket under its subscription.
    await other.ws.dispose();
    await eventually(async () => (await gauge()) === 0);
  });

  it('counts GraphQL operations and errors by type, name and code', async () => {
    await server.createHook('http://127.0.0.1:9/hook', ['Organization.Deleted']);
    await expectCode(server.client().Hooks({}), 'UNAUTHENTICATED');
    await postRaw(server.app.url, { query: '{ hooks {' }, { apiKey: ADMIN_KEY });
    const text = await scrape();
    expect(sample(text, 'hookwire_graphql_operations_total', { type: 'mutation', name: 'CreateHook' })).toBeGreaterThanOrEqual(4);
    expect(sample(text, 'hookwire_graphql_operations_total', { type: 'query', name: 'Hooks' })).toBe(1);
    expect(sample(text, 'hookwire_graphql_errors_total', { type: 'query', name: 'Hooks', code: 'UNAUTHENTICATED' })).toBe(1);
    expect(sample(text, 'hookwire_graphql_errors_total', { type: 'unknown', name: 'anonymous', code: 'GRAPHQL_PARSE_FAILED' })).toBe(1);
    expect(sample(text, 'hookwire_graphql_errors_total', { type: 'mutation', name: 'CreateHook' })).toBeUndefined();
  });
});

describe.each(DATABASE_KINDS)('probes on %s', (kind) => {
  it('/readyz answers 200 while the database answers and 503 once it is gone; /healthz stays 200', async () => {
    const server = await startTestServer(kind);
    try {
      // Ready once every part has come up (the worker loop has turned, listeners are connected).
      await eventually(async () => (await get(server.app.url, '/readyz')).status === 200);
      await server.app.orm.close(true);
      const started = Date.now();
      const ready = await get(server.app.url, '/readyz');
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.text)).toEqual({ status: 'not ready' });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect((await get(server.app.url, '/healthz')).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('serves the probes and /metrics on a worker-only process, without GraphQL', async () => {
    const server = await startTestServer(kind, { HOOKWIRE_ROLE: 'worker' });
    try {
      await eventually(async () => (await get(server.app.url, '/readyz')).status === 200);
      const metrics = await get(server.app.url, '/metrics');
      expect(metrics.status).toBe(200);
      expect(sample(metrics.text, 'hookwire_queue_open_deliveries')).toBe(0);
      expect((await fetch(new URL('/graphql', server.app.url), { method: 'POST' })).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('request logs', () => {
  const lines: string[] = [];
  let server: TestServer;
  const post = async (body: object, headers: Record<string, string>) => {
    const response = await fetch(new URL('/graphql', server.app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { requestId: response.headers.get('x-request-id'), json: (await response.json()) as { data?: Record<string, never> } };
  };
  beforeAll(async () => {
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    server = await startTestServer('sqlite', {}, { logger });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('logs one line per request with its id, operation, duration and error codes, and never a secret', async () => {
    const created = await post(
      {
        query: 'mutation CreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }',
        operationName: 'CreateApiKey',
        variables: { input: { name: 'billing', scopes: ['EMIT'] } },
      },
      { authorization: `Bearer ${ADMIN_KEY}`, 'x-request-id': 'req-observability-1' },
    );
    expect(created.requestId).toBe('req-observability-1');
    const apiKey = (created.json.data as unknown as { createApiKey: { key: string } }).createApiKey.key;
    expect(apiKey).toMatch(/^hwk_/);
    const { createHook } = await server.admin.CreateHook({ input: { name: 'logs', url: 'https://example.com/hook', events: ['User.*'] } });
    expect(createHook.signingKey).toMatch(/^whsec_/);
    const rejected = await post({ query: '{ hooks { totalCount } }' }, { authorization: 'Bearer hwk_not-a-real-key', 'x-request-id': 'bad id with spaces' });
    expect(rejected.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // Secrets under known names, and in free text, are redacted too.
    server.app.logger.warn({ headers: { authorization: `Bearer ${apiKey}` }, signingKey: createHook.signingKey, detail: `key ${apiKey}` }, `saw ${createHook.signingKey}`);

    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requestLines = records.filter((record) => record.msg === 'graphql request');
    const first = requestLines.filter((record) => record.requestId === 'req-observability-1');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ level: 30, operationType: 'mutation', operationName: 'CreateApiKey', errorCodes: [] });
    expect(first[0].durationMs).toBeTypeOf('number');
    expect(requestLines.find((record) => record.requestId === rejected.requestId)).toMatchObject({ operationType: 'query', errorCodes: ['UNAUTHENTICATED'] });
    expect(requestLines.some((record) => record.operationName === 'CreateHook')).toBe(true);

    const output = lines.join('');
    for (const secret of [ADMIN_KEY, apiKey, createHook.signingKey, 'hwk_not-a-real-key']) expect(output).not.toContain(secret);
    expect(records.find((record) => String(record.msg).startsWith('saw '))).toMatchObject({ headers: { authorization: '[redacted]' }, signingKey: '[redacted]', detail: 'key hwk_[redacted]', msg: 'saw whsec_[redacted]' });
  });
});
