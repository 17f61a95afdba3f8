import { createHmac, randomBytes } from 'node:crypto';

/** A hook's keys: the current one signs everything; previous ones still sign during a rotation grace period. */
export interface SigningKeys {
  /** `whsec_` + base64 of 32 random bytes; see {@link generateSigningKey}. */
  current: string;
  /** Keys replaced by a rotation that receivers may still hold, newest first. */
  previous: string[];
}

/** A key replaced by a rotation: it still signs, beside the current one, until `expiresAt` (ISO-8601). */
export interface RetiredSigningKey {
  key: string;
  expiresAt: string;
}

/** The retired keys whose grace period has not ended at `now`: the ones that still sign. */
export function keysInGrace(retired: readonly RetiredSigningKey[], now: Date): RetiredSigningKey[] {
  return retired.filter((key) => new Date(key.expiresAt) > now);
}

/** The prefix of every signing key, as the Standard Webhooks libraries expect. */
export const SIGNING_KEY_PREFIX = 'whsec_';

/** The header names {@link signDelivery} returns. */
export const SIGNATURE_HEADERS = {
  logto: 'logto-signature-sha-256',
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

/** A new signing key: `whsec_` + base64 of 32 bytes from the CSPRNG. */
export function generateSigningKey(): string {
  return SIGNING_KEY_PREFIX + randomBytes(32).toString('base64');
}

/**
 * The Logto signature: lowercase hex HMAC-SHA256 of the raw body, keyed with the
 * signing key string itself (utf8, `whsec_` prefix included), exactly as Logto does,
 * so receivers written for Logto verify hookwire deliveries unchanged.
 */
export function logtoSignature(body: string, key: string): string {
  return createHmac('sha256', key).update(body, 'utf8').digest('hex');
}

/**
 * One Standard Webhooks v1 signature: `v1,` + base64 HMAC-SHA256 of
 * `${id}.${timestamp}.${body}`, keyed with the base64-decoded secret after `whsec_`.
 */
export function standardSignature(key: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', decodeSecret(key))
    .update(`${id}.${timestampSeconds}.${body}`, 'utf8')
    .digest('base64');
  return `v1,${mac}`;
}

/**
 * The signature headers of one attempt: `logto-signature-sha-256` (current key only),
 * `webhook-id`, `webhook-timestamp` and `webhook-signature` (the current key's
 * signature first, then one per previous key, space-separated).
 *
 * `body` must be the exact string that will be sent. `eventId` stays the same across
 * retries so receivers can de-duplicate; `timestampSeconds` is this attempt's time.
 */
export function signDelivery(input: {
  eventId: string;
  timestampSeconds: number;
  body: string;
  keys: SigningKeys;
}): Record<string, string> {
  const { eventId, timestampSeconds, body, keys } = input;
  if (!Number.isInteger(timestampSeconds)) {
    throw new Error(`timestampSeconds must be an integer, got ${timestampSeconds}`);
  }
  const signatures = [keys.current, ...keys.previous].map((key) =>
    standardSignature(key, eventId, timestampSeconds, body),
  );
  return {
    [SIGNATURE_HEADERS.logto]: logtoSignature(body, keys.current),
    [SIGNATURE_HEADERS.id]: eventId,
    [SIGNATURE_HEADERS.timestamp]: String(timestampSeconds),
    [SIGNATURE_HEADERS.signature]: signatures.join(' '),
  };
}

function decodeSecret(key: string): Buffer {
  const encoded = key.startsWith(SIGNING_KEY_PREFIX) ? key.slice(SIGNING_KEY_PREFIX.length) : key;
  const secret = Buffer.from(encoded, 'base64');
  // An empty HMAC key would "sign" with no secret at all: refuse rather than send it.
  if (secret.length === 0) throw new Error('signing key decodes to an empty secret');
  return secret;
}
