import { BadUserInputError } from '../errors';
import { payloadJsonOf } from './payload-json';

// hookwire puts these at the top of every delivered body; a payload may not shadow them.
const RESERVED_KEYS = ['hookId', 'event', 'createdAt'];

/**
 * The deepest a payload may nest: the payload object is level 1, each object or array inside
 * it one more. JSON.stringify, the drivers and receivers' parsers recurse, and 100,000 levels
 * overflow the stack; real payloads nest a handful.
 */
export const MAX_PAYLOAD_DEPTH = 64;

/**
 * Checks an event payload: a JSON object, at most MAX_PAYLOAD_DEPTH deep, within the size
 * limit, without reserved keys. The depth is checked first, since the size check serialises.
 */
export function validatePayload(payload: unknown, maxBytes: number): Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new BadUserInputError('payload must be a JSON object', 'payload');
  }
  if (nestsDeeperThan(payload, MAX_PAYLOAD_DEPTH)) {
    throw new BadUserInputError(`payload nests deeper than ${MAX_PAYLOAD_DEPTH} levels of objects and arrays`, 'payload');
  }
  const reserved = RESERVED_KEYS.filter((key) => Object.hasOwn(payload, key));
  if (reserved.length > 0) {
    throw new BadUserInputError(`payload must not set ${reserved.join(', ')}: hookwire sets them`, 'payload');
  }
  const bytes = Buffer.byteLength(payloadJsonOf(payload), 'utf8');
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

/** True when objects and arrays nest more than `max` levels in `root` (level 1). Iterative: any depth is safe. */
function nestsDeeperThan(root: object, max: number): boolean {
  // Two parallel stacks and for-in rather than a [value, depth] pair and Object.values per
  // container: this runs on every emit; measured ~0.6-0.9 µs against ~1.2-2.2 µs for a 700-byte
  // payload (JSON.stringify of it takes ~4 µs). Parsed JSON has no inherited enumerable keys.
  const values: object[] = [root];
  const depths: number[] = [1];
  while (values.length > 0) {
    const value = values.pop() as Record<string, unknown> | unknown[];
    const depth = depths.pop() as number;
    if (depth > max) return true;
    if (Array.isArray(value)) {
      for (const child of value) {
        if (typeof child === 'object' && child !== null) {
          values.push(child);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    for (const key in value) {
      const child = value[key];
      if (typeof child === 'object' && child !== null) {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}
