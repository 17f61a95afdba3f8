import type { AttemptResult, DisabledHook } from './job';
import { errorTextOf } from './outcome';

/**
 * The events hookwire emits about its own deliveries, deliverable to hooks like any other
 * (the names follow Svix's operational webhooks).
 */
export const OPERATIONAL_EVENTS = {
  /** A hook was disabled: by a 410 Gone answer, or after failing continuously. */
  hookDisabled: 'Hook.Disabled',
  /** A delivery's 4th attempt in a row failed; it keeps retrying. */
  deliveryFailing: 'Delivery.Failing',
  /** A delivery used its last attempt and is FAILED. */
  deliveryExhausted: 'Delivery.Exhausted',
  /** A delivery that had been reported failing succeeded. */
  deliveryRecovered: 'Delivery.Recovered',
} as const;

/** The attempt in a round after which a delivery is reported as failing. */
export const FAILING_AFTER_ATTEMPTS = 4;

/**
 * One operational event to emit. Its fields are under `data` (as in Logto's data events):
 * at the top level, `hookId` is reserved for the hook a delivery goes to, so a payload that
 * set it would be refused by emit (and, if it were not, would shadow the receiving hook's id).
 */
export interface OperationalEvent {
  event: (typeof OPERATIONAL_EVENTS)[keyof typeof OPERATIONAL_EVENTS];
  payload: { data: Record<string, unknown> };
}

const NAMES = new Set<string>(Object.values(OPERATIONAL_EVENTS));

/**
 * True for an operational event type. Deliveries of these never cause further operational
 * events: a failing endpoint subscribed to `*` would otherwise feed itself a growing storm.
 */
export function isOperationalEvent(type: string): boolean {
  return NAMES.has(type);
}

/**
 * The operational events a recorded batch of attempts calls for: `Hook.Disabled` per hook
 * disabled; `Delivery.Failing` when a round's 4th attempt fails; `Delivery.Exhausted` when the
 * last one does; `Delivery.Recovered` when a delivery reported failing succeeds. Attempts
 * delivering operational events themselves cause none.
 */
export function operationalEventsOf(results: readonly AttemptResult[], disabled: readonly DisabledHook[]): OperationalEvent[] {
  const events: OperationalEvent[] = disabled.map((hook) => ({
    event: OPERATIONAL_EVENTS.hookDisabled,
    payload: { data: { hookId: hook.hookId, reason: hook.reason, disabledAt: hook.disabledAt.toISOString() } },
  }));
  for (const result of results) {
    if (isOperationalEvent(result.job.eventType)) continue;
    const numberInRound = result.number - result.job.roundOffset;
    const data = {
      deliveryId: result.job.deliveryId,
      hookId: result.job.hookId,
      eventId: result.job.eventId,
      eventType: result.job.eventType,
      attemptCount: result.number,
      lastError: errorTextOf(result.outcome),
    };
    if (result.outcome.kind === 'success') {
      if (numberInRound > FAILING_AFTER_ATTEMPTS) events.push({ event: OPERATIONAL_EVENTS.deliveryRecovered, payload: { data } });
    } else if (result.next.status === 'FAILED' && !result.disableHookReason) {
      events.push({ event: OPERATIONAL_EVENTS.deliveryExhausted, payload: { data } });
    } else if (numberInRound === FAILING_AFTER_ATTEMPTS) {
      const nextAttemptAt = result.next.status === 'RETRYING' ? result.next.at.toISOString() : null;
      events.push({ event: OPERATIONAL_EVENTS.deliveryFailing, payload: { data: { ...data, nextAttemptAt } } });
    }
  }
  return events;
}
