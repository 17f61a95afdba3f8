import type { WebSocket } from 'ws';

/**
 * The close code of a socket that fell more than its unsent-bytes limit behind. In graphql-ws's
 * private range (4000–4999) but outside the 44xx codes it uses itself, so a client can tell it
 * from a protocol error; graphql-ws clients treat it as retryable (reconnect, resubscribe).
 */
export const SLOW_SUBSCRIBER_CLOSE_CODE = 4008;

/** The reason sent with `SLOW_SUBSCRIBER_CLOSE_CODE`. */
export const SLOW_SUBSCRIBER_REASON = 'subscriber too slow: too many bytes unsent';

/** Writes one frame to a socket, keeping the socket's unsent bytes within a limit. */
export type SocketSend = (socket: WebSocket, data: string) => void;

/**
 * Builds the one way hookwire writes to a graphql-ws socket. Nothing upstream waits for a
 * socket to drain (graphql-ws's own sends resolve at once, see `ws-adapter.ts`), so every
 * result a subscriber has not taken yet sits in one place, the socket's send buffer, and
 * `bufferedAmount` measures it in bytes. Past `maxUnsentBytes` the socket is closed with
 * `SLOW_SUBSCRIBER_CLOSE_CODE`: a reader that slow would otherwise hold every event of the
 * feed in this process's memory. The close frame queues behind the unsent data; the
 * server's `closeTimeout` ends the socket (and frees that data) if the peer never reads it.
 * `onTooSlow` runs once per socket closed this way.
 */
export function createSocketSend(maxUnsentBytes: number, onTooSlow: (socket: WebSocket) => void): SocketSend {
  return (socket, data) => {
    // ws buffers (and copies) data sent after close() too: send nothing once closing.
    if (socket.readyState !== socket.OPEN) return;
    socket.send(data);
    if (socket.bufferedAmount > maxUnsentBytes) {
      socket.close(SLOW_SUBSCRIBER_CLOSE_CODE, SLOW_SUBSCRIBER_REASON);
      onTooSlow(socket);
    }
  };
}
