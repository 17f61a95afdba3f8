import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../graphql/connection';

/** What an API key may do. */
export enum ApiKeyScope {
  ADMIN = 'ADMIN',
  EMIT = 'EMIT',
  READ = 'READ',
}
registerEnumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description: 'ADMIN may do everything, EMIT only emitEvent, READ queries and subscriptions.',
});

/** An API key as listed: never its secret. */
@ObjectType('ApiKey')
export class ApiKeyNode {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [ApiKeyScope])
  scopes!: ApiKeyScope[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}

/** A page of API keys. */
@ObjectType()
export class ApiKeyConnection extends Connection(ApiKeyNode, 'ApiKey') {}

/** A new key and its secret, shown this once. */
@ObjectType()
export class CreatedApiKey {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <key>`. Not retrievable later.' })
  key!: string;

  @Field(() => ApiKeyNode)
  apiKey!: ApiKeyNode;
}

/** What `createApiKey` takes. */
@InputType()
export class CreateApiKeyInput {
  @Field(() => String)
  name!: string;

  @Field(() => [ApiKeyScope])
  scopes!: ApiKeyScope[];
}
