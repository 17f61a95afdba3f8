/**
 * The live feed's messages. They are plain JSON (ISO strings, no class instances), so the
 * in-process and the Redis pub/sub deliver exactly the same values.
 */
export interface EventMessage {
  id: string;
  event: string;
  payload: Record<string, unknown>;
  idempotencyKey: string | null;
  createdAt: string;
}

/** One finished delivery attempt, as pushed on `deliveryUpdated`. */
export interface AttemptMessage {
  deliveryId: string;
  hookId: string;
  eventId: string;
  event: string;
  status: string;
  attemptNumber: number;
  succeeded: boolean;
  responseStatus: number | null;
  errorKind: string | null;
  errorMessage: string | null;
  durationMs: number;
  nextAttemptAt: string | null;
  startedAt: string;
}

/** An API key was revoked: every api process ends what that key still holds open. */
export interface KeyRevokedMessage {
  keyId: string;
}

/** A custom event type was created or deleted: every api process drops it from its catalogue cache. */
export interface EventTypeChangedMessage {
  name: string;
}

/** The typed topic map of the pub/sub. */
export type Topics = {
  EVENT_EMITTED: [EventMessage];
  DELIVERY_UPDATED: [AttemptMessage];
  KEY_REVOKED: [KeyRevokedMessage];
  EVENT_TYPE_CHANGED: [EventTypeChangedMessage];
};
