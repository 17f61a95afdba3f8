import type { Scope } from '../db/tables/api-key.entity';

/** Who is calling: the API key behind a request or a WebSocket connection. */
export interface Principal {
  /** The key's id, or `env` for `HOOKWIRE_ADMIN_KEY`. */
  keyId: string;
  name: string;
  scopes: readonly Scope[];
}

/** True when the principal may do what needs any one of `needed` (`ADMIN` may do everything). */
export function hasScope(principal: Principal, needed: readonly Scope[]): boolean {
  return principal.scopes.includes('ADMIN') || needed.some((scope) => principal.scopes.includes(scope));
}
