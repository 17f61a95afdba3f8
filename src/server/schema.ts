import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ApiKeyResolver } from '../api-keys/api-key.resolver';
import { ViewerResolver } from '../api-keys/viewer.resolver';
import { scopeAuthChecker } from '../auth/auth-checker';
import { closeFieldsToEmitKeys } from '../auth/emit-readable';
import { AttemptRequestResolver, AttemptResponseResolver } from '../history/attempt-text.resolver';
import { EventDeliveriesResolver, HookDeliveriesResolver } from '../history/delivery-links.resolver';
import { DeliveryResolver } from '../history/delivery.resolver';
import { OverviewResolver } from '../history/overview.resolver';
import { EventFeedResolver } from '../events/event-feed.resolver';
import { EventResolver } from '../events/event.resolver';
import { DateTimeScalar } from '../graphql/scalars';
import { HookHeaderResolver } from '../hooks/hook-header.resolver';
import { HookResolver } from '../hooks/hook.resolver';
import type { HookwirePubSub } from '../realtime/pubsub';

/** Every resolver class of the API. */
export const RESOLVERS = [
  HookResolver,
  HookDeliveriesResolver,
  HookHeaderResolver,
  EventResolver,
  EventDeliveriesResolver,
  EventFeedResolver,
  DeliveryResolver,
  AttemptRequestResolver,
  AttemptResponseResolver,
  ApiKeyResolver,
  ViewerResolver,
  OverviewResolver,
] as const;

/** Builds the executable schema; subscriptions read from `pubSub`. Fields not `@EmitReadable` need READ. */
export async function buildHookwireSchema(pubSub: HookwirePubSub): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    pubSub,
    authChecker: scopeAuthChecker,
    authMode: 'error',
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    emitSchemaFile: false,
  });
  return closeFieldsToEmitKeys(schema);
}
