import { dateParam } from '../db/dialect';
import type { Dialect } from '../db/database';
import type { QueuedEvent } from '../queue/enqueue';
import { insertStatement, type RowOf, type Statement } from '../queue/rows';
import type { Event } from '../db/tables/event.entity';
import { payloadJsonOf } from './payload-json';

const EVENT_COLUMNS = ['id', 'event_type', 'payload', 'idempotency_key', 'emitter_key', 'input_hash', 'created_at'] as const;

/**
 * The one multi-row INSERT of new events (at most `MAX_BATCH`), for the queue to run with their
 * deliveries' (`Queue.enqueueWithEvents`): this is the hot path of every emit. With it, the
 * events as the queue takes them, each payload serialised once: stored, and spliced into the
 * body of every delivery handed over.
 */
export function eventsInsert(dialect: Dialect, events: readonly Event[]): { insert: Statement; queued: QueuedEvent[] } {
  const queued = events.map((event) => ({ id: event.id, type: event.type, createdAt: event.createdAt, payloadJson: payloadJsonOf(event.payload) }));
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
  return { insert: insertStatement('events', EVENT_COLUMNS, rows), queued };
}
