import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { forkListening } from './child';

/** What the receiver saw on one path. */
export interface PathSummary {
  count: number;
  bytes: number;
  /** Wall-clock ms (sub-ms precision) of the first and last arrival. */
  first: number;
  last: number;
}

/** What a group of paths saw by the end of a wait. */
export interface Collected {
  count: number;
  /** Wall-clock ms of the last arrival (or of the end of the wait when nothing came). */
  last: number;
  complete: boolean;
}

/** The bench's handle on the receiver process (see receiver.ts). */
export interface ReceiverHandle {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  pid: number;
  /** Per-path counts since the last reset. */
  stats(): Promise<Record<string, PathSummary>>;
  /** One path's arrivals: `webhook-id` and wall-clock time of each, in arrival order. */
  arrivals(path: string): Promise<{ ids: string[]; times: number[] }>;
  /** Forgets every count and ends hanging requests. */
  reset(): Promise<void>;
  /** Polls until `path` has seen `count` requests; resolves with its summary, or rejects after `timeoutMs`. */
  waitFor(path: string, count: number, timeoutMs: number): Promise<PathSummary>;
  /**
   * Polls until the paths starting with `prefix` have seen `count` requests in all, or
   * `timeoutMs` passes; resolves either way with what they saw (`complete` says which).
   */
  collect(prefix: string, count: number, timeoutMs: number): Promise<Collected>;
  stop(): Promise<void>;
}

/** Starts the receiver as a child process on 127.0.0.1 and resolves once it listens. */
export async function startReceiver(): Promise<ReceiverHandle> {
  const { child, port } = await forkListening(fileURLToPath(new URL('./receiver.ts', import.meta.url)), 'receiver');
  const origin = `http://127.0.0.1:${port}`;
  const call = async <T>(path: string, method: 'GET' | 'POST' = 'GET'): Promise<T> => {
    const response = await request(`${origin}${path}`, { method });
    return (await response.body.json()) as T;
  };
  const stats = () => call<Record<string, PathSummary>>('/_control/stats');
  return {
    origin,
    pid: child.pid as number,
    stats,
    arrivals: (path) => call(`/_control/arrivals?path=${encodeURIComponent(path)}`),
    reset: async () => void (await call('/_control/reset', 'POST')),
    async waitFor(path, count, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const summary = (await stats())[path];
        if (summary && summary.count >= count) return summary;
        if (Date.now() > deadline) throw new Error(`receiver: ${path} got ${summary?.count ?? 0} of ${count} requests within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async collect(prefix, count, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = Object.entries(await stats()).filter(([path]) => path.startsWith(prefix));
        const seen = matching.reduce((sum, [, summary]) => sum + summary.count, 0);
        const last = Math.max(0, ...matching.map(([, summary]) => summary.last));
        if (seen >= count || Date.now() > deadline) {
          return { count: seen, last: last || performance.timeOrigin + performance.now(), complete: seen >= count };
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
