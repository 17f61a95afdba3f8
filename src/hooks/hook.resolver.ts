import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { validateGracePeriod } from './hook-validation';
import { toHookNode } from './hook.mapping';
import { CreateHookInput, HooksArgs, TestHookConfigInput, UpdateHookInput } from './hook.inputs';
import { HookConnection, HookExecutionStats, HookNode, TestHookResult } from './hook.types';

/** Managing hooks, and what each hook has delivered. */
@Resolver(() => HookNode)
export class HookResolver {
  @Authorized('READ')
  @Query(() => HookConnection, { description: 'Hooks, newest first.' })
  async hooks(@Args(() => HooksArgs) args: HooksArgs, @Ctx() { services }: GraphQLContext): Promise<HookConnection> {
    return services.hooks.list(args, toHookNode);
  }

  @Authorized('READ')
  @Query(() => HookNode)
  async hook(@Arg('id', () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<HookNode> {
    return toHookNode(await services.hooks.get(id));
  }

  @Authorized('ADMIN')
  @Mutation(() => HookNode, { description: 'Creates a hook with a new signing key.' })
  async createHook(@Arg('input', () => CreateHookInput) input: CreateHookInput, @Ctx() { services }: GraphQLContext): Promise<HookNode> {
    return toHookNode(await services.hooks.create(input));
  }

  @Authorized('ADMIN')
  @Mutation(() => HookNode, { description: 'Changes the given fields of a hook.' })
  async updateHook(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateHookInput) input: UpdateHookInput,
    @Ctx() { services }: GraphQLContext,
  ): Promise<HookNode> {
    return toHookNode(await services.hooks.update(id, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => ID, { description: 'Deletes a hook with its deliveries; returns its id.' })
  async deleteHook(@Arg('id', () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<string> {
    return services.hooks.delete(id);
  }

  @Authorized('ADMIN')
  @Mutation(() => HookNode, {
    description:
      'Replaces the signing key; the old one keeps signing beside it for `gracePeriod` (default 24h, at most 7d). `0s` ends every retired key as well.',
  })
  async regenerateSigningKey(
    @Arg('id', () => ID) id: string,
    @Arg('gracePeriod', () => String, { nullable: true, defaultValue: '24h', description: 'A duration such as 30m, 24h, 7d; 0s ends the old key and every retired key now.' })
    gracePeriod: string,
    @Ctx() { services }: GraphQLContext,
  ): Promise<HookNode> {
    return toHookNode(await services.hooks.regenerateSigningKey(id, validateGracePeriod(gracePeriod ?? '24h')));
  }

  @Authorized('ADMIN')
  @Mutation(() => HookNode, {
    description: 'Ends the grace period of every retired signing key now (say, one leaked); the current key stays.',
  })
  async endRetiredSigningKeys(@Arg('id', () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<HookNode> {
    return toHookNode(await services.hooks.endRetiredSigningKeys(id));
  }

  @Authorized('ADMIN')
  @Mutation(() => TestHookResult, {
    description:
      'Sends a signed sample payload for `event` now, with the stored signing key; nothing is stored. `config` tests unsaved settings (the console\'s form) in place of the stored ones.',
  })
  async testHook(
    @Arg('id', () => ID) id: string,
    @Arg('event', () => String) event: string,
    @Arg('config', () => TestHookConfigInput, { nullable: true }) config: TestHookConfigInput | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<TestHookResult> {
    return services.hookTests.test(id, event, config ?? {});
  }

  @FieldResolver(() => HookExecutionStats, { description: 'Attempts and successes in the last 24 hours.' })
  async executionStats(@Root() hook: HookNode, @Ctx() { loaders }: GraphQLContext): Promise<HookExecutionStats> {
    return loaders.executionStats(hook.id);
  }
}
