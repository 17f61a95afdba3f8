import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { toEventNode } from './event.mapping';
import { CreateEventTypeInput, EmitEventInput, EventConnection, EventNode, EventsArgs, EventTypeNode } from './event.types';

/** Emitting, reading and following events, and the event catalogue. */
@Resolver(() => EventNode)
export class EventResolver {
  @Authorized('EMIT')
  @Mutation(() => EventNode, { description: 'Stores an event and queues a delivery to every matching hook.' })
  async emitEvent(@Arg('input', () => EmitEventInput) input: EmitEventInput, @Ctx() { services }: GraphQLContext): Promise<EventNode> {
    return toEventNode(await services.events.emit(input));
  }

  @Authorized('READ')
  @Query(() => EventNode)
  async event(@Arg('id', () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<EventNode> {
    return toEventNode(await services.events.get(id));
  }

  @Authorized('READ')
  @Query(() => EventConnection, { description: 'Emitted events, newest first.' })
  async events(@Args(() => EventsArgs) args: EventsArgs, @Ctx() { services }: GraphQLContext): Promise<EventConnection> {
    return services.events.list(args, toEventNode);
  }

  @Authorized('READ')
  @Query(() => [EventTypeNode], { description: "Logto's event catalogue plus registered custom types." })
  async eventTypes(@Ctx() { services }: GraphQLContext): Promise<EventTypeNode[]> {
    return services.eventTypes.list();
  }

  @Authorized('ADMIN')
  @Mutation(() => EventTypeNode, { description: 'Registers a custom event type.' })
  async createEventType(
    @Arg('input', () => CreateEventTypeInput) input: CreateEventTypeInput,
    @Ctx() { services }: GraphQLContext,
  ): Promise<EventTypeNode> {
    return services.eventTypes.create(input.name, input.description ?? '');
  }
}
