import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { WebSocketServer, type ServerOptions } from 'ws';
import { bearerToken } from '../auth/key-secret';
import type { Principal } from '../auth/principal';
import type { DatabaseOutage } from '../db/outage';
import { ServiceUnavailableError } from '../errors';
import type { GraphQLContext } from '../graphql/context';
import { createLoaders } from '../history/loaders';
import type { Logger } from '../logger';
import type { Metrics } from '../observability/metrics';
import { SUBSCRIBER_BUFFER } from '../realtime/pubsub';
import type { Services } from '../services';
import { createDirectNext } from './direct-next';
import { largeFieldWeights } from './field-weights';
import { createErrorFormatter, createResultFormatter } from './format-error';
import { LIMIT_RULES, requestSizeLimit } from './limits';
import { requestIdOf } from './probes';
import { watchRevocations } from './revocation';
import { createSharedSubscriptions, shareKey } from './shared-subscriptions';
import { createSocketSend } from './socket-limits';
import { createSubscriptionBudget, TOO_MANY_CONNECTIONS_CLOSE } from './subscription-budget';
import { rethrowUnavailable } from './unavailable';
import { CloseConnection, serveGraphqlWs } from './ws-adapter';
import { createOnSubscribe, type AdmitOperation } from './ws-subscribe';
import { isAsyncIterable } from '../util/async-iterable';

/**
 * What a connection is closed with when the database is unavailable while its key is looked
 * up: 1013 (Try Again Later), which graphql-ws's client retries, unlike 4500.
 */
const TRY_AGAIN_LATER = { code: 1013, reason: 'Try again later' } as const;
/** Why a connection without a valid API key is closed (with graphql-ws's 4403 Forbidden). */
const FORBIDDEN_REASON = 'Forbidden: a valid API key is required';
/**
 * How long a closed socket's peer has to answer the close before it is cut (ws's default is
 * 30 s). A client closed for reading too slowly sees the close frame only after its unsent
 * bytes, which stay in memory until then: a third of the default frees them sooner.
 */
const CLOSE_TIMEOUT_MS = 10_000;

/** Something to close when the server stops. */
export interface Disposable {
  dispose(): Promise<void>;
}

/**
 * Serves graphql-ws on the HTTP server's `path`. The API key in
 * `connectionParams.authorization` is checked when the connection opens (a connection without
 * a valid one is closed with 4403 and `FORBIDDEN_REASON`) and again before each subscription
 * starts; revoking the key closes its open connections (4403 "API key revoked", see
 * revocation.ts). Every operation passes the limits HTTP applies (LIMIT_RULES, then the cost
 * limit with its variables). A frame larger than the HTTP body limit is refused with 1009 on its announced
 * length, before any of it is read; a document that does not parse or validate gets an
 * `error` message for its id with the code Apollo uses over HTTP, and the socket stays open;
 * a client more than `HOOKWIRE_MAX_UNSENT_BYTES` behind is closed with 4008
 * (`socket-limits.ts`). Identical subscriptions of callers with the same key share one
 * execution per event (`createSharedSubscriptions`), and a subscriber keeping up gets each
 * result's `next` written straight to its socket (`createDirectNext`). Live subscriptions
 * are counted in `metrics`. Each key's connections, live subscriptions and their summed cost are
 * bounded per process (subscription-budget.ts): a connection over the bound is closed with
 * 4429, a subscription over it refused for its id (`TOO_MANY_SUBSCRIPTIONS`, `QUERY_TOO_COSTLY`).
 */
