import type { SqlDialect } from '../db/dialect';
import type { Sql, SqlSession } from '../db/sql';
import { placeholders } from '../db/sql-values';

/** The database every queue statement runs on, and what its dialect asks of them. */
export interface QueueDb {
  sql: Sql;
  dialect: SqlDialect;
}

/** A statement with its parameters, to run or to combine with others. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** The columns a new delivery is written with: every insert of a delivery goes through them. */
export const DELIVERY_COLUMNS = [
  'id',
  'event_id',
  'hook_id',
  'event_type',
  'status',
  'attempt_count',
  'round_offset',
  'next_trigger',
  'next_attempt_at',
  'locked_by',
  'locked_until',
  'created_at',
  'updated_at',
] as const;

/** The columns an attempt is recorded with. */
export const ATTEMPT_COLUMNS = [
  'id',
  'delivery_id',
  'hook_id',
  'number',
  'trigger',
  'started_at',
  'duration_ms',
  'request_url',
  'request_headers',
  'request_body',
  'succeeded',
  'response_status',
  'response_body',
  'error_kind',
  'error_message',
] as const;

/** A row of `columns`, its parameters by column name (dialect-converted already). */
export type RowOf<C extends readonly string[]> = Record<C[number], unknown>;

// Rows per INSERT: SQLite takes at most 32,766 parameters in one statement.
const ROWS_PER_STATEMENT = 1_000;

/** One multi-row INSERT of `rows` into `table`. */
export function insertStatement<C extends readonly string[]>(table: string, columns: C, rows: readonly RowOf<C>[]): Statement {
  const row = `(${placeholders(columns.length)})`;
  return {
    sql: `insert into ${table} (${columns.join(', ')}) values ${rows.map(() => row).join(', ')}`,
    params: rows.flatMap((values) => columns.map((column: C[number]) => values[column])),
  };
}

/** Inserts `rows` with as few statements as SQLite's parameter limit allows. */
export async function insertRows<C extends readonly string[]>(session: SqlSession, table: string, columns: C, rows: readonly RowOf<C>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const { sql, params } = insertStatement(table, columns, rows.slice(start, start + ROWS_PER_STATEMENT));
    await session.run(sql, params);
  }
}
