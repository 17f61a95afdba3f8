import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBenchDatabase, DEFAULT_POSTGRES_URL, type BenchDatabase, type DatabaseKind } from './database';
import { measureLimit } from './limit';
import { startReceiver } from './receiver-control';
import { startGraphilePeer, type PeerServer } from './peers/graphile';
import { formatPeerTable, formatTable, loadAverage, machineInfo, sourceInfo, writeReport, type BenchReport } from './report';
import { judge, SCENARIOS, type BenchContext, type PeerContext, type PeerScenario, type Scenario, type ScenarioName, type ScenarioResult } from './scenario';
import { backlog } from './scenarios/backlog';
import { backlogMillion } from './scenarios/backlog-million';
import { fanout } from './scenarios/fanout';
import { isolation } from './scenarios/isolation';
import { latency } from './scenarios/latency';
import { liveFeed } from './scenarios/live-feed';
import { manyHooks } from './scenarios/many-hooks';
import { ordered } from './scenarios/ordered';
import { payloads } from './scenarios/payloads';
import { start } from './scenarios/start';
import { subscribers5000 } from './scenarios/subscribers-5000';
import { throughput } from './scenarios/throughput';
import { workers } from './scenarios/workers';
import { buildServer, startServer, type BenchServer } from './server';
import { round } from './stats';

/** The scenarios a peer runs too (with `--peers`): the rate and latency ones, on PostgreSQL. */
const PEER_RUNNERS: Partial<Record<ScenarioName, PeerScenario>> = { throughput, fanout, latency };

/**
 * `npm run bench [-- --postgres] [--quick] [--only a,b] [--out dir] [--profile] [--sql-timing] [--peers] [--backlog-rows n]`
 *
 * Builds the server bundle (as `npm start` does, into .bench-dist/), starts the receiver process, measures the bare-loop limit, runs each scenario against its
 * own hookwire process and fresh database, prints the table and writes the JSON report.
 * Exits 1 if a scenario could not run (a missed target is a result, not a failure). With
 * `--peers`, the scenarios in PEER_RUNNERS then run again against graphile-worker doing the
 * same work (bench/peers/), and a second table sets the two side by side.
 */
const RUNNERS: Record<ScenarioName, Scenario> = {
  start,
  throughput,
  fanout,
  latency,
  'live-feed': liveFeed,
  isolation,
  backlog,
  ordered,
  'many-hooks': manyHooks,
  payloads,
  'subscribers-5000': subscribers5000,
  workers,
  'backlog-million': backlogMillion,
};

interface Options {
  database: DatabaseKind;
  postgresUrl: string;
  quick: boolean;
  only: ScenarioName[];
  out: string;
  profileDir?: string;
  sqlTimingDir?: string;
  peers: boolean;
  backlogRows?: number;
}

