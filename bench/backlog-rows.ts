import Database from 'libsql';
import pg from 'pg';
import type { BenchDatabase } from './database';

/**
 * Multiplies one pending delivery (and its event) into `copies` more, by plain SQL in one
 * transaction, straight into a bench database that no hookwire process has open: the fast way
 * to a backlog of a million (emitting a million events through the API would take minutes). Every
 * column is copied from the template rows except the ids (the template's, with its last 8
 * characters replaced by the copy's number, so they stay unique), the
 * idempotency key (unique) and the lease. Also points every hook at `url`.
 */
export async function multiplyPendingDelivery(database: BenchDatabase, copies: number, url: string): Promise<void> {
  if (database.kind === 'postgres') return multiplyOnPostgres(database.url, copies, url);
  multiplyOnSqlite(database.url, copies, url);
}

/** The insert of `table`'s copies: each column from the template row `t`, or from `overrides`. */
function copyStatement(table: string, columns: string[], overrides: Record<string, string>, series: string, where: string): string {
  const select = columns.map((column) => overrides[column] ?? `t."${column}"`);
  return `insert into "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) select ${select.join(', ')} from ${series}, "${table}" t where ${where}`;
}

function overrides(newId: (column: string) => string) {
  return {
    events: { id: newId('t.id'), idempotency_key: 'null' },
    deliveries: { id: newId('t.id'), event_id: newId('t.event_id'), locked_by: 'null', locked_until: 'null' },
  };
}

async function multiplyOnPostgres(databaseUrl: string, copies: number, url: string): Promise<void> {
  const schema = new URL(databaseUrl).searchParams.get('schema') as string;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`set search_path to "${schema}"`);
    const columns = async (table: string) =>
      (await client.query<{ column_name: string }>('select column_name from information_schema.columns where table_schema = $1 and table_name = $2 order by ordinal_position', [schema, table])).rows.map((row) => row.column_name);
    const newId = (id: string) => `substr(${id}, 1, length(${id}) - 8) || lpad(n::text, 8, '0')`;
    const series = `generate_series(1, ${Math.floor(copies)}) n`;
    const set = overrides(newId);
    const template = (await client.query<{ id: string; event_id: string }>('select id, event_id from deliveries order by id limit 1')).rows[0];
    await client.query('begin');
    await client.query(copyStatement('events', await columns('events'), set.events, series, 't.id = $1'), [template.event_id]);
    await client.query(copyStatement('deliveries', await columns('deliveries'), set.deliveries, series, 't.id = $1'), [template.id]);
    await client.query('update hooks set url = $1', [url]);
    await client.query('commit');
    // Only the two tables the copies went into: the server may hold other schemas of the run.
    await client.query('analyze events, deliveries');
  } finally {
    await client.end();
  }
}

function multiplyOnSqlite(path: string, copies: number, url: string): void {
  const db = new Database(path);
  try {
    const columns = (table: string) => (db.prepare(`select name from pragma_table_info('${table}')`).all() as { name: string }[]).map((row) => row.name);
    const newId = (id: string) => `substr(${id}, 1, length(${id}) - 8) || substr('00000000' || n, -8, 8)`;
    const series = `(with recursive s(n) as (select 1 union all select n + 1 from s where n < ${Math.floor(copies)}) select n from s)`;
    const set = overrides(newId);
    const template = db.prepare('select id, event_id from deliveries order by id limit 1').get() as { id: string; event_id: string };
    db.exec('pragma journal_mode = wal; begin');
    db.prepare(copyStatement('events', columns('events'), set.events, series, 't.id = ?')).run(template.event_id);
    db.prepare(copyStatement('deliveries', columns('deliveries'), set.deliveries, series, 't.id = ?')).run(template.id);
    db.prepare('update hooks set url = ?').run(url);
    // No ANALYZE, unlike PostgreSQL (which analyzes on its own): hookwire never analyzes its
    // SQLite file, and statistics of a backlog that is all one hook's lead SQLite to skip-scan
    // the claim's (hook_id, next_attempt_at) index and sort every due row for each claim (58 ms
    // at a million rows, a fifth of the drain rate): a measure of a database hookwire does not make.
    db.exec('commit; pragma wal_checkpoint(truncate)');
  } finally {
    db.close();
  }
}
