import type { Dialect } from '../db/database';
import { sqlDialect } from '../db/dialect';
import type { Row } from '../db/sql';
import { readDate, readJsonText } from '../db/sql-values';
import { ENVELOPE_BODY } from '../db/tables/delivery-attempt.entity';
import { deliveryBody, deliveryBodyBytes } from '../delivery/request-builder';

/**
 * Joins, to `delivery_attempts a`, the event of each attempt whose body was not stored
 * ({@link ENVELOPE_BODY}): one primary-key probe into deliveries and one into events, for those
 * rows only. The columns of {@link ENVELOPE_COLUMNS} are null for every other row.
 */
export const ENVELOPE_JOIN = `left join deliveries ed on a.request_body = '${ENVELOPE_BODY}' and ed.id = a.delivery_id
  left join events ee on ee.id = ed.event_id`;

/** What the envelope is made of besides the payload: read as the claim reads them. */
export const ENVELOPE_COLUMNS = 'ed.hook_id as envelope_hook_id, ed.event_type as envelope_event_type, ee.created_at as envelope_created_at';

/** The payload joined by {@link ENVELOPE_JOIN} as its stored text: the very text that was spliced. */
export function envelopePayload(dialect: Dialect): string {
  return sqlDialect(dialect).jsonText('ee.payload');
}

/** The stored size in UTF-8 bytes of the payload joined by {@link ENVELOPE_JOIN}. */
export function envelopePayloadBytes(dialect: Dialect): string {
  return sqlDialect(dialect).utf8Bytes(envelopePayload(dialect));
}

/** The body an attempt sent: stored, or rebuilt from its row's {@link ENVELOPE_COLUMNS} and `envelope_payload`. */
export function sentBody(row: Row & { text: unknown }): string {
  if (row.text !== ENVELOPE_BODY) return String(row.text);
  return deliveryBody({ ...envelopeOf(row), payloadJson: readJsonText(row.envelope_payload) });
}

/** The size of {@link sentBody} in UTF-8 bytes, from the stored body's size or the payload's (`payload_bytes`). */
export function sentBodyBytes(row: Row & { request_bytes: unknown }): number {
  const stored = Number(row.request_bytes);
  return stored !== 0 ? stored : deliveryBodyBytes(envelopeOf(row), Number(row.payload_bytes));
}

function envelopeOf(row: Row) {
  return { hookId: String(row.envelope_hook_id), eventType: String(row.envelope_event_type), eventCreatedAt: readDate(row.envelope_created_at) as Date };
}
