import { ResponseTooLargeError } from '../errors';

/**
 * How many bytes of large stored text (event payloads, attempt request and response bodies) one
 * answer may still carry: one per HTTP request, per WebSocket operation, and per event a
 * subscription delivers. Charged from the stored text's length before it is parsed or sent, so
 * a page that could carry hundreds of megabytes is cut short instead of built.
 */
export class ResponseBudget {
  private used = 0;
  private exhausted = false;

  constructor(
    /** `HOOKWIRE_MAX_RESPONSE_PAYLOAD_BYTES`. */
    readonly limit: number,
  ) {}

  /**
   * Takes `bytes` for one field, or throws a ResponseTooLargeError when they do not fit; once
   * one field did not fit, every later one fails too, so an answer is its first fields intact
   * and nulls after them, never a later small field in a gap. The first field of an answer
   * always fits, so every stored value can be read on its own whatever the limit.
   */
  charge(bytes: number): void {
    if (!this.exhausted && (this.used === 0 || this.used + bytes <= this.limit)) {
      this.used += bytes;
      return;
    }
    this.exhausted = true;
    throw new ResponseTooLargeError(this.limit);
  }
}
