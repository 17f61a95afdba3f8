import { parseDurationArgument } from '../graphql/duration-argument';
import type { HookwirePubSub } from '../realtime/pubsub';

/** The longest `emitEvent(waitFor:)` may hold the request. */
export const MAX_WAIT_FOR_MS = 30_000;
// The live attempt feed wakes the wait at once; this poll covers a worker in another process without Redis.
const POLL_MS = 250;

/** Reads `waitFor`: a duration from 0 to 30 s. */
export function validateWaitFor(text: string): number {
  return parseDurationArgument(text, 'waitFor', MAX_WAIT_FOR_MS, '30s');
}

/** Where the wait reads how many deliveries of an event still wait for their first attempt (the queue). */
export interface WaitingFirstAttempts {
  firstAttemptsWaiting(eventId: string): Promise<number>;
}

/** Waits for the first attempts of an event's deliveries (`emitEvent(waitFor:)`). */
export class FirstAttempts {
  constructor(
    private readonly queue: WaitingFirstAttempts,
    private readonly pubSub: HookwirePubSub,
  ) {}

  /**
   * Waits until every queued delivery of the event has had its first attempt, or until
   * `timeoutMs` passes; returns whether all had. Woken by the live attempt feed, checked
   * against the database.
   */
  async waitFor(eventId: string, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const updates = this.pubSub.subscribe('DELIVERY_UPDATED');
    let nextUpdate = updates.next();
    try {
      for (;;) {
        const waiting = await this.queue.firstAttemptsWaiting(eventId);
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
}
