import { Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { UnauthenticatedError } from '../errors';
import type { GraphQLContext } from '../graphql/context';
import { ApiKeyScope } from './api-key.types';
import { EmitReadable } from '../auth/emit-readable';

/** The key a request is made with: what a client (the console) may show and do. Every key may read its own. */
@ObjectType()
export class Viewer {
  @EmitReadable()
  @Field(() => ID, { description: 'The key\'s id, or `env` for HOOKWIRE_ADMIN_KEY.' })
  keyId!: string;

  @EmitReadable()
  @Field(() => String)
  name!: string;

  @EmitReadable()
  @Field(() => [ApiKeyScope])
  scopes!: ApiKeyScope[];
}

/** `viewer`: open to every valid key, EMIT included, so a client can tell what its key may do. */
@Resolver()
export class ViewerResolver {
  @Query(() => Viewer, { description: 'The API key of this request and its scopes; any valid key may ask.' })
  viewer(@Ctx() { principal }: GraphQLContext): Viewer {
    if (!principal) throw new UnauthenticatedError();
    return { keyId: principal.keyId, name: principal.name, scopes: principal.scopes.map((scope) => ApiKeyScope[scope]) };
  }
}
