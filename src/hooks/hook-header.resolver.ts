import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { visibleHeaderValue } from './header-visibility';
import { HookHeaderNode } from './hook.types';

/**
 * Every header value the API returns, a hook's (`Hook.headers`) or a recorded attempt's
 * (`DeliveryAttempt.request.headers`), passes here: the one place that decides who reads it.
 */
@Resolver(() => HookHeaderNode)
export class HookHeaderResolver {
  @FieldResolver(() => String)
  value(@Root() header: HookHeaderNode, @Ctx() { principal }: GraphQLContext): string {
    return visibleHeaderValue(principal, header.name, header.value);
  }
}
