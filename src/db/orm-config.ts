import { defineConfig as defineLibSqlConfig } from '@mikro-orm/libsql';
import type { AbstractSqlDriver, Options } from '@mikro-orm/knex';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig as definePostgresConfig } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import { ENTITIES } from './entities';
import { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from './migrations';

/** What each new SQLite connection gets; the libsql connection has better-sqlite3's `exec`. */
function applySqlitePragmas(connection: { exec(sql: string): unknown }, done: (error: Error | null, connection: unknown) => void): void {
  try {
    // WAL lets readers run beside the single writer; NORMAL sync is durable across a process
    // crash (the WAL is fsynced at checkpoints), which is the failure hookwire promises to survive.
    connection.exec('pragma journal_mode = wal; pragma synchronous = normal; pragma busy_timeout = 5000; pragma foreign_keys = on;');
    done(null, connection);
  } catch (error) {
    done(error as Error, connection);
  }
}

/**
 * The one MikroORM configuration, shared by the server, `npm run migrate` and the tests.
 * Each dialect has its own committed migrations, because their DDL differs.
 */
export function ormOptions(database: Config['database'], poolSize = 10): Options<AbstractSqlDriver> {
  const common = {
    entities: ENTITIES,
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    // Entities carry explicit types, so no reflection or TS metadata is needed.
    debug: false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
  };
  if (database.kind === 'postgres') {
    return definePostgresConfig({
      ...common,
      clientUrl: database.url,
      schema: database.schema,
      pool: { min: 0, max: poolSize },
      // Raw statements (the claim query) name tables without a schema: resolve them in ours.
      driverOptions: database.schema ? { connection: { options: `-c search_path=${database.schema}` } } : undefined,
      migrations: { migrationsList: POSTGRES_MIGRATIONS, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    }) as Options<AbstractSqlDriver>;
  }
  return defineLibSqlConfig({
    ...common,
    dbName: database.path,
    // The libsql driver replaces its connection every 10 s; settings that live on a
    // connection must be made on each new one, not once at startup.
    pool: { afterCreate: applySqlitePragmas },
    migrations: { migrationsList: SQLITE_MIGRATIONS, transactional: true, allOrNothing: true, snapshot: false, silent: true },
  });
}
