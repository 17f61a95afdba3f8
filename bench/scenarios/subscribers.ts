import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * The live-feed scenario's subscribers, run as their own process (`fork`ed by live-feed.ts):
 * `count` graphql-ws clients, one WebSocket each, each subscribed to `events`. For every
 * event it notes when each subscriber got it (wall clock, sub-ms) and, once all have, sends
 * `{ type: 'complete', id, times }` to the parent. It also says `subscribed` once every
 * client is connected with its subscription sent, and `primed` once every subscriber has
 * received at least one event (so the server has surely set every subscription up).
 */

/** Messages this process sends to its parent. */
export type SubscriberMessage =
  | { type: 'subscribed' }
  | { type: 'primed' }
  | { type: 'complete'; id: string; times: number[] }
  | { type: 'failed'; error: string };

const QUERY = 'subscription { events(types: ["User.Created"]) { id event payload createdAt } }';
const CONNECT_CHUNK = 50;

const [url, apiKey, countText] = process.argv.slice(2);
const count = Number(countText);
const clients: Client[] = [];
const received = new Map<string, number[]>();
const heard = new Set<number>();
let primed = false;

function send(message: SubscriberMessage): void {
  process.send?.(message);
}

function arrived(subscriber: number, id: string): void {
  const at = performance.timeOrigin + performance.now();
  const times = received.get(id) ?? [];
  times.push(at);
  received.set(id, times);
  if (times.length === count) {
    received.delete(id);
    send({ type: 'complete', id, times });
  }
  heard.add(subscriber);
  if (!primed && heard.size === count) {
    primed = true;
    send({ type: 'primed' });
  }
}

function connect(index: number): Promise<void> {
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${apiKey}` },
    lazy: false,
    retryAttempts: 0,
  });
  clients.push(client);
  const connected = new Promise<void>((resolve, reject) => {
    client.on('connected', () => resolve());
    client.on('closed', (event) => reject(new Error(`subscriber ${index} closed: ${JSON.stringify(event)}`)));
  });
  client.subscribe<{ events: { id: string } }>(
    { query: QUERY },
    {
      next: (result) => {
        if (result.data) arrived(index, result.data.events.id);
      },
      error: (error) => send({ type: 'failed', error: `subscriber ${index}: ${JSON.stringify(error)}` }),
      complete: () => undefined,
    },
  );
  return connected;
}

try {
  for (let start = 0; start < count; start += CONNECT_CHUNK) {
    const chunk = Array.from({ length: Math.min(CONNECT_CHUNK, count - start) }, (_, i) => connect(start + i));
    await Promise.all(chunk);
  }
  send({ type: 'subscribed' });
} catch (error) {
  send({ type: 'failed', error: String(error) });
}

process.on('disconnect', () => {
  void Promise.allSettled(clients.map((client) => client.dispose())).then(() => process.exit(0));
});
