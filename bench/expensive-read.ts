import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { startReceiver } from './receiver-control';
import { buildServer, startServer, type BenchServer } from './server';
import { round, sleep } from './stats';

/**
 * `npx tsx bench/expensive-read.ts [--dataset file] [--only a,b] [--timeout 60]`
 *
 * What one READ key's query costs the server: on a SQLite dataset of 100 hooks × 100 delivered
 * events (10,000 deliveries, one attempt each), each query below is sent once to a fresh
 * `HOOKWIRE_ROLE=api` process (heap capped at 1,500 MB, killed after `--timeout` seconds),
 * while `/healthz` is polled every 50 ms. Reported per query: the answer (status, bytes, error
 * code) or how the process ended, its CPU time and peak RSS over the request, and the slowest
 * `/healthz` answer meanwhile. The dataset is built once (through the API, delivered to a real
 * receiver) and kept at `--dataset`, so a second checkout (the code before a change) can be
 * measured on the very same rows.
 */

const HOOKS = 100;
const EVENTS = 100;

const aliases = (count: number) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: hooks(first: 100) { nodes { deliveries(first: 100) { nodes { attempts { id } } } } }`).join(' ')} }`;

const DELIVERY_FIELDS = 'id hookId eventId event status attemptCount nextAttemptAt lastError createdAt updatedAt';
const ATTEMPT_FIELDS = 'id number trigger startedAt durationMs succeeded responseStatus responseBody errorKind errorMessage';

/** The queries measured, by name; the `largest-*` ones come close to the cost limit from different sides. */
const QUERIES: Record<string, string> = {
  'alias-30': aliases(30),
  'alias-5': aliases(5),
  'alias-1': aliases(1),
  'nested-headers':
    '{ hooks(first: 100) { nodes { deliveries(first: 100) { nodes { attempts { request { headers { name value } } } } } } } }',
  // The largest read the SDK sends: a page of 100 deliveries with every field of every attempt.
  'hook-deliveries-full':
    '{ hooks(first: 1) { nodes { deliveries(first: 100) { nodes { id hookId eventId event status attemptCount nextAttemptAt lastError createdAt updatedAt ' +
    'attempts { id number trigger startedAt durationMs succeeded request { url headers { name value } body } responseStatus responseBody errorKind errorMessage } } } } } }',
  // As many deliveries as the limit allows, every scalar field.
  'largest-rows': `{ hooks(first: 24) { nodes { deliveries(first: 100) { nodes { ${DELIVERY_FIELDS} } } } } }`,
  // Every delivery and its attempts, the attempts' ids only.
  'largest-attempt-ids': '{ hooks(first: 15) { nodes { deliveries(first: 100) { nodes { id attempts { id } } } } } }',
  // 200 deliveries with every scalar of their attempts.
  'largest-attempts': `{ hooks(first: 2) { nodes { deliveries(first: 100) { nodes { ${DELIVERY_FIELDS} attempts { ${ATTEMPT_FIELDS} } } } } } }`,
  // 200 connections (each a page and a count statement) of one delivery each.
  'many-connections': `{ ${Array.from({ length: 2 }, (_, i) => `a${i}: hooks(first: 100) { nodes { deliveries(first: 1) { nodes { id } } } }`).join(' ')} }`,
  'console-page':
    '{ hooks(first: 40) { totalCount nodes { id name url events executionStats { requestCount successCount } deliveries(first: 100) { nodes { id event attemptCount lastError } } } pageInfo { endCursor hasNextPage } } }',
};

interface Options {
  dataset: string;
  only: string[];
  timeoutS: number;
}

const USAGE = `npx tsx bench/expensive-read.ts [--dataset file] [--only a,b] [--timeout 60]

  --dataset file  the SQLite dataset (built there first if missing; default ${join(tmpdir(), 'hookwire-expensive-read.db')})
  --only a,b      measure only these queries: ${Object.keys(QUERIES).join(', ')}
  --timeout s     kill the server when a query is not answered within s seconds (default 60)
  --help          print this and exit`;

function parseOptions(argv: string[]): Options {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  return {
    dataset: value('--dataset') ?? join(tmpdir(), 'hookwire-expensive-read.db'),
    only: value('--only')?.split(',') ?? Object.keys(QUERIES),
    timeoutS: Number(value('--timeout') ?? 60),
  };
}

