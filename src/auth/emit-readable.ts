import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { Extensions } from 'type-graphql';
import { ForbiddenError } from '../errors';
import type { AuthContext } from './auth-checker';
import { hasScope, type Principal } from './principal';

// The field extension that marks what a key with only the EMIT scope may read.
const EMIT_READABLE = 'emitReadable';

/**
 * Marks a field of an object type as readable by EMIT keys: what they may read back of what
 * they emitted (the event, each delivery's status and outcome). Every unmarked field needs
 * READ (or ADMIN), so a field added later is closed to EMIT keys until someone opens it here.
 */
export function EmitReadable() {
  return Extensions({ [EMIT_READABLE]: true });
}

/** True when the principal may read past what `@EmitReadable` opens: READ and ADMIN keys. */
export function mayReadAll(principal: Principal | null): boolean {
  return principal !== null && hasScope(principal, ['READ']);
}

/**
 * Puts the READ check on every field of every object type not marked `@EmitReadable`. Root
 * fields keep their own `@Authorized` scopes. The check is synchronous and runs before the
 * field's resolver, so an EMIT key asking for `Delivery.hookId` gets FORBIDDEN and no
 * database read happens for it.
 */
export function closeFieldsToEmitKeys(schema: GraphQLSchema): GraphQLSchema {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || roots.has(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.extensions[EMIT_READABLE] === true) continue;
      const resolve: GraphQLFieldResolver<unknown, AuthContext> = field.resolve ?? defaultFieldResolver;
      const name = `${type.name}.${field.name}`;
      field.resolve = (source, args, context: AuthContext, info) => {
        if (!mayReadAll(context.principal)) throw new ForbiddenError(['READ'], name);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
