import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { AttemptRequest, DeliveryAttemptNode } from './delivery.types';

/** The body an attempt sent (its event's payload in the envelope), charged to the answer's budget. */
@Resolver(() => AttemptRequest)
export class AttemptRequestResolver {
  @FieldResolver(() => String)
  body(@Root() request: AttemptRequest, @Ctx() { loaders }: GraphQLContext): string {
    loaders.budget.charge(Buffer.byteLength(request.body, 'utf8'));
    return request.body;
  }
}

/** The endpoint's stored answer, charged to the answer's budget. */
@Resolver(() => DeliveryAttemptNode)
export class AttemptResponseResolver {
  @FieldResolver(() => String, { nullable: true })
  responseBody(@Root() attempt: DeliveryAttemptNode, @Ctx() { loaders }: GraphQLContext): string | null {
    if (attempt.responseBody !== null) loaders.budget.charge(Buffer.byteLength(attempt.responseBody, 'utf8'));
    return attempt.responseBody;
  }
}
