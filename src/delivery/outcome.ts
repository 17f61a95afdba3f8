/**
 * What one HTTP attempt ended as. Endpoint failures are outcomes, not exceptions.
 *
 * - `success`: a 2xx answer within the deadline.
 * - `http-error`: any other status (3xx included: redirects are never followed).
 *   `retryAfterMs` is set only for 429 and 503 answers carrying a valid `Retry-After`.
 * - `timeout`: the whole-request deadline (connect + headers + body) ran out.
 * - `network`: the connection failed; `code` is the errno or undici code
 *   (`ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`, `UND_ERR_SOCKET`, ...).
 * - `blocked`: nothing was sent: the URL is invalid, or the target address is private.
 *   Retried only briefly (see `MAX_BLOCKED_ATTEMPTS` in retry-policy.ts).
 *
 * `body` is the response body as text, truncated to the sender's byte cap.
 */
export type AttemptOutcome =
  | { kind: 'success'; status: number; body: string }
  | { kind: 'http-error'; status: number; body: string; retryAfterMs?: number }
  | { kind: 'timeout'; message: string }
  | { kind: 'network'; code: string; message: string }
  | { kind: 'blocked'; message: string };

/** An outcome plus the wall-clock time the attempt took, in whole milliseconds. */
export type SendResult = AttemptOutcome & { durationMs: number };

/** The kind of error an attempt ended with, as recorded on a delivery attempt. */
export type AttemptErrorKind = 'timeout' | 'network' | 'blocked' | 'http';

/**
 * The error class of an outcome: `null` for a success, `'http'` for a non-2xx answer,
 * otherwise the outcome's own kind.
 */
export function errorKindOf(outcome: AttemptOutcome): AttemptErrorKind | null {
  switch (outcome.kind) {
    case 'success':
      return null;
    case 'http-error':
      return 'http';
    case 'timeout':
    case 'network':
    case 'blocked':
      return outcome.kind;
    default:
      return assertNever(outcome);
  }
}

/**
 * A one-line human description of an outcome, suitable for `Delivery.lastError` and
 * logs; for example `HTTP 503`, `timeout: request timed out after 10000 ms`,
 * `network ECONNREFUSED: connect ECONNREFUSED 10.1.2.3:443`,
 * `blocked: target address 127.0.0.1 is private (loopback)`.
 */
export function describeOutcome(outcome: AttemptOutcome): string {
  switch (outcome.kind) {
    case 'success':
    case 'http-error':
      return `HTTP ${outcome.status}`;
    case 'timeout':
      return `timeout: ${outcome.message}`;
    case 'network':
      return `network ${outcome.code}: ${outcome.message}`;
    case 'blocked':
      return `blocked: ${outcome.message}`;
    default:
      return assertNever(outcome);
  }
}

/**
 * The error text of an attempt, the one stored on it and shown everywhere (the attempt log,
 * the live feed, `Delivery.lastError`, operational events): null for a success.
 */
export function errorTextOf(outcome: AttemptOutcome): string | null {
  return outcome.kind === 'success' ? null : describeOutcome(outcome);
}

/** Ends an exhaustive `switch`: fails to compile when a case is missing. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

/** The endpoint's answer, when there was one (a success or an HTTP error); null otherwise. */
export function responseOf(outcome: AttemptOutcome): { status: number; body: string } | null {
  return outcome.kind === 'success' || outcome.kind === 'http-error' ? { status: outcome.status, body: outcome.body } : null;
}
