import { dateParam } from '../db/dialect';
import type { Dialect } from '../db/database';
import type { SqlSession } from '../db/sql';
import type { QueuedEvent } from '../queue/enqueue';
import { insertRows, type RowOf } from '../queue/rows';
import type { Event } from '../db/tables/event.entity';

const EVENT_COLUMNS = ['id', 'event_type', 'payload', 'idempotency_key', 'emitter_key', 'input_hash', 'created_at'] as const;

/**
 * Writes new events inside the caller's transaction (the emit's, which then queues their
 * deliveries), in plain multi-row INSERTs: this is the hot path of every emit. Returns them as
 * the queue takes them, each payload serialised once: stored, and spliced into the body of
 * every delivery handed over.
 */
export async function insertEvents(tx: SqlSession, dialect: Dialect, events: readonly Event[]): Promise<QueuedEvent[]> {
  const queued = events.map((event) => ({ id: event.id, type: event.type, createdAt: event.createdAt, payloadJson: JSON.stringify(event.payload) }));
  const rows = events.map(
    (event, index): RowOf<typeof EVENT_COLUMNS> => ({
      id: event.id,
      event_type: event.type,
      payload: queued[index].payloadJson,
      idempotency_key: event.idempotencyKey ?? null,
      emitter_key: event.emitter ?? null,
      input_hash: event.inputHash ?? null,
      created_at: dateParam(dialect, event.createdAt),
    }),
  );
  await insertRows(tx, 'events', EVENT_COLUMNS, rows);
  return queued;
}
