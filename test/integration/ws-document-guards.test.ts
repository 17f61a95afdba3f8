import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { codesOf, postRaw } from '../support/raw';
import { openRawWs, type RawWs, type WsMessage } from '../support/raw-ws';
import { startTestServer, type TestServer } from '../support/server';

/** A chain of `length` fragments, each spreading the next: 470 KB for 5,000. */
function fragmentChain(length: number): string {
  let chain = '{ hooks { nodes { ...F0 } } } ';
  for (let i = 0; i < length; i++) chain += `fragment F${i} on Hook { id ...F${i + 1} } `;
  return `${chain}fragment F${length} on Hook { id }`;
}

/** Inline fragments nested deeper than graphql-js's parser can recurse, in under 20,000 tokens. */
const DEEP_INLINE = `{ hooks { nodes { ${'... { '.repeat(6_000)} id ${'} '.repeat(6_000)}} } }`;

const EMIT = 'mutation($p: JSONObject!, $k: String) { emitEvent(input: { event: "User.Created", payload: $p, idempotencyKey: $k }) { id } }';

/** The codes of an `error` message (graphql-ws sends the errors as its payload). */
function errorCodes(message: WsMessage): string[] {
  expect(message.type).toBe('error');
  return (message.payload as Array<{ extensions?: { code?: string } }>).map((error) => String(error.extensions?.code));
}

/** Sends one operation and returns its first answer (`next` or `error`). */
async function answer(ws: RawWs, id: string, payload: object): Promise<WsMessage> {
  ws.send({ id, type: 'subscribe', payload });
  return ws.next((message) => message.id === id && message.type !== 'complete');
}

describe.each(DATABASE_KINDS)('documents and variables graphql-js cannot take, over WebSocket and HTTP, on %s', (kind) => {
  let server: TestServer;
  let readKey: string;
  let emitKey: string;
  beforeAll(async () => {
    server = await startTestServer(kind);
    readKey = (await server.admin.CreateApiKey({ input: { name: 'reader', scopes: ['READ'] } })).createApiKey.key;
    emitKey = (await server.admin.CreateApiKey({ input: { name: 'emitter', scopes: ['EMIT'] } })).createApiKey.key;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers a 5,000-fragment chain and a too-deep document with an error for that id; the socket and its subscription live on', async () => {
    const ws = await openRawWs(server.app.url);
    await ws.init(readKey);
    ws.send({ id: 'live', type: 'subscribe', payload: { query: 'subscription { events { id payload } }' } });
    expect(errorCodes(await answer(ws, 'chain', { query: fragmentChain(5_000) }))).toEqual(['GRAPHQL_PARSE_FAILED']);
    // Whether the parser or validation runs out of stack first depends on how deep the stack
    // already is when the message is read; either way it is answered for that id, with its code.
    expect(errorCodes(await answer(ws, 'deep', { query: DEEP_INLINE }))).toEqual([expect.stringMatching(/^GRAPHQL_(PARSE|VALIDATION)_FAILED$/)]);
    // The subscription opened before them still streams: the socket was not closed (4500).
    const emitted = await server.emit('User.Created', { after: 'refusals' });
    const next = await ws.next((message) => message.id === 'live' && message.type === 'next');
    expect((next.payload as { data: { events: { id: string } } }).data.events.id).toBe(emitted.id);
    ws.socket.close();
  });

  it('answers the fragment chain over HTTP with 400 GRAPHQL_PARSE_FAILED, with a key or without', async () => {
    for (const apiKey of [readKey, undefined]) {
      const response = await postRaw(server.app.url, { query: fragmentChain(5_000) }, { apiKey });
      expect(response.status).toBe(400);
      expect(codesOf(response)).toEqual(['GRAPHQL_PARSE_FAILED']);
    }
  });

  it('refuses NUL and lone surrogates in a WebSocket operation with BAD_USER_INPUT and stores nothing of it', async () => {
    const ws = await openRawWs(server.app.url);
    await ws.init(emitKey);
    const refused = [
      { p: { a: 'x\u0000y' } },
      { p: { a: 'x\ud800y' } },
      { p: { ['k\u0000']: 1 } },
      { p: { a: 1 }, k: 'k\u0000' },
    ];
    for (const [i, variables] of refused.entries()) {
      expect(errorCodes(await answer(ws, `bad${i}`, { query: EMIT, variables })), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
    }
    expect(errorCodes(await answer(ws, 'badQuery', { query: `{ hook(id: "x\u0000") { id } }` }))).toEqual(['BAD_USER_INPUT']);
    // The sentinel: a storable event emitted after them is the newest one stored, and the only one of this key.
    const good = await answer(ws, 'good', { query: EMIT, variables: { p: { a: 'fine' }, k: 'fine' } });
    const goodId = (good.payload as { data: { emitEvent: { id: string } } }).data.emitEvent.id;
    const { events } = await server.admin.Events({ first: 100 });
    const mine = events.nodes.filter((event) => event.event === 'User.Created' && 'a' in event.payload);
    expect(mine.map((event) => event.id)).toEqual([goodId]);
    ws.socket.close();
  });
});
