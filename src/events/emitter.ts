import type { Principal } from '../auth/principal';
import { UnauthenticatedError } from '../errors';

/**
 * The emitter hookwire records for its own operational events. API key ids are `key_…` and
 * HOOKWIRE_ADMIN_KEY is `env`, so no caller can emit as hookwire.
 */
export const INTERNAL_EMITTER = 'hookwire';

/**
 * Who an event is recorded as emitted by: the caller's API key id (`env` for
 * HOOKWIRE_ADMIN_KEY). Idempotency keys are unique per emitter, so two keys never share one.
 */
export function emitterOf(principal: Principal | null): string {
  // Emitting is @Authorized, so a principal is always there; this keeps the type honest.
  if (!principal) throw new UnauthenticatedError();
  return principal.keyId;
}
