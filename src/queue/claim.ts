import type { SqlSession } from '../db/sql';
import { placeholders, readBoolean, readDate, readJsonText } from '../db/sql-values';
import type { DeliveryJob } from '../delivery/job';
import type { ClaimRequest, DueHook } from '../delivery/work-queue';
import { HOOK_TARGET_COLUMNS, hookTargetFromRow, readRateLimit, type HookTarget } from './hook-target';
import type { QueueDb } from './rows';
import { OPEN } from '../db/tables/delivery-status';

// An ordered hook's barrier: its oldest open delivery that is not due yet (leased to a worker
// or waiting for a retry). Only due deliveries older than it are claimable, in event order:
// the run from the head up to the first one that must wait. The worker sends them one at a
// time, each once the one before is recorded, so a failing head holds the rest back. Parked
// rows (no due time) need not be looked for, which would scan every finished row of the hook:
// only a disabled hook has them, and enabling it makes them all due again.
// Uncorrelated, so the database computes it once per claim, not once per candidate row (as a
// joined subquery, PostgreSQL ran it per row: 170 ms for 1,000 due deliveries).
const ORDERED_BARRIER_SQL = `select min(o.event_id) from deliveries o
  where o.hook_id = ? and o.status in (${OPEN}) and o.next_attempt_at > ?`;

/**
 * The enabled hooks with at least one delivery due now. One index probe per hook
 * (deliveries by hook and due time), so it costs the same whatever the backlog.
 */
export async function dueHooks({ sql, dialect }: QueueDb, now: Date): Promise<DueHook[]> {
  const rows = await sql.all(
    `select h.id, h.rate_limit, h.ordered from hooks h
     where h.enabled = ? and exists (select 1 from deliveries d where d.hook_id = h.id and d.next_attempt_at <= ?)`,
    [dialect.bool(true), dialect.date(now)],
  );
  return rows.map((row) => ({
    hookId: String(row.id),
    rateLimit: readRateLimit(row.rate_limit),
    ordered: readBoolean(row.ordered),
  }));
}

/**
 * Claims up to `limit` due deliveries of one hook for `workerId`, oldest due first, in one
 * statement, leasing them until `now + leaseMs`: the lease end is also the row's due time, so
 * a worker that dies simply lets the row come due again. Workers claim side by side (the
 * dialect's `skipLocked`). An ordered hook yields the due run from its head, in event order
 * (see ORDERED_BARRIER_SQL).
 */
export async function claimForHook(db: QueueDb, request: ClaimRequest): Promise<DeliveryJob[]> {
  const { hookId, ordered, workerId, limit, leaseMs, now } = request;
  const { sql, dialect } = db;
  const leaseEnd = dialect.date(new Date(now.getTime() + leaseMs));
  // No barrier (null) lets the whole due run through.
  const beforeBarrier = ordered ? `and d.status in (${OPEN}) and coalesce(d.event_id < (${ORDERED_BARRIER_SQL}), ${dialect.bool(true)})` : '';
  const claim = `update deliveries set locked_by = ?, locked_until = ?, next_attempt_at = ?
     where id in (
       select d.id from deliveries d
       where d.hook_id = ? and d.next_attempt_at <= ? ${beforeBarrier}
       order by ${ordered ? 'd.event_id, d.id' : 'd.next_attempt_at'} limit ? ${dialect.skipLocked})
     and exists (select 1 from hooks h where h.id = deliveries.hook_id and h.enabled = ?)
     returning id`;
  const params = [
    workerId,
    leaseEnd,
    leaseEnd,
    hookId,
    dialect.date(now),
    ...(ordered ? [hookId, dialect.date(now)] : []),
    limit,
    dialect.bool(true),
  ];
  const claimed = await dialect.claim(sql, async (session: SqlSession) => {
    // Two workers claiming one ordered hook at once would each see the other's rows as still
    // due and skip them as locked, taking the run after them: the hook's row lock lets one
    // claim at a time (the other finds nothing, as if the run were leased).
    if (ordered && !(await dialect.lockRowOrSkip(session, 'hooks', hookId))) return [];
    await dialect.tuneClaim(session);
    return session.all(claim, params);
  });
  if (claimed.length === 0) return [];
  return loadJobs(db, claimed.map((row) => String(row.id)));
}

/** Reads the event and hook of each claimed delivery, in event order (an ordered hook sends them so). */
async function loadJobs({ sql, dialect }: QueueDb, ids: string[]): Promise<DeliveryJob[]> {
  const rows = await sql.all(
    `select d.id, d.event_id, d.hook_id, d.event_type, d.attempt_count, d.round_offset, d.next_trigger,
            ${dialect.jsonText('e.payload')} as payload, e.created_at as event_created_at, ${HOOK_TARGET_COLUMNS}
     from deliveries d join events e on e.id = d.event_id join hooks h on h.id = d.hook_id
     where d.id in (${placeholders(ids.length)}) order by d.event_id, d.id`,
    ids,
  );
  // A claim is one hook's: its headers and keys are parsed once, not once per delivery.
  const targets = new Map<string, HookTarget>();
  return rows.map((row) => {
    const hookId = String(row.hook_id);
    let target = targets.get(hookId);
    if (!target) targets.set(hookId, (target = hookTargetFromRow(hookId, row)));
    return {
      ...target,
      deliveryId: String(row.id),
      eventId: String(row.event_id),
      eventType: String(row.event_type),
      eventCreatedAt: readDate(row.event_created_at) as Date,
      payloadJson: readJsonText(row.payload),
      attemptCount: Number(row.attempt_count),
      roundOffset: Number(row.round_offset),
      trigger: row.next_trigger === 'MANUAL' ? 'MANUAL' : 'SCHEDULED',
    };
  });
}
