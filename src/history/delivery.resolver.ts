import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { EmitReadable } from '../auth/emit-readable';
import type { GraphQLContext } from '../graphql/context';
import type { AttemptMessage } from '../realtime/topics';
import { deliveryUpdateFromMessage, toAttemptNode, toDeliveryNode } from './delivery.mapping';
import { AllDeliveriesArgs, DeliveryAttemptNode, DeliveryConnection, DeliveryNode, DeliveryUpdate } from './delivery.types';

/** Deliveries, their attempts, and the live attempt feed. */
@Resolver(() => DeliveryNode)
export class DeliveryResolver {
  @Authorized('READ')
  @Query(() => DeliveryNode)
  async delivery(@Arg('id', () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<DeliveryNode> {
    return toDeliveryNode(await services.deliveries.get(id));
  }

  @Authorized('READ')
  @Query(() => DeliveryConnection, {
    description: 'Every delivery, newest first, across hooks or for one: by status, event type or pattern, and creation time.',
  })
  async deliveries(@Args(() => AllDeliveriesArgs) args: AllDeliveriesArgs, @Ctx() { services }: GraphQLContext): Promise<DeliveryConnection> {
    const events = args.event ? await services.eventTypes.validateSelection([args.event], 'event') : null;
    return services.deliveries.list({ ...args, events }, toDeliveryNode);
  }

  @Authorized('ADMIN')
  @Mutation(() => DeliveryNode, { description: "A new round of attempts for a delivery, whatever its status, signed with the hook's current key." })
  async redeliver(@Arg('deliveryId', () => ID) deliveryId: string, @Ctx() { services }: GraphQLContext): Promise<DeliveryNode> {
    return toDeliveryNode(await services.deliveries.redeliver(deliveryId));
  }

  @Authorized('ADMIN')
  @Mutation(() => Int, { description: "Re-queues a hook's FAILED and SKIPPED deliveries created in [since, until]; returns how many." })
  async recoverFailedDeliveries(
    @Arg('hookId', () => ID) hookId: string,
    @Arg('since', () => Date) since: Date,
    @Arg('until', () => Date, { nullable: true, description: 'Default: now.' }) until: Date | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<number> {
    return services.deliveries.recoverFailed(hookId, since, until ?? new Date());
  }

  @Authorized('ADMIN')
  @Mutation(() => DeliveryNode, { description: 'Delivers a stored event to a hook that did not get it (or again, if it did).' })
  async replayEvent(
    @Arg('eventId', () => ID) eventId: string,
    @Arg('hookId', () => ID) hookId: string,
    @Ctx() { services }: GraphQLContext,
  ): Promise<DeliveryNode> {
    return toDeliveryNode(await services.deliveries.replayEvent(eventId, hookId));
  }

  @EmitReadable()
  @FieldResolver(() => [DeliveryAttemptNode], { description: 'Every attempt, first to last.' })
  async attempts(@Root() delivery: DeliveryNode, @Ctx() { loaders }: GraphQLContext): Promise<DeliveryAttemptNode[]> {
    return (await loaders.attempts(delivery.id)).map(toAttemptNode);
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
