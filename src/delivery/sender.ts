import type { SendResult } from './outcome';

/**
 * One signed POST, ready to go: the dispatcher builds it, a {@link Sender} sends it.
 * `body` is the exact string that was signed; it is sent byte for byte.
 */
export interface OutgoingRequest {
  /** Absolute `http:` or `https:` URL of the hook's endpoint. */
  url: string;
  /** Every header to send (content type, user agent, signatures, custom headers). */
  headers: Record<string, string>;
  /** The serialised payload, sent as is. */
  body: string;
  /** Whole-request deadline in milliseconds: connect + response headers + body. */
  timeoutMs: number;
}

/**
 * Sends one webhook attempt. The dispatcher depends on this interface only, so tests
 * can hand it a small fake.
 *
 * Contract: `send` always resolves; an endpoint's error status, a timeout, a refused
 * connection or a blocked target are {@link SendResult} values, never rejections.
 */
export interface Sender {
  /** POSTs `request` once (no redirects followed, no automatic retry). */
  send(request: OutgoingRequest): Promise<SendResult>;
  /** Lets in-flight requests finish, then closes pooled connections. */
  close(): Promise<void>;
}

