import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRawWs, type RawWs, type WsMessage } from '../support/raw-ws';
import { startTestServer, type TestServer } from '../support/server';
import { eventually } from '../support/wait';

/** A cheap subscription with an alias of its own: no two share an execution. */
const aliased = (name: string) => ({ query: `subscription { ${name}: events { id } }` });
/** A subscription costing thousands: every event runs 100 deliveries' attempts for it. */
const EXPENSIVE_SELECTION = 'events { id deliveries(first: 100) { nodes { id attempts { id durationMs errorKind errorMessage } } } }';
const EXPENSIVE = { query: `subscription { ${EXPENSIVE_SELECTION} }` };
/** The same, aliased apart: each is an execution of its own per event, and is charged so. */
const expensiveAliased = (name: string) => ({ query: `subscription { ${name}: ${EXPENSIVE_SELECTION} }` });
// Small limits, so that the test reaches them; the defaults are 1,000 and 5,000.
const CONNECTIONS_PER_KEY = 10;
const SUBSCRIPTIONS_PER_KEY = 150;

interface ErrorExtensions {
  code?: string;
  per?: string;
  cost?: number;
  live?: number;
  limit?: number;
}

/** The first answer (`next` or `error`) received for operation `id`, if any yet. */
const answerTo = (ws: RawWs, id: string) => ws.received.find((message) => message.id === id && message.type !== 'complete') as WsMessage;
const extensionsOf = (message: WsMessage): ErrorExtensions => {
  expect(message.type).toBe('error');
  return (message.payload as Array<{ extensions: ErrorExtensions }>)[0].extensions;
};

async function socketOf(server: TestServer, key: string): Promise<RawWs> {
  const ws = await openRawWs(server.app.url);
  await ws.init(key);
  return ws;
}

// The budget is the api process's, not the database's: one dialect is enough.
describe('what one API key may hold open over WebSocket on one process', () => {
  let server: TestServer;
  const sockets: RawWs[] = [];
  const newKey = async (name: string) => (await server.admin.CreateApiKey({ input: { name, scopes: ['READ'] } })).createApiKey.key;
  const open = async (key: string) => {
    const ws = await socketOf(server, key);
    sockets.push(ws);
    return ws;
  };
  /**
   * Emits events until every operation in `ids` (by socket) has answered: a `next` for one that
   * started (subscribed before an event), an `error` for one refused.
   */
  const settle = (ids: Array<[RawWs, string]>) =>
    eventually(async () => {
      await server.emit('User.Created', { probe: 'settle' });
      return ids.every(([ws, id]) => answerTo(ws, id)) || undefined;
    }, 20_000, 100);
  const range = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
  beforeAll(async () => {
    server = await startTestServer('sqlite', {
      HOOKWIRE_MAX_CONNECTIONS_PER_KEY: String(CONNECTIONS_PER_KEY),
      HOOKWIRE_MAX_SUBSCRIPTIONS_PER_KEY: String(SUBSCRIPTIONS_PER_KEY),
    });
  });
  afterAll(async () => {
    for (const ws of sockets) ws.socket.terminate();
    await server?.close();
  });

  it('refuses the 101st subscription of a connection for its id, keeps the socket, and frees the place when one completes', async () => {
    const ws = await open(await newKey('one socket'));
    const ids = range(101, 's');
    for (const id of ids) ws.send({ id, type: 'subscribe', payload: aliased(id) });
    await settle(ids.map((id) => [ws, id]));
    for (const id of ids.slice(0, 100)) expect(answerTo(ws, id).type).toBe('next');
    expect(extensionsOf(answerTo(ws, 's100'))).toMatchObject({ code: 'TOO_MANY_SUBSCRIPTIONS', per: 'connection', limit: 100 });
    // Completing one gives its place back (once the server has ended it): a new one starts.
    ws.send({ id: 's0', type: 'complete' });
    let attempt = 0;
    const accepted = await eventually(async () => {
      const id = `again${attempt++}`;
      ws.send({ id, type: 'subscribe', payload: aliased('again') });
      await settle([[ws, id]]);
      return answerTo(ws, id).type === 'next' ? id : undefined;
    });
    expect(accepted).toMatch(/^again/);
  });

  it('refuses a key\'s subscription past HOOKWIRE_MAX_SUBSCRIPTIONS_PER_KEY on the process, over all its connections', async () => {
    const key = await newKey('many sockets');
    const full = await Promise.all(Array.from({ length: 3 }, () => open(key)));
    const ids = range(SUBSCRIPTIONS_PER_KEY / 3, 's');
    for (const [s, ws] of full.entries()) for (const id of ids) ws.send({ id, type: 'subscribe', payload: aliased(`x${s}_${id}`) });
    await settle(full.flatMap((ws) => ids.map((id): [RawWs, string] => [ws, id])));
    for (const ws of full) for (const id of ids) expect(answerTo(ws, id).type).toBe('next');
    const sixth = await open(key);
    sixth.send({ id: 'over', type: 'subscribe', payload: aliased('over') });
    // Another key is charged on its own.
    const other = await open(await newKey('another'));
    other.send({ id: 'mine', type: 'subscribe', payload: aliased('mine') });
    await settle([[sixth, 'over'], [other, 'mine']]);
    expect(extensionsOf(answerTo(sixth, 'over'))).toMatchObject({ code: 'TOO_MANY_SUBSCRIPTIONS', per: 'key', limit: SUBSCRIPTIONS_PER_KEY });
    expect(answerTo(other, 'mine').type).toBe('next');
  });

  it('refuses a subscription that would take the cost of the key\'s live ones past the limit', async () => {
    const ws = await open(await newKey('costly'));
    const ids = range(60, 'c');
    for (const id of ids) ws.send({ id, type: 'subscribe', payload: expensiveAliased(id) });
    await settle(ids.map((id) => [ws, id]));
    const answers = ids.map((id) => answerTo(ws, id));
    const accepted = answers.filter((message) => message.type === 'next').length;
    const refusal = answers.find((message) => message.type === 'error');
    expect(refusal).toBeDefined();
    const { code, cost, live, limit } = extensionsOf(refusal as WsMessage);
    expect(code).toBe('QUERY_TOO_COSTLY');
    // Everything accepted fits the limit together; one more would not.
    expect(live).toBe(accepted * (cost as number));
    expect((live as number) + (cost as number)).toBeGreaterThan(limit as number);
    expect(answers.slice(0, accepted).every((message) => message.type === 'next')).toBe(true);
  });

  it('charges identical subscriptions, which share one execution per event, once', async () => {
    const ws = await open(await newKey('identical'));
    const ids = range(60, 'i');
    for (const id of ids) ws.send({ id, type: 'subscribe', payload: EXPENSIVE });
    await settle(ids.map((id) => [ws, id]));
    for (const id of ids) expect(answerTo(ws, id).type).toBe('next');
  });

  it('closes a key\'s connection past HOOKWIRE_MAX_CONNECTIONS_PER_KEY on the process with 4429', async () => {
    const key = await newKey('connections');
    await Promise.all(Array.from({ length: CONNECTIONS_PER_KEY }, () => open(key)));
    const over = await openRawWs(server.app.url);
    sockets.push(over);
    over.send({ type: 'connection_init', payload: { authorization: `Bearer ${key}` } });
    expect(await over.closed).toEqual({ code: 4429, reason: 'Too many connections for this API key' });
    // The key's open connections still work.
    const ws = sockets[sockets.length - 2];
    ws.send({ id: 'still', type: 'subscribe', payload: aliased('still') });
    await settle([[ws, 'still']]);
    expect(answerTo(ws, 'still').type).toBe('next');
  });
});
