import type { Server } from 'node:http';
import { getOperationAST, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { bearerToken } from '../auth/key-secret';
import type { Principal } from '../auth/principal';
import type { GraphQLContext } from '../graphql/context';
import { createLoaders } from '../graphql/loaders';
import type { Logger } from '../logger';
import type { Metrics } from '../observability/metrics';
import { SUBSCRIBER_BUFFER } from '../realtime/pubsub';
import type { Services } from '../services';
import { costRefusal } from './cost-limit';
import { createDirectNext } from './direct-next';
import { createResultFormatter } from './format-error';
import { LIMIT_RULES } from './limits';
import { watchRevocations } from './revocation';
import { createSharedSubscriptions } from './shared-subscriptions';

/** Something to close when the server stops. */
export interface Disposable {
  dispose(): Promise<void>;
}

/**
 * Serves graphql-ws on the HTTP server's `path`. The API key in
 * `connectionParams.authorization` is checked when the connection opens (a connection without
 * a valid one is closed with 4403) and again before each subscription starts; revoking the
 * key closes its open connections (4403 "API key revoked", see revocation.ts). Every operation
 * passes the limits HTTP applies (LIMIT_RULES, then the cost limit with its variables). Identical
 * subscriptions of callers with the same key share one execution per event
 * (`createSharedSubscriptions`), and a subscriber keeping up gets each result's `next`
 * written straight to its socket (`createDirectNext`). Live subscriptions are counted in
 * `metrics`.
 */
export function attachWebSocketServer(
  httpServer: Server,
  path: string,
  schema: GraphQLSchema,
  services: Services,
  logger: Logger,
  metrics: Metrics,
): Disposable {
  const wsServer = new WebSocketServer({ server: httpServer, path });
  // The key each accepted connection presented: re-checked for every subscription it starts,
  // so a key revoked while its socket stays open cannot start new ones.
  const secrets = new WeakMap<object, string>();
  // Subscriptions counted as live, per connection. Counted once streaming (onOperation), not
  // on onSubscribe: one that fails validation or execution never reaches onComplete.
  const live = new WeakMap<object, Set<string>>();
  const ended = (ctx: object, id: string) => {
    if (live.get(ctx)?.delete(id)) metrics.subscriptionEnded();
  };
  const formatResult = createResultFormatter(logger);
  const directNext = createDirectNext(formatResult);
  const shared = createSharedSubscriptions({
    // A resolver may read the caller from the context; nothing else in it differs between subscribers.
    contextKey: (context) => principalKey((context as GraphQLContext).principal),
    bufferSize: SUBSCRIBER_BUFFER,
  });
  // A revoked key's connections are closed (4403 "API key revoked") on every api process.
  const revocations = watchRevocations(services.pubSub, (keyId) => services.apiKeys.forget(keyId));
  const authenticate = async (secret: string | undefined): Promise<Principal | null> =>
    secret ? services.apiKeys.authenticate(secret) : null;
  const disposable = useServer(
    {
      schema,
      onConnect: async (ctx) => {
        const secret = bearerToken(ctx.connectionParams?.authorization);
        const principal = await authenticate(secret);
        if (!secret || !principal || !revocations.admit(principal.keyId, ctx.extra.socket)) return false;
        secrets.set(ctx, secret);
        return true;
      },
      context: async (ctx): Promise<GraphQLContext> => ({
        principal: await authenticate(secrets.get(ctx)),
        services,
        loaders: createLoaders(services),
        requestId: `ws-${ctx.extra.request.headers['x-request-id'] ?? 'connection'}`,
      }),
      // Parsed and validated here rather than by graphql-ws, because the cost limit needs the
      // variables, which graphql-ws's `validate` does not see. A parse error throws as before.
      onSubscribe: (_ctx, _id, payload) => {
        const document = parse(payload.query);
        const errors = validate(schema, document, [...specifiedRules, ...LIMIT_RULES]);
        if (errors.length > 0) return errors;
        const operation = getOperationAST(document, payload.operationName);
        const refusal = operation && costRefusal(schema, document, operation, payload.variables);
        if (refusal) return [refusal];
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      subscribe: (args) => shared.subscribe(args),
      onOperation: (ctx, id, _payload, _args, result) => {
        if (!isAsyncIterable(result)) return;
        live.set(ctx, (live.get(ctx) ?? new Set()).add(id));
        metrics.subscriptionStarted();
        shared.bypass(result, directNext(ctx.extra.socket, id));
      },
      onComplete: (ctx, id) => ended(ctx, id),
      // A socket that drops can end a stream without onComplete (its last send fails): sweep.
      onClose: (ctx) => {
        for (const id of live.get(ctx) ?? []) ended(ctx, id);
      },
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(result),
    },
    wsServer,
  );
  return {
    async dispose() {
      await revocations.dispose();
      await disposable.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}

function principalKey(principal: Principal | null): string {
  return principal ? `${principal.keyId}:${principal.scopes.join(',')}` : '';
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
