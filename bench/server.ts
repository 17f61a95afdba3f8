import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, fetch as undiciFetch, request } from 'undici';
import { createHookwireClient, type HookwireClient } from '../src/sdk';
import { readCpuMs } from './measure';
import { sleep } from './stats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The admin key every bench server accepts. */
export const BENCH_ADMIN_KEY = 'hookwire-bench-admin-key-0001';

/**
 * The part of the SDK the rate scenarios use (hooks and emits), so that a peer's small HTTP
 * adapter can stand in for it: `HookwireClient` is one.
 */
export interface BenchClient {
  CreateHook(variables: { input: { name: string; url: string; events: string[] } }): Promise<{ createHook: { id: string } }>;
  UpdateHook(variables: { id: string; input: { url: string } }): Promise<unknown>;
  EmitEvent(variables: { input: { event: string; payload: Record<string, unknown> } }): Promise<{ emitEvent: { id: string } }>;
  EmitEvents(variables: { inputs: { event: string; payload: Record<string, unknown> }[] }): Promise<unknown>;
}

/** How to start one hookwire process for a scenario. */
export interface ServerOptions {
  /** DATABASE_URL: a fresh database per process (see database.ts). */
  databaseUrl: string;
  /** Extra environment, e.g. HOOKWIRE_RETRY_SCHEDULE; overrides the bench defaults. */
  env?: Record<string, string>;
  /**
   * When set, the process runs with `--cpu-prof` and writes its profiles into `<dir>/<name>/`
   * on exit (one per thread; the largest is the main thread's).
   */
  profile?: { dir: string; name: string };
}

/** A running hookwire process. */
export interface BenchServer {
  url: string;
  pid: number;
  process: ChildProcess;
  /** Milliseconds from spawn to the first 200 from `/healthz`. */
  startMs: number;
  /** The process's resident set size now, in MiB (from /proc), or NaN where /proc is missing. */
  rssMiB(): number;
  /**
   * CPU time the process has used so far (user + system, from /proc, 10 ms resolution), or NaN.
   * Unlike wall time, hardly moved by other processes sharing the cores.
   */
  cpuMs(): number;
  /** A typed SDK client as admin, with `connections` keep-alive sockets. Closed by `stop`. */
  client(connections?: number): HookwireClient;
  /** The last 64 KiB of its stdout and stderr (warnings and errors: benches run at LOG_LEVEL=warn). */
  output(): string;
  /** SIGTERM, then SIGKILL after 20 s; closes its clients. */
  stop(): Promise<void>;
}

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Where the bench builds its bundle: not `dist/`, which tests running meanwhile may be using,
 * but beside it, since the bundle finds package.json at `../package.json`. It ignores itself in git.
 */
const BUNDLE_DIR = join(ROOT, '.bench-dist');

/**
 * Builds the server bundle with the exact esbuild command of `npm run build` (read from
 * package.json), only writing it to .bench-dist/. Once per bench run, so that every server of
 * the run runs the same code even if src/ changes meanwhile.
 */
export function buildServer(): void {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  if (!/--outdir=dist\b/.test(scripts.build)) throw new Error(`package.json's build script no longer writes --outdir=dist: ${scripts.build}`);
  execSync(scripts.build.replace(/--outdir=dist\b/, `--outdir=${JSON.stringify(BUNDLE_DIR)}`), {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` },
  });
  writeFileSync(join(BUNDLE_DIR, '.gitignore'), '*\n');
}

/**
 * Starts the bundle as `npm start` does (`NODE_ENV=production node --enable-source-maps main.js`)
 * on 127.0.0.1 and a free port,
 * at LOG_LEVEL=warn so that per-request info lines cost nothing, and resolves once `/healthz`
 * answers 200 and `/readyz` says the worker loop turns.
 */
export async function startServer(options: ServerOptions): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const profileArgs = options.profile
    ? ['--cpu-prof', '--cpu-prof-dir', join(options.profile.dir, options.profile.name)]
    : [];
  const started = performance.now();
  const child = spawn(process.execPath, [...profileArgs, '--enable-source-maps', join(BUNDLE_DIR, 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      HOOKWIRE_ADMIN_KEY: BENCH_ADMIN_KEY,
      HOOKWIRE_ALLOW_PRIVATE_TARGETS: 'true',
      HOOKWIRE_SHUTDOWN_GRACE: '2s',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-64 * 1024));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));

  const startMs = await pollUntilOk(`${url}/healthz`, started, () => exitedEarly, () => output);
  await pollUntilOk(`${url}/readyz`, started, () => exitedEarly, () => output);
  const clients: HookwireClient[] = [];
  return {
    url,
    pid: child.pid as number,
    process: child,
    startMs,
    rssMiB: () => readRssMiB(child.pid as number),
    cpuMs: () => readCpuMs(child.pid as number),
    client(connections = 4) {
      // The SDK goes through `fetch`; the bench bounds its sockets with its own undici pool.
      const agent = new Agent({ connections, keepAliveTimeout: 30_000 });
      const fetch = ((input, init) => undiciFetch(input as string, { ...(init as object), dispatcher: agent })) as typeof globalThis.fetch;
      const client = createHookwireClient({ url, apiKey: BENCH_ADMIN_KEY, fetch });
      const closeClient = client.close.bind(client);
      client.close = async () => {
        await closeClient();
        await agent.close();
      };
      clients.push(client);
      return client;
    },
    output: () => output,
    async stop() {
      await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Polls `url` every 5 ms until it answers 200; returns ms since `since`. */
async function pollUntilOk(url: string, since: number, dead: () => boolean, output: () => string): Promise<number> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (dead()) throw new Error(`hookwire exited before ${url} answered:\n${output()}`);
    try {
      const response = await request(url, { headersTimeout: 2_000, bodyTimeout: 2_000 });
      await response.body.dump();
      if (response.statusCode === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within 60 s:\n${output()}`);
    await sleep(5);
  }
}

export function readRssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

