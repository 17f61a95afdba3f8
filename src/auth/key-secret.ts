import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new API key secret: `hwk_` + 32 random bytes, base64url. */
export function generateApiKeySecret(): string {
  return `hwk_${randomBytes(32).toString('base64url')}`;
}

/**
 * The stored form of a key. Keys carry 256 random bits, so a plain SHA-256 suffices (a slow
 * password hash guards low-entropy secrets and would cost every request).
 */
export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two {@link hashApiKey} hashes in constant time. */
export function hashesEqual(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

/** Reads the key out of `Bearer <key>` (or a bare key); undefined when there is none. */
export function bearerToken(authorization: unknown): string | undefined {
  if (typeof authorization !== 'string') return undefined;
  const match = /^\s*(?:Bearer\s+)?(\S+)\s*$/i.exec(authorization);
  return match?.[1];
}
