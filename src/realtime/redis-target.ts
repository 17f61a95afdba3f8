import type { Redis } from 'ioredis';
import type { Target } from './pubsub';

/**
 * An EventTarget over Redis pub/sub: a listener on any process hears what every process
 * dispatched. One Redis channel per event type, subscribed while it has listeners.
 *
 * Every command's failure is handed to `onCommandFailed`, never left as a rejected promise:
 * while Redis is unreachable a publish fails at once, and a (un)subscribe still queued when the
 * connection is closed on purpose is rejected. A subscription lost with its connection needs
 * nothing from here: ioredis subscribes again once it reconnects.
 */
export function createRedisTarget(
  publishClient: Redis,
  subscribeClient: Redis,
  onCommandFailed: (command: 'publish' | 'subscribe' | 'unsubscribe', error: unknown) => void,
): Target {
  const listeners = new Map<string, Set<(event: Event) => void>>();
  subscribeClient.on('message', (channel: string, message: string) => {
    const forChannel = listeners.get(channel);
    if (!forChannel) return;
    const event = new CustomEvent(channel, { detail: message === '' ? null : JSON.parse(message) });
    for (const listener of forChannel) listener(event);
  });
  return {
    addEventListener(type, listener) {
      let forChannel = listeners.get(type);
      if (!forChannel) {
        listeners.set(type, (forChannel = new Set()));
        subscribeClient.subscribe(type).catch((error: unknown) => onCommandFailed('subscribe', error));
      }
      forChannel.add(listener);
    },
    removeEventListener(type, listener) {
      const forChannel = listeners.get(type);
      if (!forChannel?.delete(listener) || forChannel.size > 0) return;
      listeners.delete(type);
      subscribeClient.unsubscribe(type).catch((error: unknown) => onCommandFailed('unsubscribe', error));
    },
    dispatchEvent(event) {
      const detail: unknown = (event as CustomEvent).detail;
      publishClient
        .publish(event.type, detail === undefined ? '' : JSON.stringify(detail))
        .catch((error: unknown) => onCommandFailed('publish', error));
      return true;
    },
  };
}
