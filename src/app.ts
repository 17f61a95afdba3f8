import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ApiKeyService } from './auth/api-key.service';
import type { Config } from './config';
import { migrate, openDatabase } from './db/database';
import { DatabaseOutage } from './db/outage';
import { createSql } from './db/sql';
import { startWalCheckpointer } from './db/wal-checkpointer';
import { DeliveryService } from './deliveries/delivery.service';
import { systemClock, type Clock } from './delivery/clock';
import { DeliveryStore } from './delivery/delivery-store';
import { Dispatcher } from './delivery/dispatcher';
import { createHttpSender } from './delivery/http-sender';
import type { AttemptResult } from './delivery/job';
import type { OperationalEvent } from './delivery/operational-events';
import { errorKindOf, responseOf } from './delivery/outcome';
import { QueueStats } from './delivery/queue-stats';
import { RetentionSweeper } from './delivery/retention';
import { localQueueSignal } from './delivery/queue-signal';
import type { Sender } from './delivery/sender';
import { EventTypeService } from './events/event-type.service';
import { EventService, MAX_BATCH } from './events/event.service';
import { HookTestService } from './hooks/hook-test.service';
import { HookService } from './hooks/hook.service';
import { createLogger, type Logger } from './logger';
import { Metrics } from './observability/metrics';
import { createLivePubSub } from './realtime/pubsub';
import type { AttemptMessage } from './realtime/topics';
import { startHttpServer, type HttpServer } from './server/http';
import { buildHookwireSchema } from './server/schema';
import type { Services } from './services';
import { VERSION } from './version';

// "Only after several failures": a hook is never disabled on a handful of unlucky attempts.
const MIN_FAILURES_BEFORE_DISABLE = 5;
// Often enough that the writer's own (backstop) checkpoint finds little left to copy.
const WAL_CHECKPOINT_INTERVAL_MS = 200;

/** A running hookwire process: its address, services and the way to stop it. */
export interface App {
  url: string;
  port: number;
  services: Services;
  dispatcher: Dispatcher | undefined;
  logger: Logger;
  /** The admin key generated on first start, if one was. */
  generatedAdminKey: string | undefined;
  /** Stops claiming, drains in-flight requests (up to the grace period), closes everything. */
  close(): Promise<void>;
}

/** What tests may swap: the small interfaces the engine declares. */
export interface AppOverrides {
  clock?: Clock;
  sender?: Sender;
  random?: () => number;
  logger?: Logger;
}

/**
 * Builds and starts one hookwire process for its role: opens and migrates the database,
 * wires the services, serves GraphQL (`api`), runs the dispatcher (`worker`), or both.
 */
