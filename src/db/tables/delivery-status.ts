/**
 * Where a delivery stands, the one definition: the TypeScript union, the SQL literals of the
 * queue's statements (`src/queue/`) and the GraphQL enum (`history/delivery.types.ts`) all
 * derive from it. It sits beside the table whose column it describes. `PENDING` waits for its
 * first attempt, `RETRYING` for a later one; `SUCCEEDED` and `FAILED` are final until someone
 * redelivers; `SKIPPED` was recorded while its hook was disabled and waits for a recovery.
 * Written as an object so type-graphql registers it as an enum as it stands.
 */
export const DeliveryStatus = {
  PENDING: 'PENDING',
  RETRYING: 'RETRYING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  SKIPPED: 'SKIPPED',
} as const;

/** One of {@link DeliveryStatus}. */
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];

/** The statuses of a delivery still to be sent: the queue proper. */
export const OPEN_STATUSES = [DeliveryStatus.PENDING, DeliveryStatus.RETRYING] as const;

/** The statuses a recovery sends again. */
export const RECOVERABLE_STATUSES = [DeliveryStatus.FAILED, DeliveryStatus.SKIPPED] as const;

/** Statuses as the list of an SQL `in (…)`: constants, not parameters, so the planner sees them. */
export function statusList(statuses: readonly DeliveryStatus[]): string {
  return statuses.map((status) => `'${status}'`).join(', ');
}

/** `'PENDING', 'RETRYING'`, for `status in (${OPEN})`. */
export const OPEN = statusList(OPEN_STATUSES);