export function attachWebSocketServer(
  httpServer: Server,
  path: string,
  schema: GraphQLSchema,
  services: Services,
  logger: Logger,
  metrics: Metrics,
  outage?: DatabaseOutage,
): Disposable {
  const { limits } = services;
  // ws reads `closeTimeout` (since 8.18); @types/ws does not list it yet.
  const wsOptions: ServerOptions & { closeTimeout: number } = {
    server: httpServer,
    path,
    maxPayload: requestSizeLimit(limits.maxPayloadBytes),
    closeTimeout: CLOSE_TIMEOUT_MS,
  };
  const wsServer = new WebSocketServer(wsOptions);
  const send = createSocketSend(limits.maxUnsentBytes, (socket) => {
    metrics.slowSocketClosed();
    logger.warn({ unsentBytes: socket.bufferedAmount }, 'closed a WebSocket client that fell too far behind (4008)');
  });
  // The key each accepted connection presented: re-checked for every subscription it starts,
  // so a key revoked while its socket stays open cannot start new ones.
  const secrets = new WeakMap<object, string>();
  // The key id each accepted connection is charged to (subscription-budget.ts).
  const keyIds = new WeakMap<object, string>();
  const budget = createSubscriptionBudget({ connectionsPerKey: limits.maxConnectionsPerKey, subscriptionsPerKey: limits.maxSubscriptionsPerKey });
  const weights = largeFieldWeights(limits);
  // Charged when it passes every other check and given back on onComplete or onClose, which
  // graphql-ws calls for every operation onSubscribe let run (or the socket closes with 4500).
  const chargeSubscription: AdmitOperation = (ctx, id, { document, operation, variables, cost }) => {
    const keyId = keyIds.get(ctx);
    if (operation.operation !== 'subscription' || keyId === undefined) return null;
    const group = shareKey({ document, operationName: operation.name?.value, variableValues: variables });
    return budget.reserve(keyId, ctx, id, cost, group);
  };
  // Subscriptions counted as live, per connection. Counted once streaming (onOperation), not
  // on onSubscribe: one that fails validation or execution never reaches onComplete.
  const live = new WeakMap<object, Set<string>>();
  const ended = (ctx: object, id: string) => {
    if (live.get(ctx)?.delete(id)) metrics.subscriptionEnded();
  };
  // A database outage met by a subscription is logged once with the rest of it (outage.ts).
  const formatResult = createResultFormatter(logger, outage);
  const formatError = createErrorFormatter(logger, outage);
  const directNext = createDirectNext(formatResult, send);
  const shared = createSharedSubscriptions({
    // A resolver may read the caller from the context; nothing else in it differs between subscribers.
    contextKey: (context) => principalKey((context as GraphQLContext).principal),
    bufferSize: SUBSCRIBER_BUFFER,
    eventContext: (context) => ({ ...(context as GraphQLContext), loaders: createLoaders(services) }),
  });
  // A revoked key's connections are closed (4403 "API key revoked") on every api process.
  // A revocation made here closes them at once, whatever became of its KEY_REVOKED message; a
  // lost one from elsewhere is found when the feed reconnects, or by the periodic sweep.
  const revocations = watchRevocations(services.pubSub, (keyId) => services.apiKeys.forget(keyId), {
    revokedAmong: (keyIds) => services.apiKeys.revokedAmong(keyIds),
    onReconnect: services.onLiveFeedReconnect,
    onSweepFailed: (error) => logger.warn({ err: error }, 'could not look up revoked API keys; the next sweep tries again'),
  });
  const stopRevokedHere = services.apiKeys.onRevoked((keyId) => revocations.revoke(keyId));
  // A database outage met looking the key up is reported to `outage` (logged once for the
  // whole outage) and thrown as ServiceUnavailableError, which each caller answers.
  const authenticate = async (secret: string | undefined): Promise<Principal | null> =>
    secret ? services.apiKeys.authenticate(secret).catch(rethrowUnavailable(outage, 'graphql-ws')) : null;
  const checkOperation = createOnSubscribe(schema, LIMIT_RULES, weights, chargeSubscription);
  const disposable = serveGraphqlWs(
    {
      schema,
      onConnect: async (ctx) => {
        const secret = bearerToken(ctx.connectionParams?.authorization);
        let principal: Principal | null;
        try {
          principal = await authenticate(secret);
        } catch (error) {
          if (error instanceof ServiceUnavailableError) throw new CloseConnection(TRY_AGAIN_LATER.code, TRY_AGAIN_LATER.reason);
          throw error;
        }
        // A socket that closed during the lookup has emitted 'close' already: the handlers that
        // give back its connection count and revocation entry would never run.
        if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
        if (!secret || !principal || !revocations.admit(principal.keyId, ctx.extra.socket)) {
          throw new CloseConnection(CloseCode.Forbidden, FORBIDDEN_REASON);
        }
        if (!budget.connect(principal.keyId)) {
          throw new CloseConnection(TOO_MANY_CONNECTIONS_CLOSE.code, TOO_MANY_CONNECTIONS_CLOSE.reason);
        }
        ctx.extra.socket.once('close', () => budget.disconnect(principal.keyId));
        secrets.set(ctx, secret);
        keyIds.set(ctx, principal.keyId);
        return true;
      },
      // The context is built here rather than in graphql-ws's `context` hook, whose errors close
      // the whole socket (4500): an outage met re-checking the key refuses this operation alone
      // (SERVICE_UNAVAILABLE). It comes before the checks, the last of which charges the budget.
      onSubscribe: async (ctx, id, payload) => {
        let contextValue: GraphQLContext;
        try {
          contextValue = {
            principal: await authenticate(secrets.get(ctx)),
            services,
            loaders: createLoaders(services),
            // The upgrade request's id, checked as HTTP checks it (it goes into log lines).
            requestId: `ws-${requestIdOf(ctx.extra.request.headers['x-request-id'])}`,
          };
        } catch (error) {
          if (error instanceof ServiceUnavailableError) return [error];
          throw error;
        }
        const checked = checkOperation(ctx, id, payload);
        return Array.isArray(checked) ? checked : { ...checked, contextValue };
      },
      subscribe: (args) => shared.subscribe(args),
      onOperation: (ctx, id, _payload, _args, result) => {
        if (!isAsyncIterable(result)) return;
        live.set(ctx, (live.get(ctx) ?? new Set()).add(id));
        metrics.subscriptionStarted();
        shared.bypass(result, directNext(ctx.extra.socket, id));
      },
      onComplete: (ctx, id) => {
        ended(ctx, id);
        budget.release(ctx, id);
      },
      // A socket that drops can end a stream without onComplete (its last send fails): sweep.
      onClose: (ctx) => {
        for (const id of live.get(ctx) ?? []) ended(ctx, id);
        budget.releaseAll(ctx);
      },
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(result),
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error)),
    },
    wsServer,
    { logger, send },
  );
  return {
    async dispose() {
      stopRevokedHere();
      await revocations.dispose();
      // Closes the sockets and the WebSocketServer.
      await disposable.dispose();
    },
  };
}

function principalKey(principal: Principal | null): string {
  return principal ? `${principal.keyId}:${principal.scopes.join(',')}` : '';
}

