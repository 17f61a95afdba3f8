import type { Socket } from 'node:net';
import WebSocket from 'ws';

/** One graphql-ws message as the server sent it. */
export interface WsMessage {
  type: string;
  id?: string;
  payload?: unknown;
}

/** A WebSocket speaking graphql-ws by hand, for what the real client will not do. */
export interface RawWs {
  socket: WebSocket;
  /** Every message received so far. */
  received: WsMessage[];
  /** Resolves with the next message passing `where` (earlier ones are skipped). */
  next(where?: (message: WsMessage) => boolean): Promise<WsMessage>;
  send(message: object | string | Buffer): void;
  /**
   * Writes only the header of a masked binary frame announcing `length` bytes, straight to the
   * TCP socket: what a client does to make a server reserve memory it will never be sent.
   */
  announceFrame(length: number): void;
  /** connection_init with `authorization`, then the ack. */
  init(apiKey?: string): Promise<void>;
  /** Stops reading the TCP socket: the server's writes pile up in its buffers. */
  pause(): void;
  resume(): void;
  /** Resolves when the socket closes, with the code and reason the server sent. */
  closed: Promise<{ code: number; reason: string }>;
}

/** Opens a raw graphql-ws socket to a hookwire server's `/graphql`. */
export async function openRawWs(baseUrl: string): Promise<RawWs> {
  const socket = new WebSocket(new URL('/graphql', baseUrl.replace(/^http/, 'ws')), 'graphql-transport-ws');
  const messages: WsMessage[] = [];
  let read = 0;
  let wake: (() => void) | undefined;
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as WsMessage);
    wake?.();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => {
      resolve({ code, reason: String(reason) });
      wake?.();
    });
  });
  // A refused frame ends in an error on our side too; the close code is what the tests read.
  socket.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', () => reject(new Error('the upgrade was refused')));
  });
  const tcp = () => (socket as unknown as { _socket: Socket })._socket;
  const raw: RawWs = {
    socket,
    received: messages,
    closed,
    async next(where = () => true) {
      for (;;) {
        const index = messages.findIndex((message, at) => at >= read && where(message));
        if (index >= 0) {
          read = index + 1;
          return messages[index];
        }
        if (socket.readyState === WebSocket.CLOSED) throw new Error(`the socket closed (${(await closed).code}) before the message came`);
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    send(message) {
      socket.send(typeof message === 'string' || Buffer.isBuffer(message) ? message : JSON.stringify(message));
    },
    async init(apiKey) {
      raw.send({ type: 'connection_init', payload: apiKey ? { authorization: `Bearer ${apiKey}` } : {} });
      await raw.next((message) => message.type === 'connection_ack');
    },
    announceFrame(length) {
      const header = Buffer.alloc(14);
      header[0] = 0x82; // FIN, binary
      header[1] = 0x80 | 127; // masked, 64-bit length follows
      header.writeBigUInt64BE(BigInt(length), 2);
      header.writeUInt32BE(0x01020304, 10); // the masking key
      tcp().write(header);
    },
    pause: () => tcp().pause(),
    resume: () => tcp().resume(),
  };
  return raw;
}