export async function startApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const orm = await openDatabase(config.database);
  await migrate(orm, config.database);
  const checkpointer =
    config.database.kind === 'sqlite' && config.database.path !== ':memory:'
      ? startWalCheckpointer(config.database.path, WAL_CHECKPOINT_INTERVAL_MS, logger)
      : undefined;
  const live = config.redisUrl
    ? (await import('./realtime/redis-pubsub')).createRedisPubSub(
        config.redisUrl,
        `hookwire:${databaseIdentity(config.database)}:`,
        (error) => logger.warn({ err: error }, 'redis connection error'),
      )
    : createLivePubSub();
  const runsApi = config.role !== 'worker';
  const runsWorker = config.role !== 'api';

  const sender =
    overrides.sender ??
    createHttpSender({
      allowPrivateTargets: config.allowPrivateTargets,
      allowedCidrs: config.allowedCidrs,
      maxResponseBytes: config.maxResponseBytes,
    });
  const clock = overrides.clock ?? systemClock;
  const metrics = new Metrics({ queue: new QueueStats(orm, config.database.kind), clock, logger });
  const userAgent = `hookwire/${VERSION}`;
  const sql = createSql(orm);
  // Every path that meets the database down reports here: the outage is logged as it starts and ends.
  const outage = new DatabaseOutage(logger, () => sql.writable());
  const store = new DeliveryStore(sql, {
    disableAfterMs: config.disableAfterMs,
    minFailures: MIN_FAILURES_BEFORE_DISABLE,
  });
  let emitOperational: (events: OperationalEvent[]) => Promise<void> = async () => {};
  // Workers in other processes learn of new deliveries through PostgreSQL NOTIFY.
  const queueSignal =
    config.database.kind === 'postgres'
      ? (await import('./delivery/queue-signal-pg')).createPgQueueSignal(config.database.url, config.database.schema, logger, outage)
      : localQueueSignal;
  const dispatcher = runsWorker
    ? new Dispatcher({
        store,
        sender,
        clock,
        random: overrides.random ?? Math.random,
        retryPolicy: { delaysMs: config.retryDelaysMs, jitter: 0.2, maxRetryAfterMs: config.maxRetryAfterMs },
        requestTimeoutMs: config.requestTimeoutMs,
        concurrency: config.concurrency,
        hookConcurrency: config.hookConcurrency,
        leaseMs: config.leaseMs,
        pollIntervalMs: config.pollIntervalMs,
        userAgent,
        logger,
        onAttempt: (result) => {
          metrics.recordAttempt(result);
          live.pubSub.publish('DELIVERY_UPDATED', toAttemptMessage(result));
        },
        onOperationalEvents: (events) => emitOperational(events),
        outage,
      })
    : undefined;

  const eventTypes = new EventTypeService(orm);
  const apiKeys = new ApiKeyService(orm, config.adminKey);
  const hooks = new HookService(orm, eventTypes, store);
  const services: Services = {
    config,
    orm,
    pubSub: live.pubSub,
    apiKeys,
    eventTypes,
    hooks,
    hookTests: new HookTestService(hooks, eventTypes, sender, { userAgent, timeoutMs: config.requestTimeoutMs }),
    deliveries: new DeliveryService(orm, store, () => deliveriesQueued()),
    events: new EventService(orm, sql, eventTypes, config.maxPayloadBytes, {
      eventEmitted: (message) => live.pubSub.publish('EVENT_EMITTED', message),
      deliveriesQueued: () => deliveriesQueued(),
    }, dispatcher),
  };
  function deliveriesQueued() {
    dispatcher?.wake();
    queueSignal.notify();
  }
  // Operational events go through emitEvent like any other, so hooks can subscribe to them.
  emitOperational = async (events) => {
    for (let start = 0; start < events.length; start += MAX_BATCH) await services.events.emitMany(events.slice(start, start + MAX_BATCH));
  };
  const generatedAdminKey = await apiKeys.bootstrapAdminKey();

  let http: HttpServer;
  try {
    http = await startHttpServer({
      schema: runsApi ? await buildHookwireSchema(live.pubSub) : null,
      services,
      logger,
      metrics,
      port: config.port,
      host: config.host,
      outage,
      probes: {
        ready: async () => {
          await orm.em.getConnection().execute('select 1');
          if (!live.healthy() || !queueSignal.healthy()) return false;
          return dispatcher ? dispatcher.isAlive() : true;
        },
      },
    });
  } catch (error) {
    outage.close();
    await checkpointer?.stop();
    await orm.close();
    await live.close();
    throw error;
  }
  dispatcher?.start();
  if (dispatcher) queueSignal.listen(() => dispatcher.wake());
  const retention = runsWorker
    ? new RetentionSweeper({ orm, dialect: config.database.kind, retentionMs: config.retentionMs, clock, logger })
    : undefined;
  retention?.start();
  const port = (http.server.address() as AddressInfo).port;
  logger.info({ port, role: config.role, database: config.database.kind }, 'hookwire started');

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    services,
    dispatcher,
    logger,
    generatedAdminKey,
    async close() {
      await retention?.stop();
      await dispatcher?.stop(config.shutdownGraceMs);
      await queueSignal.close();
      await http.stop();
      await sender.close();
      await live.close();
      await checkpointer?.stop();
      outage.close();
      await orm.close();
    },
  };
}

/** A short, stable name for the database: processes sharing it share one live feed. */
function databaseIdentity(database: Config['database']): string {
  const name = database.kind === 'postgres' ? `${database.url}#${database.schema ?? ''}` : database.path;
  return createHash('sha256').update(name).digest('hex').slice(0, 12);
}

function toAttemptMessage(result: AttemptResult): AttemptMessage {
  const { outcome, next } = result;
  return {
    deliveryId: result.job.deliveryId,
    hookId: result.job.hookId,
    eventId: result.job.eventId,
    event: result.job.eventType,
    status: next.status,
    attemptNumber: result.number,
    succeeded: outcome.kind === 'success',
    responseStatus: responseOf(outcome)?.status ?? null,
    errorKind: errorKindOf(outcome),
    errorMessage: outcome.kind === 'success' ? null : 'message' in outcome ? outcome.message : `HTTP ${outcome.status}`,
    durationMs: result.durationMs,
    nextAttemptAt: next.status === 'RETRYING' ? next.at.toISOString() : null,
    startedAt: result.startedAt.toISOString(),
  };
}
