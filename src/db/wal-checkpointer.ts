import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { LogPort } from '../logger';


/** A running checkpointer. */
export interface WalCheckpointer {
  /** Stops the thread after one last checkpoint. */
  stop(): Promise<void>;
}

// The thread's code: its own connection to the file, a PASSIVE checkpoint every interval.
// PASSIVE never waits for or blocks the writer; it copies what is committed and fsyncs the
// database file, here, instead of on the event loop.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.libsql);
const db = new Database(workerData.path);
db.exec('pragma busy_timeout = 1000');
const checkpoint = () => {
  try {
    db.prepare('pragma wal_checkpoint(PASSIVE)').all();
  } catch (error) {
    parentPort.postMessage(String(error && error.message || error));
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/**
 * Runs SQLite's WAL checkpoints on a worker thread. libsql is synchronous, so a checkpoint
 * made by the connection that commits (SQLite's default, every 1,000 pages) stops the event
 * loop for its copy and fsync: at 200 events/s those stalls were most of the p99 emit-to-send
 * latency (in-process: 10–14 ms with them, 1.6–3.4 ms without). The main connection keeps a
 * higher automatic threshold as a backstop (see orm-config.ts): a PASSIVE checkpoint never
 * resets the WAL by itself under continuous writes, and the writer's own checkpoint, finding
 * almost everything already copied, is short and lets the WAL start over.
 */
export function startWalCheckpointer(path: string, intervalMs: number, logger: Pick<LogPort, 'warn'>): WalCheckpointer {
  const libsql = createRequire(import.meta.url).resolve('libsql');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, intervalMs, libsql } });
  // The thread must not keep a process alive that is otherwise done.
  worker.unref();
  worker.on('message', (message) => logger.warn({ error: message }, 'a background WAL checkpoint failed; the writer checkpoints on its own'));
  worker.on('error', (error) => logger.warn({ err: error }, 'the WAL checkpoint thread stopped; the writer checkpoints on its own'));
  return {
    async stop() {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      await worker.terminate();
    },
  };
}
