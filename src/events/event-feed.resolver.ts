import { Arg, Authorized, Resolver, Root, Subscription } from 'type-graphql';
import type { EventMessage } from '../realtime/topics';
import { eventNodeFromMessage } from './event.mapping';
import { feedSelects } from './event.service';
import { EventNode } from './event.types';

/** The live feed: every emitted event, as it commits. */
@Resolver()
export class EventFeedResolver {
  @Authorized('READ')
  @Subscription(() => EventNode, {
    topics: 'EVENT_EMITTED',
    filter: ({ payload, args }: { payload: EventMessage; args: { types?: string[] | null } }) => feedSelects(args.types, payload.event),
    description: 'Every emitted event, live; `types` takes exact names or patterns (`User.*`).',
  })
  events(@Root() message: EventMessage, @Arg('types', () => [String], { nullable: true }) _types?: string[] | null): EventNode {
    return eventNodeFromMessage(message);
  }
}
