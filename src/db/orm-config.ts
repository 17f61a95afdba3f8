import type { AbstractSqlDriver, Options } from '@mikro-orm/knex';
import type { Config } from '../config';
import { ENTITIES } from './entities';

/** How long a SQLite statement waits for another connection's write lock before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/** What each new SQLite connection gets; the libsql connection has better-sqlite3's `exec`. */
function applySqlitePragmas(connection: { exec(sql: string): unknown }, done: (error: Error | null, connection: unknown) => void): void {
  try {
    // WAL lets readers run beside the single writer; NORMAL sync is durable across a process
    // crash (the WAL is fsynced at checkpoints), which is the failure hookwire promises to survive.
    // Checkpoints are a background thread's job (wal-checkpointer.ts); the writer's own, at
    // 4,000 pages rather than SQLite's 1,000, is the backstop that lets the WAL start over.
    connection.exec(`pragma journal_mode = wal; pragma synchronous = normal; pragma busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}; pragma foreign_keys = on; pragma wal_autocheckpoint = 4000;`);
    done(null, connection);
  } catch (error) {
    done(error as Error, connection);
  }
}

/**
 * The one MikroORM configuration, shared by the server, `npm run migrate` and the tests.
 * Each dialect has its own committed migrations, because their DDL differs.
 */
export async function ormOptions(database: Config['database'], poolSize = 10): Promise<Options<AbstractSqlDriver>> {
  const common = {
    entities: ENTITIES,
    // No `extensions: [Migrator]`: MikroORM loads @mikro-orm/migrations itself the first time
    // `orm.migrator` is used, so a start with nothing to migrate never loads it.
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    // Entities carry explicit types, so no reflection or TS metadata is needed.
    debug: false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
  };
  // Each driver is loaded only when used: a SQLite process never loads pg, and the reverse.
  if (database.kind === 'postgres') {
    const { defineConfig: definePostgresConfig } = await import('@mikro-orm/postgresql');
    return definePostgresConfig({
      ...common,
      clientUrl: database.url,
      schema: database.schema,
      pool: { min: 0, max: poolSize },
      // Raw statements (the claim query) name tables without a schema: resolve them in ours.
      driverOptions: database.schema ? { connection: { options: `-c search_path=${database.schema}` } } : undefined,
      migrations: { transactional: true, allOrNothing: true, snapshot: false, silent: true },
    }) as Options<AbstractSqlDriver>;
  }
  const { defineConfig: defineLibSqlConfig } = await import('@mikro-orm/libsql');
  return defineLibSqlConfig({
    ...common,
    dbName: database.path,
    // The libsql driver replaces its connection every 10 s; settings that live on a
    // connection must be made on each new one, not once at startup.
    pool: { afterCreate: applySqlitePragmas },
    migrations: { transactional: true, allOrNothing: true, snapshot: false, silent: true },
  });
}
