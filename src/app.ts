import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ApiKeyService } from './api-keys/api-key.service';
import type { Config } from './config';
import { migrate, openDatabase, type Orm } from './db/database';
import { DatabaseOutage } from './db/outage';
import { createSql } from './db/sql';
import { lockSqliteDatabase } from './db/sqlite-process-lock';
import { startWalCheckpointer } from './db/wal-checkpointer';
import { DeliveryPages } from './history/delivery-pages';
import { DeliveryService } from './history/delivery.service';
import { OverviewService } from './history/overview.service';
import { systemClock, type Clock } from './delivery/clock';
import { createAddressGuard, targetHostRefusal } from './delivery/address-guard';
import { Engine } from './delivery/engine';
import { createHttpSender } from './delivery/http-sender';
import type { AttemptResult } from './delivery/job';
import { errorKindOf, errorTextOf, responseOf } from './delivery/outcome';
import { retryPolicyOf } from './delivery/retry-policy';
import { localQueueSignal } from './delivery/queue-signal';
import type { Sender } from './delivery/sender';
import { INTERNAL_EMITTER } from './events/emitter';
import { EventTypeService } from './events/event-type.service';
import { EventService, MAX_BATCH } from './events/event.service';
import { FirstAttempts } from './events/first-attempts';
import { HookTestService } from './hooks/hook-test.service';
import { HookService } from './hooks/hook.service';
import { Queue } from './queue/queue';
import { RetentionSweeper } from './queue/retention';
import { createLogger, type Logger } from './logger';
import { Closers } from './util/closers';
import { Metrics } from './observability/metrics';
import { createLivePubSub } from './realtime/pubsub';
import type { AttemptMessage } from './realtime/topics';
import { startHttpServer } from './server/http';
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
  /** The database, for tests and tools that read it directly; resolvers never get it. */
  orm: Orm;
  /** The delivery engine: in an `api` process, without a worker. */
  engine: Engine;
  logger: Logger;
  /**
   * The admin key generated on the first start of an empty database, if this process made it.
   * Only a process that serves the API (role `api` or `all`) makes one: the operator reads it
   * where the API runs, and a worker booting first must not use up the "empty database" moment.
   */
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
  // What the start has opened so far: closed by close(), or at once if the start fails part-way, so the process can exit.
  const opened = new Closers(logger);
  try {
    return await startParts(config, overrides, logger, opened);
  } catch (error) {
    await opened.closeAll();
    throw error;
  }
}

