/**
 * Measures what subscribers that never read cost a hookwire process: starts `dist/main.js`
 * (from the folder given as the first argument, default this checkout; run `npm run build`
 * first) on a fresh SQLite file, opens 20 (or `subscribers`) graphql-ws subscriptions that
 * stop reading their TCP socket, emits 200 (or `events`) events of 200 KiB, and reports the
 * process's RSS before, at the peak, once the server has no live subscription left (or 60 s
 * have passed), and 30 s after that.
 *
 *   npx tsx bench/slow-subscribers.ts [root] [events] [subscribers]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { request } from 'undici';
import WebSocket from 'ws';

const SUBSCRIBERS = Number(process.argv[4] ?? 20);
const EVENTS = Number(process.argv[3] ?? 200);
const PAYLOAD = 'z'.repeat(200 * 1024);
const KEY = 'bench-admin-key-0123456789abcdef';

const root = resolve(process.argv[2] ?? '.');
const dir = mkdtempSync(join(tmpdir(), 'hookwire-slow-'));
const child = spawn(process.execPath, [join(root, 'dist/main.js')], {
  cwd: root,
  env: {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DATABASE_URL: join(dir, 'db.sqlite'),
    HOOKWIRE_ADMIN_KEY: KEY,
    NODE_ENV: 'production',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string>((found) => {
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4096);
    const match = /"port":(\d+).*"msg":"hookwire started"/.exec(output);
    if (match) found(`http://127.0.0.1:${match[1]}`);
  });
});

async function graphql(query: string, variables: object): Promise<void> {
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  await response.body.text();
}

/** A metric's value from `/metrics`. */
async function metric(name: string): Promise<number> {
  const text = await (await request(`${url}/metrics`)).body.text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return Number(line?.split(' ')[1] ?? 0);
}

const mib = async (name: string) => Math.round((await metric(name)) / 2 ** 20);

const emit = (payload: object) =>
  graphql('mutation ($input: EmitEventInput!) { emitEvent(input: $input) { id } }', { input: { event: 'User.Created', payload } });

/** A subscriber that reads until its subscription is live, then never again. */
async function stalledSubscriber(): Promise<void> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  socket.on('error', () => {});
  await new Promise((opened) => socket.once('open', opened));
  let live: () => void = () => {};
  const isLive = new Promise<void>((done) => (live = done));
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { type: string };
    if (message.type === 'connection_ack') {
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { events { id payload } }' } }));
    }
    if (message.type === 'next') live();
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${KEY}` } }));
  const probing = setInterval(() => void emit({ probe: true }), 100);
  await isLive;
  clearInterval(probing);
  (socket as unknown as { _socket: Socket })._socket.pause();
}

await emit({ warmup: true });
const before = await mib('process_resident_memory_bytes');
for (let i = 0; i < SUBSCRIBERS; i++) await stalledSubscriber();
let peak = await mib('process_resident_memory_bytes');
for (let i = 0; i < EVENTS; i++) {
  await emit({ n: i, blob: PAYLOAD });
  if (i % 20 === 19) peak = Math.max(peak, await mib('process_resident_memory_bytes'));
}
peak = Math.max(peak, await mib('process_resident_memory_bytes'));
// A stalled client never reads the close frame, so the server's view says when they are gone.
const started = Date.now();
while ((await metric('hookwire_graphql_subscriptions')) > 0 && Date.now() - started < 60_000) {
  await new Promise((done) => setTimeout(done, 500));
}
const closedAfterSeconds = Math.round((Date.now() - started) / 1000);
const slowCloses = await metric('hookwire_websocket_slow_closes_total');
const after = await mib('process_resident_memory_bytes');
// V8's memory reducer runs full collections once a process has been idle for a while.
await new Promise((done) => setTimeout(done, 30_000));
const settled = await mib('process_resident_memory_bytes');
console.log(
  JSON.stringify({
    root,
    subscribers: SUBSCRIBERS,
    events: EVENTS,
    payloadKiB: 200,
    rssMiB: { before, peak, afterClose: after, idle30s: settled },
    heapUsedMiB: await mib('nodejs_heap_size_used_bytes'),
    externalMiB: await mib('nodejs_external_memory_bytes'),
    closedAfterSeconds,
    slowCloses,
  }),
);
child.kill('SIGTERM');
rmSync(dir, { recursive: true, force: true });
process.exit(0);
