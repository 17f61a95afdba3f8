import type { Dialect } from './database';
import type { Sql, SqlSession } from './sql';

/** A date parameter as the dialect stores it: SQLite keeps epoch milliseconds. */
export function dateParam(dialect: Dialect, date: Date): number | Date {
  return dialect === 'sqlite' ? date.getTime() : date;
}

/** A boolean parameter: SQLite stores 1/0. */
export function boolParam(dialect: Dialect, value: boolean): number | boolean {
  return dialect === 'sqlite' ? (value ? 1 : 0) : value;
}

/** A parameter type that a statement must name where the database cannot infer it. */
export type ParamType = 'int' | 'timestamptz';

/**
 * What hand-written SQL must know about the database it runs on, in one place: statements
 * elsewhere ask for a piece (a lock clause, a typed placeholder) or a capability, and never
 * test which database it is.
 */
export interface SqlDialect {
  readonly name: Dialect;
  date(date: Date): number | Date;
  bool(value: boolean): number | boolean;
  /** A `?` typed as `type`: PostgreSQL reads the parameters of a VALUES list as text otherwise. */
  typed(type: ParamType): string;
  /**
   * Ends a claim's subquery: PostgreSQL's `for update skip locked` lets workers claim side by
   * side without waiting on or double-claiming each other's rows; SQLite has a single writer.
   */
  readonly skipLocked: string;
  /** Data-modifying statements combine into one (PostgreSQL's writable CTEs), one round trip for several writes. */
  readonly writableCtes: boolean;
  /** `update … from (…) returning` may return columns of its FROM clause (SQLite's RETURNING cannot). */
  readonly returningFrom: boolean;
  /**
   * A JSON column read as its stored text: PostgreSQL's driver would parse it into objects
   * otherwise. The events' `payload` gives back the very text written to it on both (SQLite's
   * `json` is text, PostgreSQL's `json` keeps its input), so a body spliced from it is rebuilt.
   */
  jsonText(column: string): string;
  /** The size in UTF-8 bytes of a text `column`: SQLite's length() of text counts characters, of the same value as a blob its bytes. */
  utf8Bytes(column: string): string;
  /** Runs a claim's statements: in a transaction of their own on PostgreSQL, as a plain statement on SQLite. */
  claim<T>(sql: Sql, work: (session: SqlSession) => Promise<T>): Promise<T>;
  /**
   * Locks one row of `table` for the claim's transaction, unless another transaction holds it:
   * false then. NO KEY UPDATE, so inserts referencing the row (a KEY SHARE) never wait. SQLite's
   * single writer already holds the whole database: always true, no statement.
   */
  lockRowOrSkip(session: SqlSession, table: string, id: string): Promise<boolean>;
  /** Planner settings for a claim's index walk, inside `claim` (see the PostgreSQL one). */
  tuneClaim(session: SqlSession): Promise<void>;
}

const sqlite: SqlDialect = {
  name: 'sqlite',
  date: (date) => dateParam('sqlite', date),
  bool: (value) => boolParam('sqlite', value),
  typed: () => '?',
  skipLocked: '',
  writableCtes: false,
  returningFrom: false,
  jsonText: (column) => column,
  utf8Bytes: (column) => `length(cast(${column} as blob))`,
  claim: (sql, work) => work(sql),
  lockRowOrSkip: async () => true,
  tuneClaim: async () => {},
};

const postgres: SqlDialect = {
  name: 'postgres',
  date: (date) => dateParam('postgres', date),
  bool: (value) => boolParam('postgres', value),
  typed: (type) => `?::${type}`,
  skipLocked: 'for update skip locked',
  writableCtes: true,
  returningFrom: true,
  jsonText: (column) => `${column}::text`,
  utf8Bytes: (column) => `octet_length(${column})`,
  claim: (sql, work) => sql.transaction(work),
  lockRowOrSkip: async (session, table, id) =>
    (await session.all(`select id from ${table} where id = ? for no key update skip locked`, [id])).length > 0,
  // A queue that grew fast has statistics that say it is nearly empty (autovacuum analyzes it a
  // minute or more later), and with them PostgreSQL reads every due row through a bitmap scan
  // and sorts them: 70 ms for 200,000, at every claim. Without bitmap scans it walks the
  // (hook_id, next_attempt_at) index to the limit: 0.5–4 ms.
  tuneClaim: async (session) => {
    await session.run('set local enable_bitmapscan = off');
  },
};

/** The dialect's SQL knowledge. */
export function sqlDialect(name: Dialect): SqlDialect {
  return name === 'postgres' ? postgres : sqlite;
}
