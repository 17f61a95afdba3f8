import { placeholders, readDate } from '../db/sql-values';
import type { QueueDb } from './rows';
import { DeliveryStatus, OPEN } from '../db/tables/delivery-status';

/** The delivery queue at one moment. */
export interface QueueSnapshot {
  /** Deliveries waiting to be sent whose time has come (not claimed by a worker). */
  due: number;
  /** Deliveries not yet final: due, scheduled for a retry, claimed, or parked on a disabled hook. */
  open: number;
  /** When the longest-waiting due delivery came due, or null when none is due. */
  oldestDueAt: Date | null;
}

// A claimed delivery's next_attempt_at is its lease end (in the future) and a parked one's
// is null, so `next_attempt_at <= now` is exactly "due and unclaimed".
const SNAPSHOT_SQL = `select count(*) as open,
    sum(case when next_attempt_at <= ? then 1 else 0 end) as due,
    min(case when next_attempt_at <= ? then next_attempt_at end) as oldest_due_at
  from deliveries where status in (${OPEN})`;

/** Counts the queue as of `now` in one statement, for the metrics read at scrape time and the console's overview. */
export async function snapshot({ sql, dialect }: QueueDb, now: Date): Promise<QueueSnapshot> {
  const at = dialect.date(now);
  const [row] = await sql.all(SNAPSHOT_SQL, [at, at]);
  return {
    due: Number(row?.due ?? 0),
    open: Number(row?.open ?? 0),
    oldestDueAt: readDate(row?.oldest_due_at),
  };
}

/** A hook's attempts over a period, and how many of them succeeded. */
export interface AttemptCounts {
  requests: number;
  successes: number;
}

/**
 * Each hook's attempts that started at `since` or later, and its successful ones, by hook id (a
 * hook without attempts is left out): one statement over the (hook_id, started_at) index,
 * whatever the number of hooks. SQLite's 0/1 and PostgreSQL's booleans both read as a condition.
 */
export async function attemptCounts({ sql, dialect }: QueueDb, hookIds: readonly string[], since: Date): Promise<Map<string, AttemptCounts>> {
  if (hookIds.length === 0) return new Map();
  const rows = await sql.all(
    `select hook_id, count(*) as requests, sum(case when succeeded then 1 else 0 end) as successes from delivery_attempts
     where hook_id in (${placeholders(hookIds.length)}) and started_at >= ? group by hook_id`,
    [...hookIds, dialect.date(since)],
  );
  // PostgreSQL answers count(*) as a bigint string.
  return new Map(rows.map((row) => [String(row.hook_id), { requests: Number(row.requests), successes: Number(row.successes) }]));
}

/** How many deliveries of an event still wait for their first attempt. */
export async function firstAttemptsWaiting({ sql }: QueueDb, eventId: string): Promise<number> {
  const [row] = await sql.all(
    `select count(*) as waiting from deliveries where event_id = ? and status = '${DeliveryStatus.PENDING}' and attempt_count = 0`,
    [eventId],
  );
  return Number(row?.waiting ?? 0);
}
