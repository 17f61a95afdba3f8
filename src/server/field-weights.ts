import type { Config } from '../config';
import { payloadJsonOf } from '../events/payload-json';

/**
 * How many bytes of a text or JSON value count as one value of the query cost. A value of any
 * other field costs 1 whatever it holds; a field that can hold kilobytes costs what it can hold,
 * so a page of large payloads is not as cheap as a page of ids.
 */
export const BYTES_PER_COST = 1024;

/**
 * What a delivery body adds to its event's payload: `hookId`, `event` (at most 256 characters,
 * escaped at most 6 bytes each) and `createdAt` (request-builder.ts `deliveryBody`).
 */
export const ENVELOPE_BYTES = 2048;

/** The cost of one value of a field, by `Type.field`; a field missing here costs 1. */
export type FieldWeights = Readonly<Record<string, number>>;

/** The limits the large fields are held to: `HOOKWIRE_MAX_PAYLOAD_BYTES` and `HOOKWIRE_MAX_RESPONSE_BYTES`. */
export type SizeLimits = Pick<Config, 'maxPayloadBytes' | 'maxResponseBytes'>;

const weightOf = (bytes: number) => Math.max(1, Math.ceil(bytes / BYTES_PER_COST));

/**
 * The weights of the fields that can hold more than a few hundred bytes, from the running
 * limits: an event's payload (live events of the `events` subscription are `Event`s too), the
 * body an attempt sent (its payload in the delivery envelope), and the stored or tested answer
 * of an endpoint (read up to `HOOKWIRE_MAX_RESPONSE_BYTES`).
 */
export function largeFieldWeights(limits: SizeLimits): FieldWeights {
  const payload = weightOf(limits.maxPayloadBytes);
  const body = weightOf(limits.maxPayloadBytes + ENVELOPE_BYTES);
  const response = weightOf(limits.maxResponseBytes);
  return Object.freeze({
    'Event.payload': payload,
    'AttemptRequest.body': body,
    'DeliveryAttempt.responseBody': response,
    'TestHookResult.responseBody': response,
  });
}

/**
 * The weights below a mutation whose events echo `inputs` (`emitEvent`'s input, `emitEvents`'
 * inputs): an event's payload and the bodies sent of it weigh the inputs' payloads on average
 * (the list counts them once each, so the answer costs what the request carried), never more
 * than `weights` allow. An input that is not an object with a serialisable payload keeps
 * `weights`: the mutation refuses it.
 */
export function echoedWeights(weights: FieldWeights, inputs: readonly unknown[]): FieldWeights {
  let bytes = 0;
  for (const input of inputs) {
    const payload = typeof input === 'object' && input !== null ? (input as { payload?: unknown }).payload : undefined;
    if (typeof payload !== 'object' || payload === null) return weights;
    try {
      bytes += Buffer.byteLength(payloadJsonOf(payload), 'utf8');
    } catch {
      // Nested too deep to serialise: the mutation's validation refuses it.
      return weights;
    }
  }
  const average = inputs.length > 0 ? bytes / inputs.length : 0;
  const capped = (coordinate: string, weight: number) => Math.min(weight, weights[coordinate] ?? weight);
  return Object.freeze({
    ...weights,
    'Event.payload': capped('Event.payload', weightOf(average)),
    'AttemptRequest.body': capped('AttemptRequest.body', weightOf(average + ENVELOPE_BYTES)),
  });
}
