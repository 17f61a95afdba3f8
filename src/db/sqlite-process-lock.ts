import { createRequire } from 'node:module';
import { ConfigError } from '../config';
import { ensureSqliteFolder } from './database';

/** The lock a process holds on a SQLite database for as long as it serves it. */
export interface SqliteProcessLock {
  /** The lock file, beside the database. */
  path: string;
  release(): void;
}

/** The connection methods the lock uses; libsql's `Database` has better-sqlite3's API. */
interface LockConnection {
  exec(sql: string): unknown;
  close(): void;
}

/**
 * Makes `databasePath` this process's alone, or throws a ConfigError naming the file when
 * another process serves it. SQLite is embedded: two hookwire processes on one file would
 * each run a dispatcher that believes it is the only writer.
 *
 * The lock is an exclusive transaction on a SQLite file of its own (`<database>-lock`),
 * held open until `release`. SQLite locks files with the OS's advisory locks, which die with
 * their process: a server killed with SIGKILL leaves nothing that blocks its restart. The
 * database itself cannot be locked this way: WAL mode needs the pool's connections and the
 * checkpoint thread to share it.
 */
export function lockSqliteDatabase(databasePath: string): SqliteProcessLock {
  const path = `${databasePath}-lock`;
  // The lock comes before the database is opened, so it is the first to need the folder.
  ensureSqliteFolder(databasePath);
  // libsql is loaded only here and only for SQLite, like the ORM's drivers.
  const Database = createRequire(import.meta.url)('libsql') as new (path: string, options: { timeout: number }) => LockConnection;
  // No busy timeout: a held lock is an answer, not something to wait for.
  const connection = new Database(path, { timeout: 0 });
  try {
    // No journal: nothing is ever written, so the lock leaves no `-journal` file behind.
    connection.exec('pragma journal_mode = off; pragma locking_mode = exclusive; begin exclusive');
  } catch (error) {
    connection.close();
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    throw new ConfigError(
      'DATABASE_URL',
      `${databasePath} is in use by another hookwire process (it holds ${path}); SQLite serves one process: stop the other one, or use PostgreSQL to run several`,
    );
  }
  return { path, release: () => connection.close() };
}
