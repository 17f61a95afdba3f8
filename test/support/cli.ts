import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../src/cli/bin.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A `hookwire` command that ran to its end. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A `hookwire` command still running (a tail, a listen), with what it printed so far. */
export interface RunningCli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code once it has ended and its pipes are drained. */
  exited: Promise<number | null>;
  /** Sends SIGINT (Ctrl-C) and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the repository's `hookwire` bin (as `npx hookwire` runs it) with `args`. */
export function startCli(args: string[], env: Record<string, string> = {}, input?: string): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    // No colour: the tests read the words. HOOKWIRE_* come only from `env`.
    env: { ...process.env, HOOKWIRE_URL: '', HOOKWIRE_API_KEY: '', NO_COLOR: '1', ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (input !== undefined) child.stdin?.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGINT');
      return exited;
    },
  };
}

/** Runs `hookwire <args>` to its end. */
export async function runCli(args: string[], env: Record<string, string> = {}, input?: string): Promise<CliRun> {
  const running = startCli(args, env, input);
  const code = await running.exited;
  return { code, stdout: running.stdout(), stderr: running.stderr() };
}
