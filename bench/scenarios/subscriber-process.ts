import { fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubscriberMessage } from './subscribers';

/** The parent's handle on the subscribers process (subscribers.ts). */
export interface SubscriberProcess {
  /** The first message not yet taken that `match`es, waiting up to `timeoutMs`; throws on a `failed` message. */
  next(match: (message: SubscriberMessage) => boolean, timeoutMs: number, what: string): Promise<SubscriberMessage>;
  /** Whether a message of `type` has come (and not been taken). */
  has(type: SubscriberMessage['type']): boolean;
  stop(): Promise<void>;
}

/**
 * Forks `count` graphql-ws subscribers to `url` (and as many plain `ws` clients of `bareUrl`,
 * when given) in their own process. With `profileDir` that process is CPU-profiled too: on 2
 * cores its side counts as much as the server's.
 */
export function forkSubscribers(options: { url: string; apiKey: string; count: number; bareUrl?: string; profileDir?: string; name: string }): SubscriberProcess {
  const profileArgs = options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', join(options.profileDir, `${options.name}-subscribers`)] : [];
  const args = [options.url, options.apiKey, String(options.count), ...(options.bareUrl ? [options.bareUrl] : [])];
  const child = fork(fileURLToPath(new URL('./subscribers.ts', import.meta.url)), args, {
    execArgv: [...profileArgs, '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages: SubscriberMessage[] = [];
  const waiters = new Set<() => void>();
  child.on('message', (message) => {
    messages.push(message as SubscriberMessage);
    for (const wake of waiters) wake();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async next(match, timeoutMs, what) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const failed = messages.find((message) => message.type === 'failed');
        if (failed && failed.type === 'failed') throw new Error(failed.error);
        const index = messages.findIndex(match);
        if (index >= 0) return messages.splice(index, 1)[0];
        if (Date.now() > deadline) throw new Error(`${options.name}: no ${what} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 100);
          waiters.add(() => {
            clearTimeout(timer);
            resolve();
          });
        });
        waiters.clear();
      }
    },
    has: (type) => messages.some((message) => message.type === type),
    async stop() {
      if (child.connected) child.disconnect();
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
