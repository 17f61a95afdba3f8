import type { Dialect, Orm } from '../db/database';
import { dateParam } from '../db/dialect';
import type { Queue } from '../queue/queue';
import type { QueueSnapshot } from '../queue/stats';
import { BadUserInputError } from '../errors';

const HOUR_MS = 3_600_000;

/** The most hours a series may cover: a week. */
export const MAX_SERIES_HOURS = 168;

/** Attempts that started in one hour, by outcome. */
export interface AttemptHour {
  /** The start of the hour (whole hours, UTC). */
  hour: Date;
  succeeded: number;
  failed: number;
}

/**
 * Two sums per hour in one statement over the attempts since the first hour: every dialect
 * runs it as written (SQLite's 0/1 and PostgreSQL's booleans both read as a condition).
 */
function seriesSql(hours: number): string {
  const sums = Array.from(
    { length: hours },
    (_, index) =>
      `sum(case when started_at >= ? and started_at < ? then 1 else 0 end) as t${index}, ` +
      `sum(case when started_at >= ? and started_at < ? and succeeded then 1 else 0 end) as s${index}`,
  );
  return `select ${sums.join(', ')} from delivery_attempts where started_at >= ?`;
}

/** What the console's overview shows: attempts per hour and the queue. */
export class OverviewService {
  constructor(
    private readonly orm: Orm,
    private readonly dialect: Dialect,
    private readonly queue: Pick<Queue, 'snapshot'>,
  ) {}

  /** Attempts per hour over the last `hours` hours (the current, partial hour last), succeeded against failed. */
  async attemptSeries(hours: number, now = new Date()): Promise<AttemptHour[]> {
    if (!Number.isInteger(hours) || hours < 1 || hours > MAX_SERIES_HOURS) {
      throw new BadUserInputError(`hours must be from 1 to ${MAX_SERIES_HOURS}`, 'hours');
    }
    const currentHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
    const starts = Array.from({ length: hours }, (_, index) => new Date(currentHour - (hours - 1 - index) * HOUR_MS));
    const params = starts.flatMap((start) => {
      const bounds = [dateParam(this.dialect, start), dateParam(this.dialect, new Date(start.getTime() + HOUR_MS))];
      return [...bounds, ...bounds];
    });
    const [row] = await this.orm.em
      .getConnection()
      .execute<Array<Record<string, unknown>>>(seriesSql(hours), [...params, dateParam(this.dialect, starts[0])], 'all');
    return starts.map((hour, index) => {
      const total = Number(row?.[`t${index}`] ?? 0);
      const succeeded = Number(row?.[`s${index}`] ?? 0);
      return { hour, succeeded, failed: total - succeeded };
    });
  }

  /** The delivery queue now: how many are due, open, and since when the oldest due one waits. */
  async queueNow(now = new Date()): Promise<QueueSnapshot> {
    return this.queue.snapshot(now);
  }
}
