import { readDate } from '../db/sql-values';
import type { QueueDb } from './rows';
import { OPEN } from './statuses';

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
