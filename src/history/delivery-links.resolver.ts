import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { EmitReadable } from '../auth/emit-readable';
import { EventNode } from '../events/event.types';
import { PageArgs } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { HookNode } from '../hooks/hook.types';
import { DeliveriesArgs, DeliveryConnection } from './delivery.types';

// The `deliveries` fields of hooks and events live with the deliveries they read: hooks/ and
// events/ know nothing of delivery history, and history/ depends on them, not the reverse.

/** `Hook.deliveries`. */
@Resolver(() => HookNode)
export class HookDeliveriesResolver {
  @FieldResolver(() => DeliveryConnection, { description: 'Deliveries to this hook, newest first.' })
  async deliveries(
    @Root() hook: HookNode,
    @Args(() => DeliveriesArgs) args: DeliveriesArgs,
    @Ctx() { loaders }: GraphQLContext,
  ): Promise<DeliveryConnection> {
    return loaders.hookDeliveries(hook.id, args);
  }
}

/** `Event.deliveries`. */
@Resolver(() => EventNode)
export class EventDeliveriesResolver {
  @EmitReadable()
  @FieldResolver(() => DeliveryConnection, { description: 'Where the event went: one delivery per hook.' })
  async deliveries(
    @Root() event: EventNode,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { loaders }: GraphQLContext,
  ): Promise<DeliveryConnection> {
    return loaders.eventDeliveries(event.id, args);
  }
}
