import { hasScope, type Principal } from '../auth/principal';
import { OWN_HEADER_NAMES, REDACTED } from '../delivery/request-builder';

/**
 * A header value as `principal` may read it. A hook's custom header values are credentials
 * (`Authorization: Bearer …`, API keys, tenant secrets): only ADMIN keys read them, as they
 * alone read the signing key; everyone else reads `[redacted]`, the text recorded attempts
 * already hold for credential-like names. The headers hookwire sets itself (content type,
 * user agent, signatures, `webhook-id`, `webhook-timestamp`) stay readable in attempts.
 */
export function visibleHeaderValue(principal: Principal | null, name: string, value: string): string {
  if (principal !== null && hasScope(principal, ['ADMIN'])) return value;
  return OWN_HEADER_NAMES.has(name.toLowerCase()) ? value : REDACTED;
}
