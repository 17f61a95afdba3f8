import { GraphQLError, type ExecutionResult } from 'graphql';
import { MessageType, stringifyMessage } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createDirectNext } from '../../src/server/direct-next';
import { createResultFormatter } from '../../src/server/format-error';
import { createSocketSend, SLOW_SUBSCRIBER_CLOSE_CODE } from '../../src/server/socket-limits';
import type { Logger } from '../../src/logger';

/** The little of a ws socket the bypass touches. */
function fakeSocket() {
  const sent: string[] = [];
  const closes: number[] = [];
  const socket = {
    OPEN: 1,
    readyState: 1,
    bufferedAmount: 0,
    send: (data: string) => void sent.push(data),
    close: (code: number) => void closes.push(code),
  };
  return { socket, sent, closes, ws: socket as unknown as WebSocket };
}

const silent = { error: () => {} } as unknown as Logger;
const unbounded = createSocketSend(Number.MAX_SAFE_INTEGER, () => {});

describe('direct next', () => {
  const result: ExecutionResult = { data: { events: { id: 'evt_1', payload: { name: 'Ann "the" 🦊' } } } };

  it('sends the bytes graphql-ws itself would send', () => {
    const directNext = createDirectNext(createResultFormatter(silent), unbounded);
    const { ws, sent } = fakeSocket();
    expect(directNext(ws, 'sub-"1"')(result)).toBe(true);
    expect(sent).toEqual([stringifyMessage({ id: 'sub-"1"', type: MessageType.Next, payload: result })]);
  });

  it('declines what onNext would rewrite and a closing socket', () => {
    const directNext = createDirectNext(createResultFormatter(silent), unbounded);
    const { socket, ws, sent } = fakeSocket();
    const send = directNext(ws, '1');
    expect(send({ data: null, errors: [new GraphQLError('boom')] })).toBe(false);
    socket.readyState = 2;
    expect(send(result)).toBe(false);
    expect(sent).toEqual([]);
  });

  it('serialises a shared result once for all its sockets', () => {
    const directNext = createDirectNext(createResultFormatter(silent), unbounded);
    const sockets = [fakeSocket(), fakeSocket()];
    const stringify = JSON.stringify;
    let calls = 0;
    JSON.stringify = ((...args: Parameters<typeof stringify>) => {
      calls++;
      return stringify(...args);
    }) as typeof JSON.stringify;
    try {
      const sends = sockets.map(({ ws }, i) => directNext(ws, String(i)));
      calls = 0;
      for (const send of sends) send(result);
    } finally {
      JSON.stringify = stringify;
    }
    expect(calls).toBe(1);
    expect(sockets.map(({ sent }) => JSON.parse(sent[0]).payload)).toEqual([result, result]);
  });
});

describe('socket send', () => {
  it('closes a socket whose unsent bytes pass the limit, once, and sends nothing after', () => {
    const tooSlow: unknown[] = [];
    const send = createSocketSend(100, (socket) => tooSlow.push(socket));
    const { socket, ws, sent, closes } = fakeSocket();
    socket.send = (data: string) => {
      sent.push(data);
      socket.bufferedAmount += data.length;
    };
    socket.close = (code: number) => {
      closes.push(code);
      socket.readyState = 2;
    };
    send(ws, 'x'.repeat(100));
    expect(closes).toEqual([]);
    send(ws, 'y');
    send(ws, 'z');
    expect(sent).toEqual(['x'.repeat(100), 'y']);
    expect(closes).toEqual([SLOW_SUBSCRIBER_CLOSE_CODE]);
    expect(tooSlow).toEqual([ws]);
  });
});

describe('result formatter', () => {
  it('formats (and logs) a shared result’s errors once, and leaves a clean result as it is', () => {
    const logged: unknown[] = [];
    const format = createResultFormatter({ error: (object: unknown) => logged.push(object) } as unknown as Logger);
    const clean: ExecutionResult = { data: { ok: true } };
    expect(format(clean)).toBe(clean);
    const failed: ExecutionResult = { data: null, errors: [new GraphQLError('database on fire')] };
    const first = format(failed);
    expect(format(failed)).toBe(first);
    expect(first.errors).toEqual([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(logged).toHaveLength(1);
  });
});
