import { filter, pipe } from '@graphql-yoga/subscription';
import { Arg, Authorized, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import type { EventMessage } from '../realtime/topics';
import { eventNodeFromMessage } from './event.mapping';
import { feedSelects } from './event.service';
import { EventNode } from './event.types';

/**
 * Opens one subscriber's feed. `types` is validated as a hook's `events` (BAD_USER_INPUT for a
 * name or pattern the catalogue does not know) before anything is subscribed; omitted or
 * empty, the feed carries every event.
 */
async function subscribeToEvents({
  args,
  context,
}: SubscribeResolverData<unknown, { types?: string[] | null }, GraphQLContext>): Promise<AsyncIterable<EventMessage>> {
  const { eventTypes, pubSub } = context.services;
  const types = args.types?.length ? await eventTypes.validateSelection(args.types, 'types') : null;
  return pipe(
    pubSub.subscribe('EVENT_EMITTED'),
    filter((message: EventMessage) => feedSelects(types, message.event)),
  );
}

/** The live feed: every emitted event, as it commits. */
@Resolver()
export class EventFeedResolver {
  @Authorized('READ')
  @Subscription(() => EventNode, {
    subscribe: subscribeToEvents,
    description: 'Every emitted event, live; `types` takes exact names or patterns (`User.*`), validated as a hook\'s `events`.',
  })
  events(@Root() message: EventMessage, @Arg('types', () => [String], { nullable: true }) _types?: string[] | null): EventNode {
    return eventNodeFromMessage(message);
  }
}
