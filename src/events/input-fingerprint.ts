import { createHash } from 'node:crypto';

/**
 * The SHA-256 (hex) of an emit's input, event type and payload, over a canonical JSON form
 * (object keys sorted at every depth), so the same input sent with its keys in another order
 * has the same fingerprint. Compared when an idempotency key comes back: the same fingerprint
 * is a retry, another is a conflict.
 */
export function inputFingerprint(event: string, payload: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson({ event, payload }), 'utf8').digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const members = Object.keys(object)
      .filter((key) => object[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
