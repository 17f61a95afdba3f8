import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Which database the bench runs hookwire on. */
export type DatabaseKind = 'sqlite' | 'postgres';

/** A fresh, empty database for one hookwire process, and how to throw it away. */
export interface BenchDatabase {
  kind: DatabaseKind;
  /** The DATABASE_URL to give hookwire. */
  url: string;
  drop(): Promise<void>;
}

/** Where `--postgres` runs when DATABASE_URL is not set. */
export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

// One random tag per bench run: every schema this run creates (and later drops) carries it.
const RUN_TAG = randomBytes(4).toString('hex');
let counter = 0;

/**
 * A new database: a SQLite file in a new temporary folder, or a new PostgreSQL schema
 * `hookwire_bench_<run>_<n>` on the server of `postgresUrl` (any `?schema=` in it is ignored:
 * every scenario gets its own schema so that hooks of one cannot receive another's events).
 * `drop` removes only what this call created.
 */
export function createBenchDatabase(kind: DatabaseKind, postgresUrl = DEFAULT_POSTGRES_URL): BenchDatabase {
  if (kind === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'hookwire-bench-'));
    return { kind, url: join(folder, 'hookwire.db'), drop: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const schema = `hookwire_bench_${RUN_TAG}_${++counter}`;
  const server = new URL(postgresUrl);
  server.searchParams.delete('schema');
  const url = new URL(server);
  url.searchParams.set('schema', schema);
  return {
    kind,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: server.toString() });
      await client.connect();
      try {
        // The name is ours (hookwire_bench_<hex>_<n>): nothing to escape, but quote it all the same.
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
