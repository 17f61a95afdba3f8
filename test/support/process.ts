import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** hookwire running as a real child process, the way `npm start` runs it. */
export interface ChildServer {
  process: ChildProcess;
  url: string;
  port: number;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string>;
  output(): string;
}

/** Starts the built server (`dist/main.js`, as `npm start` runs it) with `env`; resolves once it logs its port. */
export async function startChildServer(env: Record<string, string>): Promise<ChildServer> {
  const child = spawnBuiltServer(env);
  let output = '';
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hookwire did not start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      // Keep the tail only: a busy process logs a line per request.
      output = (output + chunk.toString()).slice(-64 * 1024);
      const match = /"port":(\d+).*"msg":"hookwire started"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`hookwire exited (${code}) before starting:\n${output}`));
    });
  });
  return { process: child, url: `http://127.0.0.1:${port}`, port, exited, output: () => output };
}

/** What a hookwire process that ended printed, and how it ended. */
export interface ChildRun {
  code: number | string;
  stdout: string;
  stderr: string;
}

/** Runs the built server with `env` until it exits by itself (a start that must fail). */
export async function runChildToExit(env: Record<string, string>): Promise<ChildRun> {
  const child = spawnBuiltServer(env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // 'close', not 'exit': both pipes are drained by then.
  const code = await new Promise<number | string>((resolve) => child.once('close', (exit, signal) => resolve(exit ?? signal ?? -1)));
  return { code, stdout, stderr };
}

/** `node dist/main.js`, as `npm start` runs it, on a free port of 127.0.0.1 unless `env` says otherwise. */
function spawnBuiltServer(env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--enable-source-maps', 'dist/main.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/**
 * Registers an `afterAll` that runs every step `cleanup.push`ed meanwhile, newest first, each
 * whatever the others did: children to kill, databases to drop.
 */
export function cleanupAfterAll(): Array<() => Promise<unknown>> {
  const steps: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const step of steps.reverse()) await step().catch(() => undefined);
  });
  return steps;
}

/**
 * Starts the built server with `env` (see {@link startChildServer}) and pushes onto `cleanup`
 * (a {@link cleanupAfterAll} list) a step that kills it and waits for it to end.
 */
export async function startChild(env: Record<string, string>, cleanup: Array<() => Promise<unknown>>): Promise<ChildServer> {
  const child = await startChildServer(env);
  cleanup.push(async () => {
    child.process.kill('SIGKILL');
    await child.exited;
  });
  return child;
}

/** The repository root, where `npm start` runs. */
export const REPOSITORY_ROOT = ROOT;
