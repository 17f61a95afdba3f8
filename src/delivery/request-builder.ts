import { TRANSPORT_HEADER_NAMES } from '../sdk/transport-headers';
import type { OutgoingRequest } from './sender';
import { keysInGrace, SIGNATURE_HEADERS, signDelivery, type SigningKeys } from './signer';
import type { DeliveryJob } from './job';

/** The headers every delivery carries besides its signatures, by role (lower-case names). */
export const BASE_HEADERS = { contentType: 'content-type', userAgent: 'user-agent' } as const;

/**
 * Every header name hookwire sets or the transport owns, lower-case: a hook's custom headers
 * may not use them (validation refuses them, and {@link buildRequest} writes these last).
 */
export const HOOKWIRE_HEADER_NAMES: ReadonlySet<string> = new Set([
  ...Object.values(BASE_HEADERS),
  ...Object.values(SIGNATURE_HEADERS),
  ...TRANSPORT_HEADER_NAMES,
]);

// Custom header names that usually carry credentials; their values are not stored.
const SECRET_NAME = /auth|token|secret|key|password|passwd|cookie|session|credential|signature/i;

/** What is stored or shown in place of a secret value. */
export const REDACTED = '[redacted]';

/**
 * The headers hookwire sets on every delivery itself. Their values are never secret (the
 * signatures prove what was sent); every other header of a delivery is a hook's custom one.
 */
export const OWN_HEADER_NAMES: ReadonlySet<string> = new Set([...Object.values(BASE_HEADERS), ...Object.values(SIGNATURE_HEADERS)]);

/** A request to send, and the same request as it may be stored in the attempt log. */
export interface BuiltRequest {
  request: OutgoingRequest;
  recorded: { url: string; headers: Record<string, string>; body: string };
}

/**
 * The wire body of a delivery, Logto's shape: `{ hookId, event, createdAt, ...payload }`.
 * Built once per attempt: these exact bytes are signed and sent. The payload's own JSON text
 * is spliced in after the three fields rather than parsed and serialised again (a fan-out
 * sends one payload to many hooks); a payload never sets those fields (emit refuses it).
 */
export function deliveryBody(job: Pick<DeliveryJob, 'hookId' | 'eventType' | 'eventCreatedAt' | 'payloadJson'>): string {
  const head = envelopeHead(job);
  return job.payloadJson === '{}' ? `${head}}` : `${head},${job.payloadJson.slice(1)}`;
}

/**
 * The UTF-8 size of {@link deliveryBody} from the payload's size alone, so a body that is not
 * stored can be weighed without reading its payload: the payload's `{` gives way to a comma,
 * or, for `{}` (the only two-byte object), both braces to one.
 */
export function deliveryBodyBytes(job: Pick<DeliveryJob, 'hookId' | 'eventType' | 'eventCreatedAt'>, payloadBytes: number): number {
  return Buffer.byteLength(envelopeHead(job), 'utf8') + (payloadBytes === 2 ? 1 : payloadBytes);
}

// The envelope's own fields, in their order, its closing brace left open.
function envelopeHead(job: Pick<DeliveryJob, 'hookId' | 'eventType' | 'eventCreatedAt'>): string {
  return `{"hookId":${JSON.stringify(job.hookId)},"event":${JSON.stringify(job.eventType)},"createdAt":"${job.eventCreatedAt.toISOString()}"`;
}

/** The keys that sign now: the current one, plus retired ones still in their grace period. */
export function activeSigningKeys(job: Pick<DeliveryJob, 'signingKey' | 'retiredSigningKeys'>, now: Date): SigningKeys {
  const previous = keysInGrace(job.retiredSigningKeys, now).map((retired) => retired.key);
  return { current: job.signingKey, previous };
}

/** What a signed request is made of: the event, and the hook it goes to. */
export type SignedMessage = Pick<
  DeliveryJob,
  'eventId' | 'eventType' | 'eventCreatedAt' | 'payloadJson' | 'hookId' | 'url' | 'headers' | 'signingKey' | 'retiredSigningKeys'
>;

/** Builds one signed attempt of a delivery. */
export function buildRequest(job: SignedMessage, options: { now: Date; userAgent: string; timeoutMs: number }): BuiltRequest {
  const body = deliveryBody(job);
  // No prototype: a header named `__proto__` (or `constructor`) is then an ordinary key.
  const headers: Record<string, string> = Object.create(null);
  // Custom headers first, each skipped if hookwire owns the name: a hook stored before that
  // rule existed still cannot override the content type, the signatures or the framing.
  for (const { name, value } of job.headers) {
    const key = name.toLowerCase();
    if (!HOOKWIRE_HEADER_NAMES.has(key)) headers[key] = value;
  }
  headers[BASE_HEADERS.contentType] = 'application/json';
  headers[BASE_HEADERS.userAgent] = options.userAgent;
  const signatures = signDelivery({
    eventId: job.eventId,
    timestampSeconds: Math.floor(options.now.getTime() / 1000),
    body,
    keys: activeSigningKeys(job, options.now),
  });
  for (const [name, value] of Object.entries(signatures)) headers[name] = value;
  return {
    request: { url: job.url, headers, body, timeoutMs: options.timeoutMs },
    recorded: { url: redactUrl(job.url), headers: redactHeaders(headers), body },
  };
}

/** Headers as stored: signatures kept (they prove what was sent), credential-like values redacted. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const redacted: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(headers)) {
    redacted[name] = SECRET_NAME.test(name) && !OWN_HEADER_NAMES.has(name) ? REDACTED : value;
  }
  return redacted;
}

/** A URL as stored: query parameters with credential-like names redacted. */
export function redactUrl(url: string): string {
  if (!url.includes('?')) return url; // nothing to redact, and no URL to parse on every attempt
  try {
    const parsed = new URL(url);
    let changed = false;
    for (const name of [...parsed.searchParams.keys()]) {
      if (SECRET_NAME.test(name)) {
        parsed.searchParams.set(name, 'redacted');
        changed = true;
      }
    }
    return changed ? parsed.toString() : url;
  } catch {
    return url;
  }
}
