import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import { bearerToken } from '../auth/key-secret';
import { ConfigError } from '../config';
import type { GraphQLContext } from '../graphql/context';
import type { DatabaseOutage } from '../db/outage';
import { createLoaders } from '../history/loaders';
import type { Logger } from '../logger';
import { observabilityPlugin } from '../observability/apollo-plugin';
import type { Metrics } from '../observability/metrics';
import type { Services } from '../services';
import { mountConsole } from './console';
import { costLimitPlugin } from './cost-limit';
import { largeFieldWeights } from './field-weights';
import { createErrorFormatter } from './format-error';
import { introspectionGuardPlugin } from './introspection-guard';
import { LIMIT_RULES, PARSE_OPTIONS, requestSizeLimit } from './limits';
import { rejectUnstorableText } from './text-guard';
import { assignRequestId, mountProbes, requestIdOf } from './probes';
import { rethrowUnavailable, serviceUnavailablePlugin } from './unavailable';
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

/**
 * Answers a body express.json could not read in JSON with a code, as GraphQL clients expect,
 * rather than with express's default HTML page: 413 PAYLOAD_TOO_LARGE for a body over the
 * limit, the parser's 4xx with BAD_REQUEST for malformed JSON (or a bad charset, an aborted body).
 */
const bodyErrorHandler: ErrorRequestHandler = (error: { status?: number; type?: string; message?: string }, _req, res, next) => {
  const status = error.status ?? 500;
  // Only body-parser's errors carry a `type`; anything else is not ours to answer here.
  if (res.headersSent || error.type === undefined || status < 400 || status >= 500) return next(error);
  const tooLarge = error.type === 'entity.too.large';
  const message = tooLarge
    ? 'the request body is larger than the server accepts'
    : error.type === 'entity.parse.failed'
      ? `the request body is not valid JSON: ${error.message}`
      : String(error.message);
  res.status(status).json({ errors: [{ message, extensions: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] });
};

/** Builds and starts listening; resolves once the port is bound. */
export async function startHttpServer(options: {
  schema: GraphQLSchema | null;
  services: Services;
  logger: Logger;
  probes: Probes;
  metrics: Metrics;
  port: number;
  host?: string;
  /** Logs a database outage once, however many requests meet it. */
  outage?: DatabaseOutage;
}): Promise<HttpServer> {
  const { schema, services, logger, probes, metrics, outage } = options;
  const app = express();
  app.disable('x-powered-by');
  const server = createServer(app);
  mountProbes(app, probes, metrics);

  let apollo: ApolloServer<GraphQLContext> | undefined;
  let ws: ReturnType<typeof attachWebSocketServer> | undefined;
  if (schema) {
    apollo = new ApolloServer<GraphQLContext>({
      schema,
      formatError: createErrorFormatter(logger, outage),
      validationRules: LIMIT_RULES,
      parseOptions: PARSE_OPTIONS,
      // Open to every valid key, closed without one (introspectionGuardPlugin).
      introspection: true,
      // No `Did you mean "signingKey"?` in validation errors: it names the schema to callers without a key.
      hideSchemaDetailsFromClientErrors: true,
      // main.ts owns SIGTERM: it stops claiming deliveries before the server goes away.
      stopOnTerminationSignals: false,
      plugins: [
        // Nothing here sets cache hints; the default cache-control plugin would still wrap every field's resolution.
        ApolloServerPluginCacheControlDisabled(),
        ApolloServerPluginDrainHttpServer({ httpServer: server }),
        observabilityPlugin(metrics, logger),
        introspectionGuardPlugin(),
        costLimitPlugin(largeFieldWeights(services.limits)),
        serviceUnavailablePlugin(),
        { serverWillStart: async () => ({ drainServer: async () => ws?.dispose() }) },
      ],
    });
    await apollo.start();
    mountConsole(app);
    const bodyLimit = requestSizeLimit(services.limits.maxPayloadBytes);
    app.use(
      '/graphql',
      assignRequestId,
      express.json({ limit: bodyLimit }),
      rejectUnstorableText,
      expressMiddleware(apollo, {
        context: async ({ req }): Promise<GraphQLContext> => {
          const secret = bearerToken(req.headers.authorization);
          const principal = secret ? await services.apiKeys.authenticate(secret).catch(rethrowUnavailable(outage, 'graphql')) : null;
          // assignRequestId has checked (or replaced) the header.
          const requestId = requestIdOf(req.headers['x-request-id']);
          return { principal, services, loaders: createLoaders(services), requestId };
        },
      }),
    );
    app.use('/graphql', bodyErrorHandler);
  }

  try {
    await listen(server, options.port, options.host);
  } catch (error) {
    await apollo?.stop();
    throw error;
  }
  // Attached once the port is bound: the WebSocket server re-emits the http server's errors,
  // and graphql-ws prints a failed listen as an "internal error" with two stacks.
  if (schema) ws = attachWebSocketServer(server, '/graphql', schema, services, logger, metrics, outage);
  return {
    server,
    async stop() {
      if (apollo) await apollo.stop();
      else await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Binds the port; a port in use or an address not ours is the operator's setting, said in one line. */
async function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = host ? `${host}:${port}` : String(port);
      if (error.code === 'EADDRINUSE') reject(new ConfigError('PORT', `${where} is in use by another process; choose a free port (0 picks one)`));
      else if (error.code === 'EADDRNOTAVAIL') reject(new ConfigError('HOST', `${host} is not an address of this machine`));
      else if (error.code === 'EACCES') reject(new ConfigError('PORT', `${port} needs privileges this process lacks; choose a port above 1023`));
      else reject(error);
    });
    server.listen(port, host, () => resolve());
  });
}
