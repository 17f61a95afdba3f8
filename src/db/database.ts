import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MikroORM } from '@mikro-orm/knex';
import type { Migrator } from '@mikro-orm/migrations';
import type { Config } from '../config';
import { MIGRATION_NAMES, loadMigrations } from './migrations';
import { ormOptions } from './orm-config';

/** The ORM the app runs on; its entity manager is forked per request and per job. */
export type Orm = MikroORM;

/** Which SQL dialect a statement must be written for. */
export type Dialect = Config['database']['kind'];

// Any constant works; it only has to be the same in every hookwire process.
const MIGRATION_LOCK_ID = 0x686f6f6b;

/** The dialect an open ORM speaks (PostgreSQL is configured by URL, SQLite by file name). */
export function dialectOf(orm: Orm): Dialect {
  return orm.config.get('clientUrl') ? 'postgres' : 'sqlite';
}

/** Creates the folder a SQLite file lives in, if missing: `./data/` on a fresh clone. */
export function ensureSqliteFolder(path: string): void {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
}

/** Opens the database (creating the SQLite folder or the PostgreSQL schema if needed). */
export async function openDatabase(database: Config['database'], poolSize?: number): Promise<Orm> {
  if (database.kind === 'sqlite') {
    ensureSqliteFolder(database.path);
  } else if (database.schema) {
    const schema = quoteIdentifier(database.schema);
    // "if not exists" still races: two processes creating the schema at once can both miss it
    // and one fails on pg_namespace's unique index. The lock makes them take turns.
    await withPgClient(database.url, (client) =>
      whileLocked(client, () => client.query(`create schema if not exists ${schema}`)),
    );
  }
  return MikroORM.init(await ormOptions(database, poolSize));
}

// The table MikroORM records applied migrations in, with the columns its migrator creates.
const MIGRATIONS_TABLE = 'mikro_orm_migrations';
const MIGRATIONS_TABLE_COLUMNS = '"id" serial primary key, "name" varchar(255), "executed_at" timestamptz default current_timestamp';

/**
 * Applies pending migrations. On PostgreSQL an advisory lock makes processes that start
 * together take turns, so each migration runs exactly once.
 */
export async function migrate(orm: Orm, database: Config['database']): Promise<string[]> {
  if (await allApplied(orm, database)) return [];
  await prepareMigrator(orm, database);
  const migrator = orm.getMigrator() as Migrator;
  const run = async () => (await migrator.up()).map((migration) => migration.name);
  if (database.kind === 'sqlite') return run();
  const table = `${quoteIdentifier(database.schema ?? 'public')}.${quoteIdentifier(MIGRATIONS_TABLE)}`;
  // The migrator's own "create the table if missing" lists every table of every schema in the
  // database, then creates ours if the list lacks it: a schema another process drops meanwhile
  // fails that list (3F000, 42P01), and a list that misses ours fails the create (42P07). Ours
  // is created here, under the lock, and the migrator told it exists.
  migrator.getStorage().ensureTable = async () => {};
  return withPgClient(database.url, (client) =>
    whileLocked(client, async () => {
      await client.query(`create table if not exists ${table} (${MIGRATIONS_TABLE_COLUMNS})`);
      return run();
    }),
  );
}

/** Runs work while holding the session-level advisory lock every hookwire process shares. */
async function whileLocked<T>(client: import('pg').Client, work: () => Promise<T>): Promise<T> {
  await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
  try {
    return await work();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
  }
}

/** Hands the dialect's migration classes to MikroORM; they are imported only when needed. */
export async function prepareMigrator(orm: Orm, database: Config['database']): Promise<void> {
  orm.config.get('migrations').migrationsList = await loadMigrations(database.kind);
}

/** True when every committed migration is recorded as applied (the common restart). */
async function allApplied(orm: Orm, database: Config['database']): Promise<boolean> {
  const expected = MIGRATION_NAMES[database.kind];
  try {
    const rows = await orm.em.getConnection().execute(`select name from ${MIGRATIONS_TABLE}`);
    const applied = new Set(rows.map((row: { name: string }) => row.name));
    return expected.every((name) => applied.has(name));
  } catch {
    return false; // no migrations table yet
  }
}

async function withPgClient<T>(url: string, work: (client: import('pg').Client) => Promise<T>): Promise<T> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Quotes a PostgreSQL identifier such as a schema name. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
