import type { Dialect, Orm } from '../db/database';
import { dateParam, readDate } from './sql-values';

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
  from deliveries where status in ('PENDING', 'RETRYING')`;

/** Counts the queue in one statement, for the metrics read at scrape time. */
export class QueueStats {
  constructor(
    private readonly orm: Orm,
    private readonly dialect: Dialect,
  ) {}

  /** The queue as of `now`. */
  async snapshot(now: Date): Promise<QueueSnapshot> {
    const at = dateParam(this.dialect, now);
    const [row] = await this.orm.em.getConnection().execute<Array<Record<string, unknown>>>(SNAPSHOT_SQL, [at, at], 'all');
    return {
      due: Number(row?.due ?? 0),
      open: Number(row?.open ?? 0),
      oldestDueAt: readDate(row?.oldest_due_at),
    };
  }
}
