import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { forkListening } from '../child';
import type { BenchDatabase } from '../database';
import { readCpuMs } from '../measure';
import type { SystemUnderTest } from '../scenario';
import { readRssMiB, type BenchClient } from '../server';

/** A running peer process, as the rate scenarios see it, and how to stop it. */
export interface PeerServer extends SystemUnderTest {
  stop(): Promise<void>;
}

/**
 * Starts the graphile-worker peer (graphile-app.ts) on two fresh PostgreSQL schemas of the
 * run's: one for its own tables (hooks, events, attempts), one for graphile-worker's.
 */
export async function startGraphilePeer(newDatabase: () => BenchDatabase): Promise<PeerServer> {
  const [app, worker] = [newDatabase(), newDatabase()];
  const schemaOf = (database: BenchDatabase) => new URL(database.url).searchParams.get('schema') as string;
  const server = new URL(app.url);
  server.searchParams.delete('schema');
  const peer = await forkListening(fileURLToPath(new URL('./graphile-app.ts', import.meta.url)), 'graphile-worker peer', [server.toString(), schemaOf(app), schemaOf(worker)]);
  const { child, port } = peer;
  const origin = `http://127.0.0.1:${port}`;
  const pools: Pool[] = [];
  return {
    cpuMs: () => readCpuMs(child.pid as number),
    rssMiB: () => readRssMiB(child.pid as number),
    client(connections = 4) {
      const pool = new Pool(origin, { connections });
      pools.push(pool);
      return httpClient(pool);
    },
    async stop() {
      await Promise.all(pools.map((pool) => pool.close()));
      await peer.stop(20_000);
    },
  };
}

/** The four calls the rate scenarios make, as plain JSON POSTs to the peer. */
function httpClient(pool: Pool): BenchClient {
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await pool.request({ method: 'POST', path, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    if (response.statusCode !== 200) throw new Error(`peer ${path}: ${response.statusCode} ${await response.body.text()}`);
    return (await response.body.json()) as T;
  };
  return {
    CreateHook: async ({ input }) => ({ createHook: await post<{ id: string }>('/hooks', input) }),
    UpdateHook: ({ id, input }) => post('/hooks/url', { id, url: input.url }),
    EmitEvent: async ({ input }) => ({ emitEvent: await post<{ id: string }>('/emit', input) }),
    EmitEvents: ({ inputs }) => post('/emits', { inputs }),
  };
}
