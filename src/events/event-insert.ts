import { dateParam } from '../db/dialect';
import type { Dialect } from '../db/database';
import type { SqlSession } from '../db/sql';
import { placeholders } from '../db/sql-values';
import type { QueuedEvent } from '../queue/enqueue';
import type { Event } from '../db/tables/event.entity';

// Rows per INSERT: SQLite takes at most 32,766 parameters in one statement.
const ROWS_PER_STATEMENT = 1_000;

/**
 * Writes new events inside the caller's transaction (the emit's, which then queues their
 * deliveries), in plain multi-row INSERTs: this is the hot path of every emit. Returns them as
 * the queue takes them, each payload serialised once: stored, and spliced into the body of
 * every delivery handed over.
 */
export async function insertEvents(tx: SqlSession, dialect: Dialect, events: readonly Event[]): Promise<QueuedEvent[]> {
  const queued = events.map((event) => ({ id: event.id, type: event.type, createdAt: event.createdAt, payloadJson: JSON.stringify(event.payload) }));
  for (let start = 0; start < events.length; start += ROWS_PER_STATEMENT) {
    const chunk = events.slice(start, start + ROWS_PER_STATEMENT);
    await tx.run(
      `insert into events (id, event_type, payload, idempotency_key, emitter_key, input_hash, created_at)
         values ${chunk.map(() => `(${placeholders(7)})`).join(', ')}`,
      chunk.flatMap((event, index) => [
        event.id,
        event.type,
        queued[start + index].payloadJson,
        event.idempotencyKey ?? null,
        event.emitter ?? null,
        event.inputHash ?? null,
        dateParam(dialect, event.createdAt),
      ]),
    );
  }
  return queued;
}
