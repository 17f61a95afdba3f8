import type { Row, SqlSession } from '../db/sql';
import type { Dialect } from '../db/database';
import type { Handoff } from '../delivery/handoff';
import { HOOK_TARGET_COLUMNS, hookTargetFromRow, readRateLimit } from '../delivery/hook-target';
import type { DeliveryJob } from '../delivery/job';
import { dateParam, placeholders, readBoolean, readJson } from '../delivery/sql-values';
import { matchesAnyEventPattern } from '../events/event-pattern';
import type { Event } from '../events/event.entity';
import { newId } from '../util/ids';

// Rows per INSERT: SQLite takes at most 32,766 parameters in one statement.
const ROWS_PER_STATEMENT = 1_000;

/** What an emit transaction queued. */
export interface FanOut {
  /** PENDING deliveries left for a worker to claim. */
  queued: number;
  /** Deliveries written leased to the handoff's worker, to pass to `handoff.commit` once committed. */
  handedOver: DeliveryJob[];
}

/**
 * Writes events and one delivery per hook that wants each, inside the caller's transaction,
 * so they commit together or not at all: PENDING for an enabled hook, SKIPPED for a disabled
 * one (so it can be recovered once the hook is enabled again). With a `handoff`, as many
 * deliveries as this process's dispatcher has room for are written already leased to it and
 * returned as jobs, so they go out on commit without being claimed. Plain multi-row INSERTs:
 * this is the hot path of every emit.
 */
export async function insertEventsWithDeliveries(
  tx: SqlSession,
  dialect: Dialect,
  events: readonly Event[],
  handoff?: Handoff,
): Promise<FanOut> {
  if (events.length === 0) return { queued: 0, handedOver: [] };
  // Serialised once: stored, and spliced into the body of every delivery handed over.
  const payloadJson = new Map(events.map((event) => [event, JSON.stringify(event.payload)]));
  for (let start = 0; start < events.length; start += ROWS_PER_STATEMENT) {
    const chunk = events.slice(start, start + ROWS_PER_STATEMENT);
    await tx.run(
      `insert into events (id, event_type, payload, idempotency_key, emitter_key, input_hash, created_at)
         values ${chunk.map(() => `(${placeholders(7)})`).join(', ')}`,
      chunk.flatMap((event) => [
        event.id,
        event.type,
        payloadJson.get(event),
        event.idempotencyKey ?? null,
        event.emitter ?? null,
        event.inputHash ?? null,
        dateParam(dialect, event.createdAt),
      ]),
    );
  }
  // Read in the transaction, so a delivery goes to the hook as it is when the event commits.
  const hookRows: Row[] = await tx.all(`select h.id, h.events, h.enabled, ${HOOK_TARGET_COLUMNS} from hooks h`);
  const now = dateParam(dialect, new Date());
  const leaseEnd = handoff ? dateParam(dialect, handoff.leaseEnd) : null;
  const rows: unknown[][] = [];
  const handedOver: DeliveryJob[] = [];
  let queued = 0;
  for (const row of hookRows) {
    const hookId = String(row.id);
    const patterns = readJson<string[]>(row.events);
    const wanted = events.filter((event) => matchesAnyEventPattern(patterns, event.type));
    if (wanted.length === 0) continue;
    const enabled = readBoolean(row.enabled);
    const rateLimit = readRateLimit(row.rate_limit);
    const taken = enabled && handoff ? handoff.take({ hookId, rateLimit, ordered: readBoolean(row.ordered) }, wanted.length) : 0;
    const target = taken > 0 ? hookTargetFromRow(hookId, row) : undefined;
    for (const [index, event] of wanted.entries()) {
      const deliveryId = newId('dlv');
      const handed = index < taken;
      const due = !enabled ? null : handed ? leaseEnd : now;
      const lockedBy = handed ? (handoff as Handoff).workerId : null;
      rows.push([deliveryId, event.id, hookId, event.type, enabled ? 'PENDING' : 'SKIPPED', 0, 0, 'SCHEDULED', due, lockedBy, handed ? leaseEnd : null, now, now]);
      if (handed && target) {
        handedOver.push({
          ...target,
          deliveryId,
          eventId: event.id,
          eventType: event.type,
          eventCreatedAt: event.createdAt,
          payloadJson: payloadJson.get(event) as string,
          attemptCount: 0,
          roundOffset: 0,
          trigger: 'SCHEDULED',
        });
      } else if (enabled) {
        queued++;
      }
    }
  }
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    await tx.run(
      `insert into deliveries (id, event_id, hook_id, event_type, status, attempt_count, round_offset, next_trigger,
         next_attempt_at, locked_by, locked_until, created_at, updated_at) values ${chunk.map(() => `(${placeholders(13)})`).join(', ')}`,
      chunk.flat(),
    );
  }
  return { queued, handedOver };
}
