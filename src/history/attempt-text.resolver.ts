import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { AttemptRequest, DeliveryAttemptNode } from './delivery.types';

const BUDGETED = 'Counts against HOOKWIRE_MAX_RESPONSE_PAYLOAD_BYTES per answer; past it, RESPONSE_TOO_LARGE.';

/**
 * The body an attempt sent (its event's payload in the envelope): read only when asked for,
 * a page at a time (rebuilt from its event where it was not stored), and charged to the
 * answer's budget from its size before it is read.
 */
@Resolver(() => AttemptRequest)
export class AttemptRequestResolver {
  @FieldResolver(() => String, { description: BUDGETED })
  body(@Root() request: AttemptRequest, @Ctx() { loaders }: GraphQLContext): Promise<string> {
    return loaders.requestBody(request.attemptId);
  }
}

/** The endpoint's stored answer: read as the body sent is. */
@Resolver(() => DeliveryAttemptNode)
export class AttemptResponseResolver {
  @FieldResolver(() => String, { nullable: true, description: `Truncated to HOOKWIRE_MAX_RESPONSE_BYTES. ${BUDGETED}` })
  responseBody(@Root() attempt: DeliveryAttemptNode, @Ctx() { loaders }: GraphQLContext): Promise<string | null> {
    return loaders.responseBody(attempt.id);
  }
}
