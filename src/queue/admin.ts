import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { placeholders } from '../db/sql-values';
import { insertDeliveries, newDelivery, type QueuedEvent } from './enqueue';
import type { QueueDb, Statement } from './rows';
import { DeliveryStatus, OPEN, RECOVERABLE_STATUSES, statusList } from '../db/tables/delivery-status';

// A disabled hook's waiting deliveries get no due time, so claims do not keep scanning past
// them; deliveries in flight (locked) finish first and are left alone.
const PARK_SQL = `update deliveries set next_attempt_at = null
  where hook_id = ? and status in (${OPEN}) and locked_by is null`;
const RESUME_SQL = `update deliveries set next_attempt_at = ?
  where hook_id = ? and status in (${OPEN}) and next_attempt_at is null`;
// A new round of attempts, due now: the retry schedule starts over, the first attempt is MANUAL.
const NEW_ROUND = `status = '${DeliveryStatus.PENDING}', next_attempt_at = ?, round_offset = attempt_count, next_trigger = 'MANUAL',
  locked_by = null, locked_until = null, updated_at = ?`;

/** The statement taking a disabled hook's waiting deliveries off the queue (also run when `complete` disables one). */
export function parkStatement(hookId: string): Statement {
  return { sql: PARK_SQL, params: [hookId] };
}

/** Takes a disabled hook's waiting deliveries off the queue. */
export async function park({ sql }: QueueDb, hookId: string): Promise<void> {
  await sql.run(PARK_SQL, [hookId]);
}

/** Puts a re-enabled hook's parked deliveries back on the queue, due at `now`. */
export async function resume({ sql, dialect }: QueueDb, hookId: string, now: Date): Promise<void> {
  await sql.run(RESUME_SQL, [dialect.date(now), hookId]);
}

/**
 * Starts a new round of attempts for one delivery, due at `now`, its first attempt recorded as
 * MANUAL. Refused while an attempt is in flight (its lease not yet over).
 */
export async function redeliver({ sql, dialect }: QueueDb, deliveryId: string, now: Date): Promise<'queued' | 'in-flight'> {
  const at = dialect.date(now);
  const rows = await sql.all(`update deliveries set ${NEW_ROUND} where id = ? and (locked_by is null or locked_until < ?) returning id`, [at, at, deliveryId, at]);
  return rows.length > 0 ? 'queued' : 'in-flight';
}

/** Starts a new round for every FAILED or SKIPPED delivery of a hook created in [since, until]; returns how many. */
export async function recover({ sql, dialect }: QueueDb, hookId: string, since: Date, until: Date, now: Date): Promise<number> {
  const at = dialect.date(now);
  const rows = await sql.all(
    `update deliveries set ${NEW_ROUND}
     where hook_id = ? and status in (${statusList(RECOVERABLE_STATUSES)}) and created_at >= ? and created_at <= ? returning id`,
    [at, at, hookId, dialect.date(since), dialect.date(until)],
  );
  return rows.length;
}

/** What `replay` found: a delivery it queued, one the hook already had, or one a concurrent replay queued first. */
export interface Replayed {
  deliveryId: string;
  outcome: 'queued' | 'existing' | 'raced';
}

/**
 * Queues a delivery of an existing event to a hook that has none, due at `now`, its first
 * attempt MANUAL; when the hook has one, returns it (`existing`) for the caller to redeliver.
 */
export async function replay(db: QueueDb, event: Pick<QueuedEvent, 'id' | 'type'>, hookId: string, now: Date): Promise<Replayed> {
  const existing = await deliveryOf(db, event.id, hookId);
  if (existing) return { deliveryId: existing, outcome: 'existing' };
  const delivery = newDelivery(event, hookId, db.dialect.date(now), DeliveryStatus.PENDING);
  delivery.next_trigger = 'MANUAL';
  try {
    await insertDeliveries(db.sql, [delivery]);
  } catch (error) {
    // A concurrent replay of the same pair got there first: that delivery is the one.
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    return { deliveryId: (await deliveryOf(db, event.id, hookId)) as string, outcome: 'raced' };
  }
  return { deliveryId: delivery.id as string, outcome: 'queued' };
}

async function deliveryOf({ sql }: QueueDb, eventId: string, hookId: string): Promise<string | undefined> {
  const [row] = await sql.all('select id from deliveries where event_id = ? and hook_id = ?', [eventId, hookId]);
  return row ? String(row.id) : undefined;
}

/** Gives back claimed deliveries that were not attempted (shutdown, or over a hook's limit), due at `now`. */
export async function release({ sql, dialect }: QueueDb, deliveryIds: readonly string[], workerId: string, now: Date): Promise<void> {
  if (deliveryIds.length === 0) return;
  await sql.run(
    `update deliveries set locked_by = null, locked_until = null, next_attempt_at = ?
     where id in (${placeholders(deliveryIds.length)}) and locked_by = ?`,
    [dialect.date(now), ...deliveryIds, workerId],
  );
}
