import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ApiKeyResolver } from '../auth/api-key.resolver';
import { ViewerResolver } from '../auth/viewer.resolver';
import { scopeAuthChecker } from '../auth/auth-checker';
import { DeliveryResolver } from '../deliveries/delivery.resolver';
import { OverviewResolver } from '../deliveries/overview.resolver';
import { EventFeedResolver } from '../events/event-feed.resolver';
import { EventResolver } from '../events/event.resolver';
import { DateTimeScalar } from '../graphql/scalars';
import { HookResolver } from '../hooks/hook.resolver';
import type { HookwirePubSub } from '../realtime/pubsub';

/** Every resolver class of the API. */
export const RESOLVERS = [HookResolver, EventResolver, EventFeedResolver, DeliveryResolver, ApiKeyResolver, ViewerResolver, OverviewResolver] as const;

/** Builds the executable schema; subscriptions read from `pubSub`. */
export async function buildHookwireSchema(pubSub: HookwirePubSub): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    pubSub,
    authChecker: scopeAuthChecker,
    authMode: 'error',
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    emitSchemaFile: false,
  });
}
