import { ConflictError } from '../errors';
import type { Event } from '../db/tables/event.entity';

/** The map key of an (emitter, idempotency key) pair: an emitter never holds NUL, so no two pairs share one. */
export function keyPair(emitter: string, idempotencyKey: string): string {
  return `${emitter}\u0000${idempotencyKey}`;
}

/** The error for an idempotency key its emitter used before with another input. */
export function reusedKey(existing: Event, prefix: string, field: string): ConflictError {
  const key = existing.idempotencyKey as string;
  // Echo a bounded piece of the key: enough to recognise it, not a long input back.
  const shown = key.length > 80 ? `${key.slice(0, 80)}…` : key;
  return new ConflictError(
    `${prefix}idempotencyKey "${shown}" was used for event ${existing.id} with another input; use a new key for a new event`,
    field,
  );
}
