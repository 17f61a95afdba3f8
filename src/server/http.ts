import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { bearerToken } from '../auth/key-secret';
import type { GraphQLContext } from '../graphql/context';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { createErrorFormatter } from './format-error';
import { LIMIT_RULES } from './limits';
import { attachWebSocketServer } from './ws';

/** GraphQL over HTTP and WebSocket on one port and path, plus the health endpoints. */
export interface HttpServer {
  server: Server;
  stop(): Promise<void>;
}

/** Liveness and readiness checks the HTTP server answers. */
export interface Probes {
  /** Resolves true when the process can do its work (database reachable, worker alive). */
  ready(): Promise<boolean>;
}

/** Builds and starts listening; resolves once the port is bound. */
export async function startHttpServer(options: {
  schema: GraphQLSchema | null;
  services: Services;
  logger: Logger;
  probes: Probes;
  port: number;
  host?: string;
}): Promise<HttpServer> {
  const { schema, services, logger, probes } = options;
  const app = express();
  app.disable('x-powered-by');
  const server = createServer(app);
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    const ready = await probes.ready().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
  });

  let apollo: ApolloServer<GraphQLContext> | undefined;
  if (schema) {
    const ws = attachWebSocketServer(server, '/graphql', schema, services, logger);
    apollo = new ApolloServer<GraphQLContext>({
      schema,
      formatError: createErrorFormatter(logger),
      validationRules: LIMIT_RULES,
      introspection: true,
      // main.ts owns SIGTERM: it stops claiming deliveries before the server goes away.
      stopOnTerminationSignals: false,
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer: server }),
        { serverWillStart: async () => ({ drainServer: () => ws.dispose() }) },
      ],
    });
    await apollo.start();
    // The body must fit the largest payload, JSON-escaped, plus the rest of the document.
    const bodyLimit = services.config.maxPayloadBytes * 2 + 64 * 1024;
    app.use(
      '/graphql',
      express.json({ limit: bodyLimit }),
      expressMiddleware(apollo, {
        context: async ({ req }): Promise<GraphQLContext> => {
          const secret = bearerToken(req.headers.authorization);
          const principal = secret ? await services.apiKeys.authenticate(secret) : null;
          const requestId = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
          return { principal, services, requestId };
        },
      }),
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    server,
    async stop() {
      if (apollo) await apollo.stop();
      else await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
