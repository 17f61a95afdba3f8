import { Repeater, SlidingBuffer } from '@repeaterjs/repeater';
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
  /**
   * Calls `listener` each time the subscribing connection is back after an outage (messages
   * published meanwhile were lost); returns the unsubscribe. Never, in-process.
   */
  onReconnect(listener: () => void): () => void;
  close(): Promise<void>;
}

/**
 * How many messages a subscription's stream holds while its execution lags the feed; past it
 * the oldest are dropped (the live feed is a mirror, the database is the record). A client
 * that reads its socket too slowly is another matter: nothing waits for it here, its results
 * wait in its socket's buffer, bounded in bytes (`HOOKWIRE_MAX_UNSENT_BYTES`).
 */
export const SUBSCRIBER_BUFFER = 10_000;

/** The minimal EventTarget both the in-process and the Redis transport provide. */
export interface Target {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
  dispatchEvent(event: Event): boolean;
}

/** The in-process pub/sub: one process, no Redis. */
export function createLivePubSub(): LivePubSub {
  return { pubSub: pubSubOver(new EventTarget(), ''), healthy: () => true, onReconnect: () => () => {}, close: async () => {} };
}

/**
 * A pub/sub over any EventTarget (in-process, or Redis through a redis event target).
 * Topics carry `prefix`, so installations sharing one Redis do not hear each other.
 */
export function pubSubOver(target: Target, prefix: string): HookwirePubSub {
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
