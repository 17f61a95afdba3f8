import type { AuthContext } from '../auth/auth-checker';
import type { Services } from '../services';

/** What every resolver receives: the caller, the services, and an id for the logs. */
export interface GraphQLContext extends AuthContext {
  services: Services;
  requestId: string;
}
