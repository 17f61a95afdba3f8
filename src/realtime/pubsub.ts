import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Repeater, SlidingBuffer } from '@repeaterjs/repeater';
import { Redis } from 'ioredis';
import type { Topics } from './topics';

/** Publishes and subscribes to the live feed's topics; the shape type-graphql expects. */
export interface HookwirePubSub {
  publish<K extends keyof Topics & string>(topic: K, ...message: Topics[K]): void;
  subscribe<K extends keyof Topics & string>(topic: K): AsyncIterableIterator<Topics[K][0]>;
}

/** A pub/sub and the means to close what it opened. */
export interface LivePubSub {
  pubSub: HookwirePubSub;
  /** False while the Redis connection is down (ioredis reconnects by itself). */
  healthy(): boolean;
  close(): Promise<void>;
}

// A subscriber slower than the feed keeps its newest 10,000 messages rather than growing
// without bound or being cut off: the live feed is a mirror, the database is the record.
const SUBSCRIBER_BUFFER = 10_000;

/** The minimal EventTarget both the in-process and the Redis transport provide. */
interface Target {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
  dispatchEvent(event: Event): boolean;
}

/**
 * In-process pub/sub by default; with Redis, messages cross processes so a subscriber on any
 * API process sees what every other process published. Channels carry `channelPrefix`, so
 * installations sharing one Redis do not hear each other.
 */
export function createLivePubSub(
  redis?: { url: string; channelPrefix: string },
  onError: (error: Error) => void = () => {},
): LivePubSub {
  if (!redis) return { pubSub: pubSubOver(new EventTarget(), ''), healthy: () => true, close: async () => {} };
  const redisUrl = redis.url;
  const options = { maxRetriesPerRequest: null } as const;
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  // ioredis reconnects (and resubscribes) by itself; errors meanwhile are only reported.
  publishClient.on('error', onError);
  subscribeClient.on('error', onError);
  const target = createRedisEventTarget({ publishClient, subscribeClient }) as unknown as Target;
  return {
    pubSub: pubSubOver(target, redis.channelPrefix),
    healthy: () => publishClient.status === 'ready' && subscribeClient.status === 'ready',
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

function pubSubOver(target: Target, prefix: string): HookwirePubSub {
  return {
    publish(topic, message) {
      target.dispatchEvent(new CustomEvent(prefix + topic, { detail: message }));
    },
    subscribe(topic) {
      // Each subscriber gets its own buffer: one shared buffer would mix subscribers' queues.
      return new Repeater((push, stop) => {
        const listener = (event: Event) => void push((event as CustomEvent).detail);
        target.addEventListener(prefix + topic, listener);
        stop.then(() => target.removeEventListener(prefix + topic, listener));
      }, new SlidingBuffer(SUBSCRIBER_BUFFER));
    },
  };
}
