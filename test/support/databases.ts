import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Config } from '../../src/config';
import { quoteIdentifier } from '../../src/db/database';

/** A database a test file runs against, and how to throw it away afterwards. */
export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** The DATABASE_URL to give hookwire. */
  url: string;
  database: Config['database'];
  drop(): Promise<void>;
}

/** The PostgreSQL server for tests; `.ci/run` sets it. Without it, only SQLite runs. */
export const POSTGRES_URL = process.env.HOOKWIRE_TEST_POSTGRES_URL;
/** Redis for the suites of more than one process (`HOOKWIRE_TEST_REDIS_URL`); those suites are skipped without it. */
export const REDIS_URL = process.env.HOOKWIRE_TEST_REDIS_URL;

/** The databases every integration suite runs on: SQLite always, PostgreSQL when configured. */
export const DATABASE_KINDS: Array<'sqlite' | 'postgres'> = POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/**
 * A fresh database of the given kind: a SQLite file in a new temporary folder, or a new
 * PostgreSQL schema (dropped afterwards: it is the only thing the tests create there).
 */
export async function createTestDatabase(kind: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'hookwire-test-'));
    const path = join(folder, 'hookwire.db');
    return {
      name: 'sqlite',
      url: path,
      database: { kind: 'sqlite', path },
      drop: async () => rmSync(folder, { recursive: true, force: true }),
    };
  }
  if (!POSTGRES_URL) throw new Error('HOOKWIRE_TEST_POSTGRES_URL is not set');
  const schema = `hookwire_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('schema', schema);
  return {
    name: 'postgres',
    url: url.toString(),
    database: { kind: 'postgres', url: POSTGRES_URL, schema },
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`drop schema if exists ${quoteIdentifier(schema)} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
