import { fork, type ChildProcess } from 'node:child_process';

/** A bench helper process that listens on a port it reported, and how to stop it. */
export interface ListeningChild {
  child: ChildProcess;
  port: number;
  /** Closes its IPC channel (its cue to exit) and waits for it, killing it after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

// A helper that has not listened by then is stuck (a lock, a migration): the bench fails rather than hangs.
const LISTEN_TIMEOUT_MS = 60_000;

/**
 * Forks `path` (a TypeScript file, run through tsx) with `args`, and resolves once it sends
 * `{ port }` over IPC; rejects if it exits or stays silent for a minute first. `name` is for
 * the error messages.
 */
export async function forkListening(path: string, name: string, args: string[] = []): Promise<ListeningChild> {
  const child = fork(path, args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the ${name} exited (${code}) before listening`)));
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the ${name} did not listen within ${LISTEN_TIMEOUT_MS / 1000} s`));
    }, LISTEN_TIMEOUT_MS);
  }).finally(() => clearTimeout(timer));
  return {
    child,
    port,
    async stop(graceMs = 10_000) {
      // A child that crashed has no channel left to close.
      if (child.connected) child.disconnect();
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(killer);
    },
  };
}
