import { placeholders } from '../db/sql-values';
import { ENVELOPE_BODY } from '../db/tables/delivery-attempt.entity';
import type { AttemptResult } from '../delivery/job';
import { errorKindOf, errorTextOf, responseOf } from '../delivery/outcome';
import { ATTEMPT_COLUMNS, insertStatement, type QueueDb, type RowOf, type Statement } from './rows';

/** The statement recording every attempt of a batch (one multi-row INSERT). */
export function attemptsInsert({ dialect }: QueueDb, results: readonly AttemptResult[]): Statement {
  return insertStatement(
    'delivery_attempts',
    ATTEMPT_COLUMNS,
    results.map((result): RowOf<typeof ATTEMPT_COLUMNS> => {
      const { outcome } = result;
      const response = responseOf(outcome);
      return {
        id: result.attemptId,
        delivery_id: result.job.deliveryId,
        hook_id: result.job.hookId,
        number: result.number,
        trigger: result.trigger,
        started_at: dialect.date(result.startedAt),
        duration_ms: result.durationMs,
        request_url: result.request.url,
        request_headers: JSON.stringify(result.request.headers),
        // Sent as the envelope of the payload text the database gave back or was given (claimed
        // or handed over), which it keeps as written: readers rebuild the body from it.
        request_body: ENVELOPE_BODY,
        succeeded: dialect.bool(outcome.kind === 'success'),
        response_status: response?.status ?? null,
        response_body: response?.body ?? null,
        error_kind: errorKindOf(outcome),
        error_message: errorTextOf(outcome),
      };
    }),
  );
}

/**
 * The statement moving every delivery of the batch on: to its next status and due time (null
 * when final), its lease ended. A delivery whose lease another worker has since taken over
 * (`locked_by` differs) is left to that worker. VALUES columns are column1…5.
 */
export function deliveriesUpdate({ dialect }: QueueDb, results: readonly AttemptResult[], workerId: string, now: Date): Statement {
  const row = `(?, ?, ${dialect.typed('int')}, ${dialect.typed('timestamptz')}, ?)`;
  return {
    sql: `update deliveries set status = v.column2, attempt_count = v.column3, next_attempt_at = v.column4,
         next_trigger = 'SCHEDULED', locked_by = null, locked_until = null, last_error = v.column5, updated_at = ?
       from (values ${results.map(() => row).join(', ')}) as v
       where deliveries.id = v.column1 and deliveries.locked_by = ?`,
    params: [
      dialect.date(now),
      ...results.flatMap(({ job, next, number, outcome }) => [
        job.deliveryId,
        next.status,
        number,
        next.status === 'RETRYING' ? dialect.date(next.at) : null,
        errorTextOf(outcome),
      ]),
      workerId,
    ],
  };
}

/**
 * The attempts of `results` already stored. A write can fail after the database committed it
 * (the connection lost before the answer came back); a retry asks this first, so it neither
 * fails on their ids nor counts their failures twice.
 */
export async function recordedAttempts({ sql }: QueueDb, results: readonly AttemptResult[]): Promise<Set<string>> {
  if (results.length === 0) return new Set();
  const rows = await sql.all(`select id from delivery_attempts where id in (${placeholders(results.length)})`, results.map((result) => result.attemptId));
  return new Set(rows.map((row) => String(row.id)));
}