async function startParts(config: Config, overrides: AppOverrides, logger: Logger, opened: Closers): Promise<App> {
  const sqliteFile = config.database.kind === 'sqlite' && config.database.path !== ':memory:' ? config.database.path : undefined;
  const lock = sqliteFile === undefined ? undefined : lockSqliteDatabase(sqliteFile);
  if (lock) opened.add('SQLite lock', () => lock.release());
  const orm = await openDatabase(config.database);
  opened.add('database', () => orm.close());
  await migrate(orm, config.database);
  const checkpointer = sqliteFile === undefined ? undefined : startWalCheckpointer(sqliteFile, WAL_CHECKPOINT_INTERVAL_MS, logger);
  if (checkpointer) opened.add('WAL checkpointer', () => checkpointer.stop());
  const runsApi = config.role !== 'worker';
  const runsWorker = config.role !== 'api';

  // One guard for the sender's connections and for a hook's URL when it is saved or tested.
  const targetGuard = createAddressGuard({ allowPrivateTargets: config.allowPrivateTargets, allowedCidrs: config.allowedCidrs });
  const sender = overrides.sender ?? createHttpSender({ guard: targetGuard, maxResponseBytes: config.maxResponseBytes });
  opened.add('HTTP sender', () => sender.close());
  const clock = overrides.clock ?? systemClock;
  const sql = createSql(orm);
  const store = new Queue(sql, {
    disableAfterMs: config.disableAfterMs,
    minFailures: MIN_FAILURES_BEFORE_DISABLE,
  });
  const metrics = new Metrics({ queue: store, clock, logger });
  const live = config.redisUrl
    ? (await import('./realtime/redis-pubsub')).createRedisPubSub(config.redisUrl, `hookwire:${databaseIdentity(config.database)}:`, {
        logger,
        onDropped: () => metrics.liveFeedDropped(),
      })
    : createLivePubSub();
  opened.add('live feed', () => live.close());
  const userAgent = `hookwire/${VERSION}`;
  // Every path that meets the database down reports here: the outage is logged as it starts and ends.
  const outage = new DatabaseOutage(logger, () => sql.writable());
  opened.add('outage monitor', () => outage.close());
  // Workers in other processes learn of new deliveries through PostgreSQL NOTIFY.
  const queueSignal =
    config.database.kind === 'postgres'
      ? (await import('./delivery/queue-signal-pg')).createPgQueueSignal(config.database.url, config.database.schema, logger, outage)
      : localQueueSignal;
  const engine = new Engine({
    queue: store,
    signal: queueSignal,
    worker: runsWorker
      ? {
          sender,
          clock,
          random: overrides.random ?? Math.random,
          retryPolicy: retryPolicyOf(config),
          requestTimeoutMs: config.requestTimeoutMs,
          concurrency: config.concurrency,
          hookConcurrency: config.hookConcurrency,
          leaseMs: config.leaseMs,
          pollIntervalMs: config.pollIntervalMs,
          userAgent,
          logger,
          outage,
          shutdownGraceMs: config.shutdownGraceMs,
          tasks: [new RetentionSweeper({ sql, retentionMs: config.retentionMs, clock, logger })],
        }
      : undefined,
  });
  // Closed after the HTTP server, as the signal is used by emits still being served.
  opened.add('queue signal', () => engine.close());
  engine.on('attemptRecorded', (result) => {
    metrics.recordAttempt(result);
    live.pubSub.publish('DELIVERY_UPDATED', toAttemptMessage(result));
  });

  const eventTypes = new EventTypeService(orm, live.pubSub, (listener) => live.onReconnect(listener));
  const apiKeys = new ApiKeyService(orm, config.adminKey, live.pubSub);
  const hooks = new HookService(orm, eventTypes, store, clock, (url) => targetHostRefusal(targetGuard, url));
  const services: Services = {
    limits: config,
    pubSub: live.pubSub,
    onLiveFeedReconnect: (listener) => live.onReconnect(listener),
    apiKeys,
    eventTypes,
    hooks,
    hookTests: new HookTestService(hooks, eventTypes, sender, { userAgent, timeoutMs: config.requestTimeoutMs }),
    deliveries: new DeliveryService(orm, store, clock, () => engine.deliveriesQueued()),
    deliveryPages: new DeliveryPages(orm),
    firstAttempts: new FirstAttempts(store, live.pubSub),
    overview: new OverviewService(orm, config.database.kind, store),
    events: new EventService(orm, sql, store, clock, eventTypes, config.maxPayloadBytes, {
      eventEmitted: (message) => live.pubSub.publish('EVENT_EMITTED', message),
      deliveriesQueued: () => engine.deliveriesQueued(),
    }, engine),
  };
  // Operational events go through emitEvent like any other, so hooks can subscribe to them;
  // they are recorded as emitted by hookwire and carry no idempotency key.
  engine.on('operationalEvents', async (events) => {
    const requests = events.map((event) => ({ ...event, emitter: INTERNAL_EMITTER }));
    for (let start = 0; start < requests.length; start += MAX_BATCH) await services.events.emitMany(requests.slice(start, start + MAX_BATCH));
  });
  const http = await startHttpServer({
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
        return live.healthy() && engine.isReady();
      },
    },
  });
  opened.add('HTTP server', () => http.stop());
  // After the port is bound: a key made by a start that then fails would be stored, never shown.
  const generatedAdminKey = runsApi ? await apiKeys.bootstrapAdminKey() : undefined;
  engine.start();
  // Added after the HTTP server, so stopped before it: stop claiming and drain, then the rest.
  opened.add('engine', () => engine.stop());
  const port = (http.server.address() as AddressInfo).port;
  logger.info({ pid: process.pid, port, role: config.role, database: config.database.kind }, 'hookwire started');

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    services,
    orm,
    engine,
    logger,
    generatedAdminKey,
    close: () => opened.closeAll(),
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
    errorMessage: errorTextOf(outcome),
    durationMs: result.durationMs,
    nextAttemptAt: next.status === 'RETRYING' ? next.at.toISOString() : null,
    startedAt: result.startedAt.toISOString(),
  };
}
