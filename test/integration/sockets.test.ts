import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { OnEventSubscription } from '../../src/sdk';
import { requestSizeLimit } from '../../src/server/limits';
import { DATABASE_KINDS } from '../support/databases';
import { liveFeed, type LiveFeed } from '../support/feed';
import { openRawWs, type RawWs } from '../support/raw-ws';
import { ADMIN_KEY, startTestServer, type TestServer } from '../support/server';

const MAX_PAYLOAD_BYTES = 256 * 1024;
const MAX_UNSENT_BYTES = 1024 * 1024;

/** The value of a counter on `/metrics` (0 when absent). */
async function counter(baseUrl: string, name: string): Promise<number> {
  const response = await request(new URL('/metrics', baseUrl));
  const text = await response.body.text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
}

async function healthz(baseUrl: string): Promise<number> {
  const response = await request(new URL('/healthz', baseUrl));
  await response.body.dump();
  return response.statusCode;
}

describe.each(DATABASE_KINDS)('WebSocket limits on %s', (kind) => {
  let server: TestServer;
  const sockets: RawWs[] = [];
  let probes = 0;
  beforeAll(async () => {
    server = await startTestServer(kind, { HOOKWIRE_MAX_UNSENT_BYTES: String(MAX_UNSENT_BYTES) });
  });
  afterEach(() => {
    for (const raw of sockets.splice(0)) raw.socket.terminate();
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await server?.close();
  });

  const open = async () => {
    const raw = await openRawWs(server.app.url);
    sockets.push(raw);
    return raw;
  };

  /** Emits probe events until `received` says one arrived; returns the probe's marker. */
  async function prime(received: (probe: string) => boolean | Promise<boolean>): Promise<void> {
    const probe = `probe-${++probes}`;
    for (let attempt = 0; attempt < 100; attempt++) {
      await server.emit('User.Created', { probe });
      if (await received(probe)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the subscription never went live');
  }

  const primeFeed = (feed: LiveFeed<OnEventSubscription>) =>
    prime((probe) => feed.values.some((value) => value.events.payload.probe === probe));

  it('refuses a frame larger than an HTTP body with 1009 before authentication, and keeps serving', async () => {
    const whole = await open();
    whole.send(Buffer.alloc(requestSizeLimit(MAX_PAYLOAD_BYTES) + 1, 'x'));
    expect((await whole.closed).code).toBe(1009);
    // The server refuses on the length a frame announces, before it has read (or buffered) any of it.
    const announced = await open();
    announced.announceFrame(95_000_000);
    expect((await announced.closed).code).toBe(1009);
    expect(await healthz(server.app.url)).toBe(200);

    // A message at the size an HTTP body may have still goes through, over the same path.
    const sized = await open();
    await sized.init(ADMIN_KEY);
    sized.send({
      id: 'big',
      type: 'subscribe',
      payload: {
        query: 'mutation ($input: EmitEventInput!) { emitEvent(input: $input) { id } }',
        variables: { input: { event: 'User.Created', payload: { blob: 'x'.repeat(MAX_PAYLOAD_BYTES - 1024) } } },
      },
    });
    const answer = await sized.next((message) => message.id === 'big');
    expect(answer.type).toBe('next');
    expect(JSON.stringify(answer.payload)).toMatch(/"emitEvent":\{"id":"evt_/);
  });

  it('closes a subscriber that stops reading with 4008 once it is too far behind; the others keep going', async () => {
    const healthy = liveFeed(server.client(ADMIN_KEY).OnEvent({ types: ['User.Created'] }));
    await primeFeed(healthy);
    const slow = await open();
    await slow.init(ADMIN_KEY);
    slow.send({ id: 'slow', type: 'subscribe', payload: { query: 'subscription { events(types: ["User.Created"]) { id payload } }' } });
    await prime((probe) => slow.received.some((message) => message.id === 'slow' && JSON.stringify(message.payload).includes(probe)));

    slow.pause();
    const before = await counter(server.app.url, 'hookwire_websocket_slow_closes_total');
    const blob = 'y'.repeat(200 * 1024);
    const emitted: string[] = [];
    // Far more than the limit plus both kernels' socket buffers, if need be; usually a few dozen.
    while ((await counter(server.app.url, 'hookwire_websocket_slow_closes_total')) === before) {
      if (emitted.length >= 400) throw new Error('the stalled subscriber was never closed');
      emitted.push((await server.emit('User.Created', { blob, n: emitted.length })).id);
    }
    const ids = new Set(emitted);
    await healthy.waitFor(emitted.length, (value) => ids.has(value.events.id));

    slow.resume();
    expect(await slow.closed).toEqual({ code: 4008, reason: 'subscriber too slow: too many bytes unsent' });
    const after = (await server.emit('User.Created', { after: true })).id;
    await healthy.waitFor(1, (value) => value.events.id === after);
    await healthy.close();
  });

  it('answers a subscribe that does not parse or validate with an error for that id; the socket and its other operations stay', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const client: Client = createClient({
      url: server.app.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${ADMIN_KEY}` },
      retryAttempts: 0,
    });
    const closes: number[] = [];
    client.on('closed', (event) => closes.push((event as { code: number }).code));
    try {
      const received: FormattedExecutionResult<unknown, unknown>[] = [];
      client.subscribe<{ events: { id: string; payload: { probe?: string } } }>(
        { query: 'subscription { events(types: ["User.Created"]) { id payload } }' },
        { next: (value) => void received.push(value), error: () => {}, complete: () => {} },
      );
      await prime((probe) => JSON.stringify(received).includes(probe));

      const rejected = (query: string) =>
        new Promise<unknown>((resolve, reject) =>
          client.subscribe({ query }, { next: () => reject(new Error('it was executed')), error: resolve, complete: () => reject(new Error('it completed')) }),
        );
      const codes = (errors: unknown) => {
        if (!Array.isArray(errors)) throw new Error(`the operation ended with a close (${String((errors as { code?: number }).code)}), not with errors`);
        return (errors as Array<{ extensions?: { code?: string } }>).map((error) => error.extensions?.code);
      };
      expect(codes(await rejected('subscription { events(types: ['))).toEqual(['GRAPHQL_PARSE_FAILED']);
      expect(codes(await rejected('subscription { events { nope } }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(codes(await rejected('subscription A { events { id } } subscription B { events { id } }'))).toEqual(['OPERATION_RESOLUTION_FAILURE']);

      const after = (await server.emit('User.Created', { after: true })).id;
      await vi.waitFor(() => expect(JSON.stringify(received)).toContain(after), { timeout: 10_000 });
      expect(closes).toEqual([]);
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      await client.dispose();
    }
  });

  it('closes a connection without a valid key with 4403 and a reason', async () => {
    for (const key of [undefined, 'hwk_not-a-key']) {
      const raw = await open();
      raw.send({ type: 'connection_init', payload: key ? { authorization: `Bearer ${key}` } : {} });
      expect(await raw.closed).toEqual({ code: 4403, reason: 'Forbidden: a valid API key is required' });
    }
  });
});
