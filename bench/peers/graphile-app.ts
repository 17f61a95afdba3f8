import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger, run, type Runner, type Task } from 'graphile-worker';
import pg from 'pg';
import { Pool } from 'undici';

/**
 * The peer: what a Node team would build instead of hookwire with graphile-worker, run as its
 * own process beside the bench (as hookwire is) so its CPU can be read alike. It does
 * hookwire's work and no more:
 *
 * - `POST /emit {event, payload}` and `POST /emits {inputs}` store each event and one durable
 *   job per subscribed hook in one statement (graphile's `add_jobs`, the way its docs add jobs
 *   atomically with application data), and answer the event ids;
 * - a `deliver` task sends each job as one Standard-Webhooks-signed POST (hookwire's body and
 *   signature headers) over undici keep-alive, and records the outcome as one row;
 * - a non-2xx answer or a network error throws, and graphile retries the job with its backoff.
 *
 * Worker settings are those of graphile-worker's performance page and its 0.17 release notes:
 * 32 concurrent jobs, a local queue of 33, batched completion and failure (`…BatchDelay: 0`),
 * node time, and one pg pool of 32 connections shared by emits and jobs. Hooks are read once
 * per `POST /hooks` and kept in memory (the peer never changes them mid-run).
 *
 * argv: `<postgres url> <app schema> <graphile schema>`; says `{ port }` over IPC once it listens.
 */

const [connectionString, appSchema, workerSchema] = process.argv.slice(2);
const CONCURRENCY = 32;
const SECRET = Buffer.from('benchmark-signing-key-32-bytes!!');

interface Hook {
  id: string;
  url: string;
  events: string[];
}

// Warnings and errors only: graphile-worker logs every job at info, which would cost the peer CPU.
const logger = new Logger(() => (level, message) => {
  if (level === 'error' || level === 'warning') console.error(`graphile-worker ${level}: ${message}`);
});

const pool = new pg.Pool({ connectionString, max: CONCURRENCY, options: `-c search_path=${appSchema}` });
const hooks = new Map<string, Hook>();
const origins = new Map<string, Pool>();

async function createTables(): Promise<void> {
  await pool.query(`create schema if not exists "${appSchema}"`);
  await pool.query(`create table if not exists hooks (id text primary key, url text not null, events text[] not null)`);
  await pool.query(`create table if not exists events (id text primary key, type text not null, payload jsonb not null, created_at timestamptz not null default now())`);
  await pool.query(`create table if not exists attempts (
    id bigserial primary key, event_id text not null, hook_id text not null, job_id bigint not null,
    status int, error text, duration_ms real not null, created_at timestamptz not null default now())`);
}

// One statement: the events, and a job per (event, subscribed hook), committed together.
const EMIT_SQL = (schema: string) => `
  with input as (select * from unnest($1::text[], $2::text[], $3::jsonb[]) as i(id, type, payload)),
  stored as (insert into events (id, type, payload) select id, type, payload from input returning id, type, payload, created_at)
  select count(*) from "${schema}".add_jobs(array(
    select row('deliver', json_build_object('eventId', s.id, 'hookId', h.id, 'event', s.type, 'createdAt', s.created_at, 'data', s.payload),
               null, null, 25, null, null, null)::"${schema}".job_spec
    from stored s join hooks h on s.type = any(h.events)))`;

async function emit(inputs: { event: string; payload: unknown }[]): Promise<string[]> {
  const ids = inputs.map(() => `evt_${randomUUID()}`);
  await pool.query(EMIT_SQL(workerSchema), [ids, inputs.map((input) => input.event), inputs.map((input) => JSON.stringify(input.payload))]);
  return ids;
}

interface DeliverPayload {
  eventId: string;
  hookId: string;
  event: string;
  createdAt: string;
  data: Record<string, unknown>;
}

function originOf(url: URL): Pool {
  let origin = origins.get(url.origin);
  if (!origin) origins.set(url.origin, (origin = new Pool(url.origin, { connections: CONCURRENCY, pipelining: 1 })));
  return origin;
}

const deliver: Task = async (raw, helpers) => {
  const job = raw as DeliverPayload;
  const hook = hooks.get(job.hookId);
  if (!hook) return;
  // hookwire's body: the envelope fields, then the event's own payload.
  const body = JSON.stringify({ hookId: hook.id, event: job.event, createdAt: job.createdAt, ...job.data });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const url = new URL(hook.url);
  const started = performance.now();
  let status: number | null = null;
  let error: string | null = null;
  try {
    const response = await originOf(url).request({
      method: 'POST',
      path: url.pathname + url.search,
      body,
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'graphile-peer/1.0',
        'logto-signature-sha-256': createHmac('sha256', SECRET).update(body).digest('hex'),
        'webhook-id': job.eventId,
        'webhook-timestamp': timestamp,
        'webhook-signature': `v1,${createHmac('sha256', SECRET).update(`${job.eventId}.${timestamp}.${body}`).digest('base64')}`,
      },
    });
    status = response.statusCode;
    await response.body.dump();
  } catch (thrown) {
    error = (thrown as Error).message;
  }
  await helpers.query('insert into attempts (event_id, hook_id, job_id, status, error, duration_ms) values ($1, $2, $3, $4, $5, $6)', [
    job.eventId,
    hook.id,
    helpers.job.id,
    status,
    error,
    performance.now() - started,
  ]);
  if (error !== null || status === null || status < 200 || status >= 300) throw new Error(error ?? `endpoint answered ${status}`);
};

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req);
  const send = (value: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  if (req.url === '/emit') return send({ id: (await emit([body as { event: string; payload: unknown }]))[0] });
  if (req.url === '/emits') return send({ ids: await emit(body.inputs as { event: string; payload: unknown }[]) });
  if (req.url === '/hooks') {
    const hook = { id: `hook_${randomUUID()}`, url: String(body.url), events: body.events as string[] };
    await pool.query('insert into hooks (id, url, events) values ($1, $2, $3)', [hook.id, hook.url, hook.events]);
    hooks.set(hook.id, hook);
    return send(hook);
  }
  if (req.url === '/hooks/url') {
    const hook = hooks.get(String(body.id));
    if (hook) hook.url = String(body.url);
    await pool.query('update hooks set url = $2 where id = $1', [body.id, body.url]);
    return send(hook ?? null);
  }
  res.writeHead(404);
  res.end();
}

async function main(): Promise<void> {
  await createTables();
  const runner: Runner = await run({
    pgPool: pool,
    schema: workerSchema,
    concurrency: CONCURRENCY,
    noHandleSignals: true,
    pollInterval: 1_000,
    useNodeTime: true,
    taskList: { deliver },
    logger,
    preset: {
      worker: {
        localQueue: { size: CONCURRENCY + 1 },
        completeJobBatchDelay: 0,
        failJobBatchDelay: 0,
      },
    },
  });
  const server = createServer((req, res) => {
    route(req, res).catch((error: Error) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(error.message);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.send?.({ port: (server.address() as AddressInfo).port });
  process.once('disconnect', () => {
    server.close();
    void runner
      .stop()
      .then(() => pool.end())
      .finally(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
