import type { Orm } from '../db/database';
import { Delivery } from '../deliveries/delivery.entity';
import { BadUserInputError } from '../errors';
import type { HookwirePubSub } from '../realtime/pubsub';
import { parseDuration } from '../util/duration';

/** The longest `emitEvent(waitFor:)` may hold the request. */
export const MAX_WAIT_FOR_MS = 30_000;
// The live attempt feed wakes the wait at once; this poll covers a worker in another process without Redis.
const POLL_MS = 250;

/** Reads `waitFor`: a duration from 0 to 30 s. */
export function validateWaitFor(text: string): number {
  let ms: number;
  try {
    ms = parseDuration(text);
  } catch (error) {
    throw new BadUserInputError((error as Error).message, 'waitFor');
  }
  if (ms > MAX_WAIT_FOR_MS) throw new BadUserInputError('waitFor must be at most 30s', 'waitFor');
  return ms;
}

/**
 * Waits until every queued delivery of the event has had its first attempt, or until
 * `timeoutMs` passes; returns whether all had. Woken by the live attempt feed, checked
 * against the database.
 */
export async function waitForFirstAttempts(orm: Orm, pubSub: HookwirePubSub, eventId: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const updates = pubSub.subscribe('DELIVERY_UPDATED');
  let nextUpdate = updates.next();
  try {
    for (;;) {
      const waiting = await orm.em.fork().count(Delivery, { event: eventId, status: 'PENDING', attemptCount: 0 });
      if (waiting === 0) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      const tick = new Promise<'tick'>((resolve) => (timer = setTimeout(() => resolve('tick'), Math.min(POLL_MS, left))));
      const woke = await Promise.race([nextUpdate, tick]);
      clearTimeout(timer);
      if (woke !== 'tick') nextUpdate = updates.next();
    }
  } finally {
    await updates.return?.();
  }
}
