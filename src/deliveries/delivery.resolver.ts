import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import type { AttemptMessage } from '../realtime/topics';
import { deliveryUpdateFromMessage, toAttemptNode, toDeliveryNode } from './delivery.mapping';
import { DeliveryAttemptNode, DeliveryNode, DeliveryUpdate } from './delivery.types';

/** Deliveries, their attempts, and the live attempt feed. */
@Resolver(() => DeliveryNode)
export class DeliveryResolver {
  @Authorized('READ')
  @Query(() => DeliveryNode)
  async delivery(@Arg('id', () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<DeliveryNode> {
    return toDeliveryNode(await services.deliveries.get(id));
  }

  @FieldResolver(() => [DeliveryAttemptNode], { description: 'Every attempt, first to last.' })
  async attempts(@Root() delivery: DeliveryNode, @Ctx() { services }: GraphQLContext): Promise<DeliveryAttemptNode[]> {
    return (await services.deliveries.attempts(delivery.id)).map(toAttemptNode);
  }

  @Authorized('READ')
  @Subscription(() => DeliveryUpdate, {
    topics: 'DELIVERY_UPDATED',
    filter: ({ payload, args }: { payload: AttemptMessage; args: { hookId?: string | null } }) =>
      !args.hookId || payload.hookId === args.hookId,
    description: "Each delivery attempt as it finishes; `hookId` narrows it to one hook's.",
  })
  deliveryUpdated(@Root() message: AttemptMessage, @Arg('hookId', () => ID, { nullable: true }) _hookId?: string | null): DeliveryUpdate {
    return deliveryUpdateFromMessage(message);
  }
}
