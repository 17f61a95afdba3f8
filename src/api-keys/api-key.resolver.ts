import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import type { ApiKey } from '../db/tables/api-key.entity';
import { ApiKeyConnection, ApiKeyNode, ApiKeyScope, CreateApiKeyInput, CreatedApiKey } from './api-key.types';

function toApiKeyNode(key: ApiKey): ApiKeyNode {
  return {
    id: key.id,
    name: key.name,
    scopes: key.scopes.map((scope) => ApiKeyScope[scope]),
    createdAt: key.createdAt,
    revokedAt: key.revokedAt ?? null,
  };
}

/** API-key management, for admin keys only. */
@Resolver(() => ApiKeyNode)
export class ApiKeyResolver {
  @Authorized('ADMIN')
  @Mutation(() => CreatedApiKey, { description: 'Creates a key; its secret is in the answer and nowhere else.' })
  async createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() { services }: GraphQLContext): Promise<CreatedApiKey> {
    const { secret, apiKey } = await services.apiKeys.create(input.name, input.scopes);
    return { key: secret, apiKey: toApiKeyNode(apiKey) };
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiKeyNode, {
    description:
      'Revokes a key: requests with it fail from now on and its WebSocket connections are closed (4403). The last active ADMIN key is refused (CONFLICT) unless HOOKWIRE_ADMIN_KEY is set.',
  })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<ApiKeyNode> {
    return toApiKeyNode(await services.apiKeys.revoke(id));
  }

  @Authorized('ADMIN')
  @Query(() => ApiKeyConnection)
  async apiKeys(@Args(() => PageArgs) args: PageArgs, @Ctx() { services }: GraphQLContext): Promise<ApiKeyConnection> {
    return services.apiKeys.list(args, toApiKeyNode);
  }
}
