import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import { pubSubOver, type LivePubSub, type Target } from './pubsub';

/**
 * The pub/sub through Redis: a subscriber on any API process sees what every other process
 * published. Loaded only when REDIS_URL is set, so a single process never pays for ioredis.
 */
export function createRedisPubSub(url: string, channelPrefix: string, onError: (error: Error) => void): LivePubSub {
  const options = { maxRetriesPerRequest: null } as const;
  const publishClient = new Redis(url, options);
  const subscribeClient = new Redis(url, options);
  // ioredis reconnects (and resubscribes) by itself; errors meanwhile are only reported.
  publishClient.on('error', onError);
  subscribeClient.on('error', onError);
  const target = createRedisEventTarget({ publishClient, subscribeClient }) as unknown as Target;
  return {
    pubSub: pubSubOver(target, channelPrefix),
    healthy: () => publishClient.status === 'ready' && subscribeClient.status === 'ready',
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
