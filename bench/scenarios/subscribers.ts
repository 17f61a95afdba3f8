import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * The live-feed scenarios' subscribers, run as their own process (`fork`ed by
 * subscriber-process.ts): `count` graphql-ws clients, one WebSocket each, each subscribed to
 * `events`; and, when a bare broadcaster's URL is given, as many plain `ws` clients of it. For
 * every event it notes when each subscriber got it (wall clock, sub-ms) and, once all of its
 * kind have, sends `{ type: 'complete', id, times }` to the parent (the broadcaster's ids are
 * its own, so the two never mix). It also says `subscribed` once every client is connected with
 * its subscription sent, and `primed` once every graphql-ws subscriber has received at least one
 * event (so the server has surely set every subscription up).
 */

/** Messages this process sends to its parent. */
export type SubscriberMessage =
  | { type: 'subscribed' }
  | { type: 'primed' }
  | { type: 'complete'; id: string; times: number[] }
  | { type: 'failed'; error: string };

const QUERY = 'subscription { events(types: ["User.Created"]) { id event payload createdAt } }';
const CONNECT_CHUNK = 50;

const [url, apiKey, countText, bareUrl] = process.argv.slice(2);
const count = Number(countText);
const clients: Client[] = [];
const bareClients: WebSocket[] = [];
const heard = new Set<number>();
let primed = false;

function send(message: SubscriberMessage): void {
  process.send?.(message);
}

/** Notes arrivals per event id; says `complete` once all `count` subscribers of one kind have it. */
function arrivals(): (id: string) => void {
  const received = new Map<string, number[]>();
  return (id) => {
    const at = performance.timeOrigin + performance.now();
    const times = received.get(id) ?? [];
    times.push(at);
    received.set(id, times);
    if (times.length === count) {
      received.delete(id);
      send({ type: 'complete', id, times });
    }
  };
}
const fedArrived = arrivals();
const bareArrived = arrivals();

function arrived(subscriber: number, id: string): void {
  fedArrived(id);
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

/** A plain `ws` client of the bare broadcaster: it parses each message as graphql-ws's client does (JSON) and reads the event id. */
function connectBare(index: number): Promise<void> {
  const socket = new WebSocket(bareUrl);
  bareClients.push(socket);
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { payload: { data: { events: { id: string } } } };
    bareArrived(message.payload.data.events.id);
  });
  return new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', (error) => reject(new Error(`bare client ${index}: ${error.message}`)));
  });
}

async function connectAll(open: (index: number) => Promise<void>): Promise<void> {
  for (let start = 0; start < count; start += CONNECT_CHUNK) {
    await Promise.all(Array.from({ length: Math.min(CONNECT_CHUNK, count - start) }, (_, i) => open(start + i)));
  }
}

try {
  await connectAll(connect);
  if (bareUrl) await connectAll(connectBare);
  send({ type: 'subscribed' });
} catch (error) {
  send({ type: 'failed', error: String(error) });
}

process.on('disconnect', () => {
  for (const socket of bareClients) socket.terminate();
  void Promise.allSettled(clients.map((client) => client.dispose())).then(() => process.exit(0));
});
