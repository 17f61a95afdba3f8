import type { AttemptOutcome } from './outcome';
import type { RetiredSigningKey } from './signer';

/** A custom header the hook adds to every request, in the order given. */
export interface HookHeader {
  name: string;
  value: string;
}

/** What started an attempt: the schedule, or a redelivery asked for by hand. */
export type AttemptTrigger = 'SCHEDULED' | 'MANUAL';

/** Everything needed to make one attempt of one delivery, read when it is claimed. */
export interface DeliveryJob {
  deliveryId: string;
  eventId: string;
  eventType: string;
  eventCreatedAt: Date;
  /**
   * The event's payload as JSON text, as stored: every delivery of the event reuses it rather
   * than parse and serialise the payload again (see `deliveryBody`).
   */
  payloadJson: string;
  hookId: string;
  url: string;
  headers: HookHeader[];
  signingKey: string;
  retiredSigningKeys: RetiredSigningKey[];
  /** Attempts already made; this one is number `attemptCount + 1`. */
  attemptCount: number;
  /** Attempts made before the current round (a redelivery starts a new one). */
  roundOffset: number;
  trigger: AttemptTrigger;
  /** The hook's limit in requests per second, if any. */
  rateLimit: number | null;
  /** The hook sends one delivery at a time, in event order. */
  ordered: boolean;
}

/** What a delivery becomes after an attempt. */
export type NextStep = { status: 'SUCCEEDED' } | { status: 'RETRYING'; at: Date } | { status: 'FAILED' };

/** One finished attempt, ready to be recorded. */
export interface AttemptResult {
  job: DeliveryJob;
  attemptId: string;
  number: number;
  trigger: AttemptTrigger;
  startedAt: Date;
  durationMs: number;
  request: { url: string; headers: Record<string, string>; body: string };
  outcome: AttemptOutcome;
  next: NextStep;
  /** Set when the endpoint answered 410 Gone: the hook is disabled with this reason. */
  disableHookReason?: string;
}

/** A hook that `complete` disabled, for the `Hook.Disabled` event. */
export interface DisabledHook {
  hookId: string;
  reason: string;
  disabledAt: Date;
}
