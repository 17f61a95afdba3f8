import type { DeliveryAttempt } from '../db/tables/delivery-attempt.entity';

/**
 * The large texts of an attempt, by the column each is stored in: the body it sent (its event's
 * payload in the envelope, up to `HOOKWIRE_MAX_PAYLOAD_BYTES`) and the endpoint's answer (up to
 * `HOOKWIRE_MAX_RESPONSE_BYTES`). Attempts are read without them; each is read on its own,
 * a page at a time, only when its field is asked for. The body may be unstored
 * (`ENVELOPE_BODY`): it is then rebuilt from its event.
 */
export const ATTEMPT_TEXT_COLUMNS = Object.freeze({ request: 'request_body', response: 'response_body' } as const);

/** Which large text of an attempt: `request` (the body sent) or `response` (the answer stored). */
export type AttemptText = keyof typeof ATTEMPT_TEXT_COLUMNS;

/** The entity properties of {@link ATTEMPT_TEXT_COLUMNS}, left out of attempts as they are listed. */
export const ATTEMPT_TEXT_PROPERTIES = ['requestBody', 'responseBody'] as const;

/** An attempt as it is listed: every column but its large texts. */
export type AttemptSummary = Omit<DeliveryAttempt, (typeof ATTEMPT_TEXT_PROPERTIES)[number]>;

/** The size in UTF-8 bytes of each large text of an attempt as answered (a body not stored: as rebuilt); null where there is none (no answer). */
export type AttemptTextSizes = Record<AttemptText, number | null>;
