import { BadUserInputError } from '../errors';

// hookwire puts these at the top of every delivered body; a payload may not shadow them.
const RESERVED_KEYS = ['hookId', 'event', 'createdAt'];

/** Checks an event payload: a JSON object, within the size limit, without reserved keys. */
export function validatePayload(payload: unknown, maxBytes: number): Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new BadUserInputError('payload must be a JSON object', 'payload');
  }
  const reserved = RESERVED_KEYS.filter((key) => Object.hasOwn(payload, key));
  if (reserved.length > 0) {
    throw new BadUserInputError(`payload must not set ${reserved.join(', ')}: hookwire sets them`, 'payload');
  }
  const bytes = Buffer.byteLength(JSON.stringify(payload), 'utf8');
  if (bytes > maxBytes) {
    throw new BadUserInputError(`payload is ${bytes} bytes, over the limit of ${maxBytes}`, 'payload');
  }
  return payload as Record<string, unknown>;
}

/** An idempotency key: 1 to 256 characters when given. */
export function validateIdempotencyKey(key: string | null | undefined): string | null {
  if (key == null) return null;
  if (key.length < 1 || key.length > 256) {
    throw new BadUserInputError('idempotencyKey must be 1 to 256 characters', 'idempotencyKey');
  }
  return key;
}
