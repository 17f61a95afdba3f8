import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a webhook failed verification. */
export class WebhookVerificationError extends Error {
  override name = 'WebhookVerificationError';
}

const DEFAULT_TOLERANCE_S = 5 * 60;

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * For receivers: checks a delivery's Standard Webhooks signature (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature`) against the hook's signing key, over the raw
 * body exactly as received, and that the timestamp is within `toleranceSeconds` of now.
 * Returns the parsed body; throws WebhookVerificationError otherwise.
 */
export function verifyWebhook(
  rawBody: string,
  headers: Record<string, string | string[] | undefined>,
  signingKey: string,
  options: { toleranceSeconds?: number; now?: Date } = {},
): Record<string, unknown> {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const id = header('webhook-id');
  const timestamp = header('webhook-timestamp');
  const signatures = header('webhook-signature');
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError('missing webhook-id, webhook-timestamp or webhook-signature');
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_S)) {
    throw new WebhookVerificationError('webhook-timestamp is outside the tolerance');
  }
  const secret = Buffer.from(signingKey.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', secret).update(`${id}.${timestamp}.${rawBody}`).digest('base64');
  const valid = signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    return version === 'v1' && signature !== undefined && equal(signature, expected);
  });
  if (!valid) throw new WebhookVerificationError('no webhook-signature matches the signing key');
  return JSON.parse(rawBody);
}

/** For receivers written for Logto: checks `logto-signature-sha-256` (hex HMAC-SHA256 of the raw body). */
export function verifyLogtoSignature(rawBody: string, signature: string | undefined, signingKey: string): boolean {
  if (!signature) return false;
  return equal(createHmac('sha256', signingKey).update(rawBody).digest('hex'), signature);
}
