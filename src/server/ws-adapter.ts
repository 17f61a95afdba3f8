import type { IncomingMessage } from 'node:http';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../logger';
import type { SocketSend } from './socket-limits';

/** How often an idle socket is pinged; one that has not answered by the next ping is cut. */
const KEEP_ALIVE_MS = 12_000;

/**
 * Thrown from a graphql-ws hook (`onConnect`, `onSubscribe`, …) to close the socket with this
 * code and reason, e.g. 4403 with a reason the client can show. Any other error thrown there
 * is an internal one: logged, and the socket closed with 4500 and a masked reason.
 */
export class CloseConnection extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** What `serveGraphqlWs` needs besides graphql-ws's own options. */
export interface WsAdapterOptions {
  logger: Logger;
  /** Every frame graphql-ws sends goes through this (it bounds the socket's unsent bytes). */
  send: SocketSend;
}

/**
 * graphql-ws's `makeServer` over a `ws` WebSocketServer: `graphql-ws/use/ws`'s `useServer`,
 * with three differences. Its errors go to the logger, not to `console.error` with a stack.
 * Its sends resolve as soon as the frame is handed to the socket instead of when it is
 * flushed, so a subscriber that does not read never parks results upstream (in its
 * subscription queue), where their size is not known; they wait in the socket's buffer,
 * which `send` bounds. And a hook may close the socket with a code of its choosing by throwing
 * `CloseConnection`. Returns the disposer, which closes every socket with 1001 and the server.
 */
export function serveGraphqlWs<P extends Record<string, unknown> | undefined>(
  options: ServerOptions<P, Extra>,
  wsServer: WebSocketServer,
  { logger, send }: WsAdapterOptions,
): { dispose(): Promise<void> } {
  const server = makeServer(options);
  wsServer.options.handleProtocols = handleProtocols;
  wsServer.on('error', (error) => {
    logger.error({ err: error }, 'the WebSocket server failed; closing its sockets');
    for (const client of wsServer.clients) client.close(CloseCode.InternalServerError, 'Internal server error');
  });
  wsServer.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    // ws emits 'error' when a client breaks the protocol (a frame over maxPayload, invalid
    // UTF-8, a bad opcode) and has already closed the socket with the fitting code (1009, …).
    socket.on('error', (error: Error & { code?: string }) => {
      logger.info({ code: error.code, reason: error.message }, 'closed a WebSocket that broke the protocol');
    });
    const stopKeepAlive = keepAlive(socket);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => send(socket, data),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data) => {
            handle(String(data)).catch((error: unknown) => {
              if (error instanceof CloseConnection) return socket.close(error.code, error.reason);
              logger.error({ err: error }, 'internal error handling a graphql-ws message');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      { socket, request },
    );
    socket.once('close', (code, reason) => {
      stopKeepAlive();
      closed(code, String(reason)).catch((error: unknown) => logger.error({ err: error }, 'internal error closing a graphql-ws socket'));
    });
  });
  return {
    async dispose() {
      for (const client of wsServer.clients) client.close(1001, 'Going away');
      // Listeners go once it is closed: its 'error' handler stays until nothing can emit one.
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      wsServer.removeAllListeners();
    },
  };
}

/** Pings `socket` every KEEP_ALIVE_MS and cuts it when a ping goes unanswered; returns the stop. */
function keepAlive(socket: WebSocket): () => void {
  let answered = true;
  socket.on('pong', () => (answered = true));
  const timer = setInterval(() => {
    if (!answered) return socket.terminate();
    answered = false;
    if (socket.readyState === socket.OPEN) socket.ping();
  }, KEEP_ALIVE_MS);
  return () => clearInterval(timer);
}
