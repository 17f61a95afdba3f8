import type { AuthCheckerFn } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { Scope } from '../db/tables/api-key.entity';
import { hasScope, type Principal } from './principal';

/** What the auth checker needs from the GraphQL context. */
export interface AuthContext {
  principal: Principal | null;
}

/**
 * type-graphql's `@Authorized(scopes)` check: no key is UNAUTHENTICATED, a key without one
 * of the scopes is FORBIDDEN. `ADMIN` passes every check.
 */
export const scopeAuthChecker: AuthCheckerFn<AuthContext, Scope> = ({ context }, scopes) => {
  if (!context.principal) throw new UnauthenticatedError();
  if (!hasScope(context.principal, scopes)) throw new ForbiddenError(scopes);
  return true;
};
