import type { EntityManager } from '@mikro-orm/core';
import type { Dialect } from '../db/database';
import { dateParam, placeholders, readBoolean, readJson } from '../delivery/sql-values';
import { matchesAnyEventPattern } from '../events/event-pattern';
import type { Event } from '../events/event.entity';
import { newId } from '../util/ids';

// Rows per INSERT: SQLite takes at most 32,766 parameters in one statement.
const ROWS_PER_STATEMENT = 1_000;

/**
 * Writes events and one delivery per hook that wants each, inside the caller's transaction,
 * so they commit together or not at all: PENDING for an enabled hook, SKIPPED for a disabled
 * one (so it can be recovered once the hook is enabled again). Plain multi-row INSERTs: this
 * is the hot path of every emit. Returns how many PENDING deliveries were written.
 */
export async function insertEventsWithDeliveries(em: EntityManager, dialect: Dialect, events: readonly Event[]): Promise<number> {
  if (events.length === 0) return 0;
  const connection = em.getConnection();
  const context = em.getTransactionContext();
  const run = (sql: string, params: unknown[]) => connection.execute(sql, params, 'run', context);
  for (let start = 0; start < events.length; start += ROWS_PER_STATEMENT) {
    const chunk = events.slice(start, start + ROWS_PER_STATEMENT);
    await run(
      `insert into events (id, event_type, payload, idempotency_key, created_at) values ${chunk.map(() => `(${placeholders(5)})`).join(', ')}`,
      chunk.flatMap((event) => [event.id, event.type, JSON.stringify(event.payload), event.idempotencyKey ?? null, dateParam(dialect, event.createdAt)]),
    );
  }
  const hookRows: Array<Record<string, unknown>> = await connection.execute('select id, events, enabled from hooks', [], 'all', context);
  const hooks = hookRows.map((row) => ({
    id: String(row.id),
    events: readJson<string[]>(row.events),
    enabled: readBoolean(row.enabled),
  }));
  const now = dateParam(dialect, new Date());
  const rows = events.flatMap((event) =>
    hooks
      .filter((hook) => matchesAnyEventPattern(hook.events, event.type))
      .map((hook) => [
        newId('dlv'),
        event.id,
        hook.id,
        event.type,
        hook.enabled ? 'PENDING' : 'SKIPPED',
        0,
        0,
        'SCHEDULED',
        hook.enabled ? now : null,
        now,
        now,
      ]),
  );
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    await run(
      `insert into deliveries (id, event_id, hook_id, event_type, status, attempt_count, round_offset, next_trigger,
         next_attempt_at, created_at, updated_at) values ${chunk.map(() => `(${placeholders(11)})`).join(', ')}`,
      chunk.flat(),
    );
  }
  return rows.filter((row) => row[4] === 'PENDING').length;
}
