import type { Server } from 'node:http';
import { specifiedRules, validate, type GraphQLError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { bearerToken } from '../auth/key-secret';
import type { Principal } from '../auth/principal';
import type { GraphQLContext } from '../graphql/context';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { createErrorFormatter } from './format-error';
import { LIMIT_RULES } from './limits';

/** Something to close when the server stops. */
export interface Disposable {
  dispose(): Promise<void>;
}

/**
 * Serves graphql-ws on the HTTP server's `path`. The API key in
 * `connectionParams.authorization` is checked before any subscription starts; a connection
 * without a valid one is closed with 4403.
 */
export function attachWebSocketServer(httpServer: Server, path: string, schema: GraphQLSchema, services: Services, logger: Logger): Disposable {
  const wsServer = new WebSocketServer({ server: httpServer, path });
  const principals = new WeakMap<object, Principal>();
  const formatError = createErrorFormatter(logger);
  const disposable = useServer(
    {
      schema,
      onConnect: async (ctx) => {
        const secret = bearerToken(ctx.connectionParams?.authorization);
        const principal = secret ? await services.apiKeys.authenticate(secret) : null;
        if (!principal) return false;
        principals.set(ctx, principal);
        return true;
      },
      context: (ctx): GraphQLContext => ({
        principal: principals.get(ctx) ?? null,
        services,
        requestId: `ws-${ctx.extra.request.headers['x-request-id'] ?? 'connection'}`,
      }),
      validate: (schemaToCheck, document) => validate(schemaToCheck, document, [...specifiedRules, ...LIMIT_RULES]),
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!('errors' in result) || !result.errors) return result;
        return { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) as unknown as GraphQLError[] };
      },
    },
    wsServer,
  );
  return {
    async dispose() {
      await disposable.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
