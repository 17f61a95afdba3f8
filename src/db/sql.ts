import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { dialectOf, type Dialect, type Orm } from './database';
import { SQLITE_BUSY_TIMEOUT_MS } from './orm-config';

/** A row as the driver returns it; see `sql-values.ts` for reading its values. */
export type Row = Record<string, unknown>;

/** Runs statements written with `?` placeholders, on one connection (or transaction). */
export interface SqlSession {
  /** Rows the statement returns (a `select`, or a write with `returning`). */
  all(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a statement for its effect; resolves with the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

/** Plain SQL on the ORM's own connections, for the queue's hot paths. */
export interface Sql extends SqlSession {
  readonly dialect: Dialect;
  /** Runs `work` in one transaction, committed if it resolves and rolled back if it throws. */
  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T>;
  /**
   * Resolves when the database would take a write now, rejects with its error otherwise:
   * PostgreSQL answers at all; SQLite grants its write lock at once (no busy wait: a lock
   * another process holds fails it, though reads still work).
   */
  writable(): Promise<void>;
}

/** What knex's client offers for taking a connection out of the pool and giving it back. */
interface Pool {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<void>;
}

interface SqliteStatement {
  reader: boolean;
  all(params: unknown[]): Row[];
  run(params: unknown[]): { changes: number };
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): void;
}
interface PgConnection {
  query(config: { text: string; values: unknown[] }): Promise<{ rows: Row[]; rowCount: number | null }>;
}

// Prepared statements kept per SQLite connection. A group commit's multi-row statements differ
// in their row count from one batch to the next, so there are hundreds of texts, and preparing
// one again costs more than running it (3–4 % of the server's CPU). A prepared statement holds
// native memory, about 10 KiB plus 100 bytes a parameter: the cache is bounded by statements and
// by parameters (~6 MiB at most), least recently used out first, and a statement bigger than
// MAX_CACHED_PARAMETERS (a backlog's batch of hundreds of rows) is prepared for each use.
const STATEMENT_CACHE_SIZE = 200;
const STATEMENT_CACHE_PARAMETERS = 40_000;
const MAX_CACHED_PARAMETERS = 2_000;

/**
 * Plain SQL through the pool MikroORM already has: each statement (or transaction) takes a
 * connection from it, so it queues behind ORM transactions as they queue behind each other,
 * and never interleaves with one. Parameters are bound, not inlined into the text as the
 * ORM's `execute` does; on SQLite the prepared statements are reused, and a transaction's
 * statements run back to back on the synchronous driver. Driver errors come out converted
 * as the ORM's own (`UniqueConstraintViolationException`, …).
 *
 * Work inside `transaction` must use only its session: asking the pool for another
 * connection there would wait forever on SQLite's single one.
 */
export function createSql(orm: Orm): Sql {
  const dialect = dialectOf(orm);
  const pool = (orm.em.getConnection() as AbstractSqlConnection).getKnex().client as unknown as Pool;
  // Only the driver's own errors are converted; an error the work throws passes unchanged.
  const convert = (error: unknown) => (error instanceof Error ? orm.em.getDriver().convertException(error) : error);
  const open = dialect === 'sqlite' ? sqliteSession : pgSession;
  // One session per pooled connection (the pool may replace connections; old ones drop out).
  const sessions = new WeakMap<object, Session>();
  const sessionOf = (connection: object): Session => {
    let session = sessions.get(connection);
    if (!session) sessions.set(connection, (session = guarded(open(connection), convert)));
    return session;
  };

  async function withConnection<T>(work: (session: Session) => Promise<T>): Promise<T> {
    const connection = (await pool.acquireConnection()) as object;
    try {
      return await work(sessionOf(connection));
    } finally {
      await pool.releaseConnection(connection);
    }
  }

  return {
    dialect,
    writable: () =>
      withConnection(async (session) => {
        if (dialect === 'postgres') return session.exec('select 1');
        // The synchronous driver would block the process for the whole busy timeout.
        await session.exec('pragma busy_timeout = 0');
        try {
          await session.exec('begin immediate');
          await session.exec('rollback');
        } finally {
          await session.exec(`pragma busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
        }
      }),
    all: (sql, params = []) => withConnection((session) => session.all(sql, params)),
    run: (sql, params = []) => withConnection((session) => session.run(sql, params)),
    transaction: (work) =>
      withConnection(async (session) => {
        await session.exec('begin');
        try {
          const result = await work(session);
          await session.exec('commit');
          return result;
        } catch (error) {
          await session.exec('rollback').catch(() => undefined);
          throw error;
        }
      }),
  };
}

/** A session that can also run statements without parameters (`begin`, `commit`). */
interface Session extends SqlSession {
  exec(sql: string): Promise<void>;
}

function guarded(session: Session, convert: (error: unknown) => unknown): Session {
  return {
    all: (sql, params) => session.all(sql, params).catch((error) => Promise.reject(convert(error))),
    run: (sql, params) => session.run(sql, params).catch((error) => Promise.reject(convert(error))),
    exec: (sql) => session.exec(sql).catch((error) => Promise.reject(convert(error))),
  };
}

function sqliteSession(raw: object): Session {
  const connection = raw as SqliteConnection;
  const statements = new Map<string, { statement: SqliteStatement; parameters: number }>();
  let cachedParameters = 0;
  const prepared = (sql: string, parameterCount: number): SqliteStatement => {
    const hit = statements.get(sql);
    if (hit) {
      // Most recently used last, so the first key is the one to evict.
      statements.delete(sql);
      statements.set(sql, hit);
      return hit.statement;
    }
    const statement = connection.prepare(sql);
    if (parameterCount > MAX_CACHED_PARAMETERS) return statement;
    statements.set(sql, { statement, parameters: parameterCount });
    cachedParameters += parameterCount;
    while (statements.size > STATEMENT_CACHE_SIZE || cachedParameters > STATEMENT_CACHE_PARAMETERS) {
      const [oldest, entry] = statements.entries().next().value as [string, { parameters: number }];
      statements.delete(oldest);
      cachedParameters -= entry.parameters;
    }
    return statement;
  };
  // The driver only reads the parameter array; the caller's is passed as it is.
  return {
    async all(sql, params = []) {
      return prepared(sql, params.length).all(params as unknown[]);
    },
    async run(sql, params = []) {
      const statement = prepared(sql, params.length);
      // A write with `returning` must be stepped through its rows to run at all.
      if (statement.reader) return statement.all(params as unknown[]).length;
      return statement.run(params as unknown[]).changes;
    },
    async exec(sql) {
      connection.exec(sql);
    },
  };
}

const numberedTexts = new Map<string, string>();

/** `?` placeholders as PostgreSQL's `$1, $2, …` (hookwire's SQL has no `?` in literals). */
function numbered(sql: string): string {
  let text = numberedTexts.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    if (numberedTexts.size >= STATEMENT_CACHE_SIZE) numberedTexts.clear();
    numberedTexts.set(sql, text);
  }
  return text;
}

function pgSession(raw: object): Session {
  const connection = raw as PgConnection;
  return {
    async all(sql, params = []) {
      return (await connection.query({ text: numbered(sql), values: params as unknown[] })).rows;
    },
    async run(sql, params = []) {
      return (await connection.query({ text: numbered(sql), values: params as unknown[] })).rowCount ?? 0;
    },
    async exec(sql) {
      await connection.query({ text: sql, values: [] });
    },
  };
}