function parseOptions(args: string[]): Options {
  const value = (flag: string) => {
    const index = args.indexOf(flag);
    if (index < 0) return undefined;
    const next = args[index + 1];
    if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value`);
    return next;
  };
  const known = new Set(['--postgres', '--quick', '--only', '--out', '--profile', '--sql-timing', '--peers', '--backlog-rows']);
  for (const arg of args) if (arg.startsWith('--') && !known.has(arg)) throw new Error(`unknown option ${arg}`);
  const only = value('--only')?.split(',') ?? [...SCENARIOS];
  for (const name of only) if (!(SCENARIOS as readonly string[]).includes(name)) throw new Error(`no scenario "${name}" (${SCENARIOS.join(', ')})`);
  const out = value('--out') ?? fileURLToPath(new URL('./results', import.meta.url));
  const backlogRows = value('--backlog-rows');
  if (backlogRows !== undefined && !(Number.isInteger(Number(backlogRows)) && Number(backlogRows) >= 2)) throw new Error('--backlog-rows needs a whole number of at least 2');
  return {
    database: args.includes('--postgres') ? 'postgres' : 'sqlite',
    postgresUrl: process.env.DATABASE_URL || DEFAULT_POSTGRES_URL,
    quick: args.includes('--quick'),
    only: SCENARIOS.filter((name) => only.includes(name)),
    out,
    profileDir: args.includes('--profile') ? `${out}/profiles` : undefined,
    sqlTimingDir: args.includes('--sql-timing') ? `${out}/sql-timing` : undefined,
    peers: args.includes('--peers'),
    backlogRows: backlogRows === undefined ? undefined : Number(backlogRows),
  };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const machine = machineInfo();
  const began = performance.now();
  const log = (message: string) => console.log(message);
  log(`hookwire bench on ${options.database}${options.quick ? ' (quick)' : ''}: ${machine.cpus} CPUs, load ${machine.loadAverageStart.join(' / ')}`);

  // Built once, before anything is timed: every server of the run runs this same bundle.
  const source = sourceInfo();
  buildServer();
  const receiver = await startReceiver();
  const databases: BenchDatabase[] = [];
  let servers: BenchServer[] = [];
  const cleanUp = async () => {
    await Promise.allSettled(servers.map((server) => server.stop()));
    servers = [];
    await Promise.allSettled(databases.splice(0).map((database) => database.drop()));
    await receiver.stop();
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

  try {
    const limit = await measureLimit(receiver, {
      seconds: options.quick ? 0.5 : 3,
      maxRequests: options.quick ? 5_000 : 100_000,
      concurrencies: [1, 16, 64],
    });
    log(`limit: ${limit.perSecond}/s at concurrency ${limit.concurrency} (${limit.runs.map((run) => `${run.concurrency}: ${run.perSecond}/s`).join(', ')}), body ${limit.bodyBytes} B`);
    for (const run of limit.runs) {
      log(`  at ${run.concurrency}: CPU per POST ${run.clientCpuUsPerRequest} µs in the loop, ${run.receiverCpuUsPerRequest} µs in the receiver`);
    }

    const done = new Map<ScenarioName, ScenarioResult>();
    let serverCount = 0;
    const newDatabase = () => {
      const database = createBenchDatabase(options.database, options.postgresUrl);
      databases.push(database);
      return database;
    };
    const context: BenchContext = {
      quick: options.quick,
      database: options.database,
      receiver,
      limit,
      done,
      log,
      newDatabase,
      profileDir: options.profileDir,
      postgresUrl: options.database === 'postgres' ? options.postgresUrl : undefined,
      backlogRows: options.backlogRows,
      async startServer(name, env = {}, database = newDatabase()) {
        const label = `${name}-${++serverCount}`;
        const profile = options.profileDir ? { dir: options.profileDir, name: label } : undefined;
        const sqlTiming = options.sqlTimingDir ? sqlTimingEnv(options.sqlTimingDir, label) : {};
        const server = await startServer({ databaseUrl: database.url, env: { ...sqlTiming, ...env }, profile });
        servers.push(server);
        return server;
      },
    };
    for (const name of options.only) {
      log(`${name}…`);
      const scenarioStart = performance.now();
      let result: ScenarioResult;
      try {
        const { figures, details, notApplicable } = await RUNNERS[name](context);
        result = { name, seconds: 0, figures: figures.map(judge), details, notApplicable };
        if (notApplicable) log(`  not applicable: ${notApplicable}`);
      } catch (error) {
        const output = servers.map((server) => server.output().slice(-2_000)).join('\n');
        result = { name, seconds: 0, figures: [], details: { serverOutput: output }, error: (error as Error).stack ?? String(error) };
        log(`  failed: ${(error as Error).message}`);
      } finally {
        await Promise.allSettled(servers.map((server) => server.stop()));
        servers = [];
        // Dropped now, not at the end: a million-row schema left behind would have PostgreSQL
        // vacuuming it under the next scenario (and under the peer, which shares the server).
        await Promise.allSettled(databases.splice(0).map((database) => database.drop()));
        await receiver.reset();
      }
      result.seconds = round((performance.now() - scenarioStart) / 1000, 1);
      done.set(name, result);
    }

    const peers = options.peers ? { 'graphile-worker': await runPeer(context, options, databases) } : undefined;

    const report: BenchReport = {
      date: new Date().toISOString(),
      quick: options.quick,
      database: options.database,
      machine: { ...machine, loadAverageEnd: loadAverage() },
      source,
      limit,
      scenarios: Object.fromEntries(done),
      peers,
      seconds: round((performance.now() - began) / 1000, 1),
    };
    log('');
    log(formatTable(report));
    log('');
    if (peers) log(formatPeerTable(report));
    log(`written to ${writeReport(report, options.out)}`);
    if (options.sqlTimingDir) log(`SQLite statement timings in ${options.sqlTimingDir}`);
    if (options.profileDir) log(`CPU profiles in ${options.profileDir} (summarise with: npx tsx bench/profile-summary.ts <file>)`);
    const peerResults = Object.values(peers ?? {}).flatMap((results) => Object.values(results));
    return [...done.values(), ...peerResults].some((result) => result.error) ? 1 : 0;
  } finally {
    await cleanUp();
  }
}

/** Runs each peer scenario of the run's selection against the graphile-worker peer (always on PostgreSQL). */
async function runPeer(context: BenchContext, options: Options, databases: BenchDatabase[]): Promise<Record<string, ScenarioResult>> {
  const results: Record<string, ScenarioResult> = {};
  const newDatabase = () => {
    const database = createBenchDatabase('postgres', options.postgresUrl);
    databases.push(database);
    return database;
  };
  for (const name of options.only) {
    const scenario = PEER_RUNNERS[name];
    if (!scenario) continue;
    context.log(`graphile-worker: ${name}…`);
    const began = performance.now();
    let peer: PeerServer | undefined;
    const peerContext: PeerContext = { ...context, postgresUrl: options.postgresUrl, done: new Map(), startServer: async () => (peer = await startGraphilePeer(newDatabase)) };
    let result: ScenarioResult;
    try {
      const { figures, details } = await scenario(peerContext);
      result = { name, seconds: 0, figures: figures.map(judge), details };
    } catch (error) {
      result = { name, seconds: 0, figures: [], details: {}, error: (error as Error).stack ?? String(error) };
      context.log(`  failed: ${(error as Error).message}`);
    } finally {
      await peer?.stop();
      await Promise.allSettled(databases.splice(0).map((database) => database.drop()));
      await context.receiver.reset();
    }
    result.seconds = round((performance.now() - began) / 1000, 1);
    results[name] = result;
  }
  return results;
}

/** The environment that preloads sql-timing.cjs into a server, writing to `<dir>/<label>.json`. */
function sqlTimingEnv(dir: string, label: string): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  const preload = fileURLToPath(new URL('./sql-timing.cjs', import.meta.url));
  return {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim(),
    HOOKWIRE_BENCH_SQL_TIMING: join(dir, `${label}.json`),
  };
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
