import type { AttemptOutcome } from './outcome';

/** A custom header of a hook. */
export interface JobHeader {
  name: string;
  value: string;
}

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
  headers: JobHeader[];
  signingKey: string;
  retiredSigningKeys: Array<{ key: string; expiresAt: string }>;
  /** Attempts already made; this one is number `attemptCount + 1`. */
  attemptCount: number;
  /** Attempts made before the current round (a redelivery starts a new one). */
  roundOffset: number;
  trigger: 'SCHEDULED' | 'MANUAL';
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
  trigger: 'SCHEDULED' | 'MANUAL';
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
