import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EmitReadable } from '../auth/emit-readable';
import { JSONObjectScalar } from '../graphql/scalars';
import type { GraphQLContext } from '../graphql/context';
import { emitterOf } from './emitter';
import { toEventNode } from './event.mapping';
import { MAX_BATCH } from './event.service';
import { validateWaitFor } from './first-attempts';
import { CreateEventTypeInput, EmitEventInput, EventConnection, EventNode, EventsArgs, EventTypeNode } from './event.types';

/** Emitting, reading and following events, and the event catalogue. */
@Resolver(() => EventNode)
export class EventResolver {
  @Authorized('EMIT')
  @Mutation(() => EventNode, {
    description:
      'Stores an event and queues a delivery to every matching hook. With `waitFor` (at most 30s), answers once each ' +
      "delivery's first attempt is made (or the time is up): read them in `deliveries`.",
  })
  async emitEvent(
    @Arg('input', () => EmitEventInput) input: EmitEventInput,
    @Arg('waitFor', () => String, { nullable: true, description: 'A duration such as 2s: wait for the first attempts.' })
    waitFor: string | null,
    @Ctx() { services, principal }: GraphQLContext,
  ): Promise<EventNode> {
    const waitMs = waitFor ? validateWaitFor(waitFor) : 0;
    const event = await services.events.emit({ ...input, emitter: emitterOf(principal) });
    if (waitMs > 0) await services.firstAttempts.waitFor(event.id, waitMs);
    return toEventNode(event);
  }

  @Authorized('EMIT')
  @Mutation(() => [EventNode], {
    description: `Stores up to ${MAX_BATCH} events in one transaction, each validated as by emitEvent; one bad input rejects the batch.`,
  })
  async emitEvents(@Arg('inputs', () => [EmitEventInput]) inputs: EmitEventInput[], @Ctx() { services, principal }: GraphQLContext): Promise<EventNode[]> {
    const emitter = emitterOf(principal);
    return (await services.events.emitMany(inputs.map((input) => ({ ...input, emitter })))).map(toEventNode);
  }

  @EmitReadable()
  @FieldResolver(() => JSONObjectScalar)
  async payload(@Root() event: EventNode, @Ctx() { loaders }: GraphQLContext): Promise<Record<string, unknown>> {
    // An emitted or live event holds its payload already: what the request carried, or one event.
    return event.payload ?? loaders.payload(event.id);
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

  @Authorized('ADMIN')
  @Mutation(() => EventTypeNode, {
    description:
      'Deletes a custom event type and returns it. Refused for built-in types, and with EVENT_TYPE_IN_USE while a hook ' +
      'names it in its events. Stored events of the type stay.',
  })
  async deleteEventType(@Arg('name', () => String) name: string, @Ctx() { services }: GraphQLContext): Promise<EventTypeNode> {
    return services.eventTypes.delete(name);
  }
}
