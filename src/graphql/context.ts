import type { AuthContext } from '../auth/auth-checker';
import type { Services } from '../services';
import type { Loaders } from '../history/loaders';

/** What every resolver receives: the caller, the services, the request's loaders, and an id for the logs. */
export interface GraphQLContext extends AuthContext {
  services: Services;
  loaders: Loaders;
  requestId: string;
}