/** 100 hooks, 100 events each delivered to every hook once, in a SQLite file at `file`. */
async function buildDataset(file: string): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'hookwire-expensive-read-'));
  const receiver = await startReceiver();
  const server = await startServer({ databaseUrl: join(folder, 'hookwire.db') });
  try {
    const admin = server.client();
    for (let i = 0; i < HOOKS; i++) {
      await admin.CreateHook({ input: { name: `hook ${i}`, url: `${receiver.origin}/h/${i}`, events: ['User.Created'] } });
    }
    await admin.EmitEvents({ inputs: Array.from({ length: EVENTS }, (_, i) => ({ event: 'User.Created', payload: { userId: `u_${i}` } })) });
    const arrived = await receiver.collect('/h/', HOOKS * EVENTS, 300_000);
    if (!arrived.complete) throw new Error(`only ${arrived.count} of ${HOOKS * EVENTS} deliveries arrived`);
    // An attempt is recorded just after its answer arrives: wait until every delivery says so.
    const { hooks } = await admin.Hooks({ first: HOOKS });
    for (const { id } of hooks.nodes) {
      while ((await admin.HookDeliveries({ id, first: 1, status: 'SUCCEEDED' })).hook.deliveries.totalCount < EVENTS) await sleep(100);
    }
  } finally {
    await server.stop();
    await receiver.stop();
  }
  copyFileSync(join(folder, 'hookwire.db'), file);
  rmSync(folder, { recursive: true, force: true });
}

interface Measurement {
  query: string;
  outcome: string;
  cpuMs: number;
  peakRssMiB: number;
  baselineRssMiB: number;
  slowestHealthzMs: number;
  wallMs: number;
}

async function createReadKey(server: BenchServer): Promise<string> {
  const { createApiKey } = await server.client().CreateApiKey({ input: { name: 'reader', scopes: ['READ'] } });
  return createApiKey.key;
}

async function measure(name: string, query: string, dataset: string, timeoutS: number): Promise<Measurement> {
  const folder = mkdtempSync(join(tmpdir(), 'hookwire-expensive-read-'));
  const databaseUrl = join(folder, 'hookwire.db');
  copyFileSync(dataset, databaseUrl);
  const server = await startServer({
    databaseUrl,
    env: { HOOKWIRE_ROLE: 'api', NODE_OPTIONS: '--max-old-space-size=1500' },
  });
  const exited = new Promise<string>((resolve) =>
    server.process.once('exit', (code, signal) => resolve(`process died (${signal ?? `exit ${code}`})`)),
  );
  try {
    const key = await createReadKey(server);
    await sleep(500);
    const baselineRssMiB = server.rssMiB();
    let peakRssMiB = baselineRssMiB;
    let slowestHealthzMs = 0;
    let running = true;
    const sampler = (async () => {
      while (running) {
        peakRssMiB = Math.max(peakRssMiB, server.rssMiB() || 0);
        await sleep(20);
      }
    })();
    const prober = (async () => {
      while (running) {
        const started = performance.now();
        try {
          const response = await request(`${server.url}/healthz`, { headersTimeout: timeoutS * 1000, bodyTimeout: timeoutS * 1000 });
          await response.body.dump();
        } catch {
          // the process died or was killed; the outcome says which
        }
        if (running) slowestHealthzMs = Math.max(slowestHealthzMs, performance.now() - started);
        await sleep(50);
      }
    })();
    const cpuStart = server.cpuMs();
    const started = performance.now();
    let lastCpu = cpuStart;
    const cpuWatch = setInterval(() => {
      const now = server.cpuMs();
      if (!Number.isNaN(now)) lastCpu = now;
    }, 100);
    const answer = (async () => {
      const response = await request(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query }),
        headersTimeout: timeoutS * 1000,
        bodyTimeout: timeoutS * 1000,
      });
      const text = await response.body.text();
      const code = /"code":"([A-Z_]+)"/.exec(text)?.[1];
      return `HTTP ${response.statusCode}, ${text.length} bytes${code ? `, ${code}` : ''}`;
    })().catch((error: Error) => `request failed: ${error.message}`);
    const timedOut = sleep(timeoutS * 1000).then(() => `not answered within ${timeoutS} s (killed)`);
    const outcome = await Promise.race([answer, exited, timedOut]);
    const wallMs = performance.now() - started;
    clearInterval(cpuWatch);
    const cpuEnd = server.cpuMs();
    running = false;
    await Promise.all([sampler, prober]);
    return {
      query: name,
      outcome,
      cpuMs: (Number.isNaN(cpuEnd) ? lastCpu : cpuEnd) - cpuStart,
      peakRssMiB: round(peakRssMiB, 0),
      baselineRssMiB: round(baselineRssMiB, 0),
      slowestHealthzMs: round(slowestHealthzMs, 1),
      wallMs: round(wallMs, 0),
    };
  } finally {
    if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  buildServer();
  if (!existsSync(options.dataset)) {
    console.log(`building the dataset (${HOOKS} hooks × ${EVENTS} events) at ${options.dataset}`);
    await buildDataset(options.dataset);
  }
  const results: Measurement[] = [];
  for (const name of options.only) {
    const query = QUERIES[name];
    if (!query) throw new Error(`unknown query ${name}; known: ${Object.keys(QUERIES).join(', ')}`);
    const result = await measure(name, query, options.dataset, options.timeoutS);
    console.log(JSON.stringify(result));
    results.push(result);
  }
  console.table(results);
}

await main();
