import { Redis } from 'ioredis';
import { pubSubOver, type LivePubSub } from './pubsub';
import type { LogPort } from '../logger';
import { logOutages } from './redis-outage';
import { createRedisTarget } from './redis-target';

/** What the Redis pub/sub reports. */
export interface RedisPubSubOptions {
  logger: LogPort;
  /** A message the live feed lost because Redis was unreachable (the event itself is stored). */
  onDropped(): void;
}

/**
 * The pub/sub through Redis: a subscriber on any API process sees what every other process
 * published. Loaded only when REDIS_URL is set, so a single process never pays for ioredis.
 *
 * The live feed is best-effort (the database is the record), so while Redis is unreachable a
 * publish fails at once and is counted (`onDropped`), rather than waiting in ioredis's offline
 * queue, which has no bound: an outage under load would hold every message in memory. A
 * publish in flight when the connection drops is failed too (`maxRetriesPerRequest: 0`). The
 * subscriber keeps its offline queue: it only queues (un)subscribe commands, and ioredis
 * resubscribes by itself once reconnected. Each outage is logged once (`logOutages`).
 */
export function createRedisPubSub(url: string, channelPrefix: string, options: RedisPubSubOptions): LivePubSub {
  const publishClient = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  // No ready check on the subscriber: its INFO could reach Redis after a SUBSCRIBE issued
  // meanwhile, be refused in subscriber mode and cost a reconnect (seen at start under load).
  // Pub/sub does not wait for Redis to load its data set anyway.
  const subscribeClient = new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: false });
  let droppedInOutage = 0;
  const dropped = () => {
    droppedInOutage++;
    options.onDropped();
  };
  const stopLogging = [
    logOutages(publishClient, 'publish', options.logger, 'live-feed messages are dropped', () => {
      const summary = { droppedMessages: droppedInOutage };
      droppedInOutage = 0;
      return summary;
    }),
    logOutages(subscribeClient, 'subscribe', options.logger, 'subscribers on this process receive nothing'),
  ];
  const target = createRedisTarget(publishClient, subscribeClient, (command, error) => {
    if (command === 'publish') return dropped();
    // Only a connection closed on purpose fails a queued (un)subscribe; reconnects resubscribe.
    options.logger.debug({ command, err: error }, 'redis command not completed');
  });
  // 'ready' comes at the first connection too; only the later ones follow a loss.
  let connectedBefore = false;
  const reconnectListeners = new Set<() => void>();
  subscribeClient.on('ready', () => {
    if (connectedBefore) for (const listener of reconnectListeners) listener();
    connectedBefore = true;
  });
  return {
    pubSub: pubSubOver(target, channelPrefix),
    healthy: () => publishClient.status === 'ready' && subscribeClient.status === 'ready',
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    close: async () => {
      for (const stop of stopLogging) stop();
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
