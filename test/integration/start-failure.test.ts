import { createServer, type Server } from 'node:net';
import Database from 'libsql';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app';
import { ConfigError, loadConfig } from '../../src/config';
import { quoteIdentifier } from '../../src/db/database';
import { createLogger } from '../../src/logger';
import { createTestDatabase, DATABASE_KINDS, POSTGRES_URL, type TestDatabase } from '../support/databases';
import { ADMIN_KEY } from '../support/server';
import { eventually } from '../support/wait';

/** What keeps the process alive (sockets, servers, timers…), by kind and count. */
function openResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** Starts hookwire on `db` with `env`; it must fail, and leave open nothing it opened. */
async function expectFailedStartLeavesNothingOpen(db: TestDatabase, env: Record<string, string>, says: RegExp | typeof ConfigError): Promise<void> {
  const before = openResources();
  const config = loadConfig({ HOST: '127.0.0.1', DATABASE_URL: db.url, HOOKWIRE_ADMIN_KEY: ADMIN_KEY, ...env });
  const start = startApp(config, { logger: createLogger('silent') });
  if (says instanceof RegExp) await expect(start).rejects.toThrow(says);
  else await expect(start).rejects.toBeInstanceOf(says);
  // Closing sockets takes a turn or two of the event loop; anything still open after that is a leak.
  const added = () => Object.entries(openResources()).filter(([kind, count]) => count > (before[kind] ?? 0));
  await eventually(() => added().length === 0, 3_000, 20).catch(() => undefined);
  expect(added()).toEqual([]);
}

const dropLater: TestDatabase[] = [];
afterEach(async () => {
  for (const db of dropLater.splice(0)) await db.drop();
});

/** A database whose first migration cannot run: a table it creates is already there. */
async function databaseBlockingMigration(kind: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  const db = await createTestDatabase(kind);
  dropLater.push(db);
  if (db.database.kind === 'sqlite') {
    const file = new Database(db.database.path);
    file.exec('create table api_keys (stray integer)');
    file.close();
  } else {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    const schema = quoteIdentifier(db.database.schema as string);
    await client.query(`create schema ${schema}; create table ${schema}.api_keys (stray integer)`);
    await client.end();
  }
  return db;
}

describe.each(DATABASE_KINDS)('a start that fails part-way on %s', (kind) => {
  it('leaves nothing open when the port is taken (the last thing a start opens)', async () => {
    const db = await createTestDatabase(kind);
    dropLater.push(db);
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
    try {
      const port = (taken.address() as { port: number }).port;
      await expectFailedStartLeavesNothingOpen(db, { PORT: String(port) }, ConfigError);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('leaves nothing open, the database included, when a migration fails', async () => {
    const db = await databaseBlockingMigration(kind);
    await expectFailedStartLeavesNothingOpen(db, { PORT: '0' }, /api_keys/);
    // The SQLite file's lock went with it: a second start meets the migration again, not a lock.
    await expectFailedStartLeavesNothingOpen(db, { PORT: '0' }, /api_keys/);
  });
});
