import type { ExecutionResult, FormattedExecutionResult } from 'graphql';
import type { WebSocket } from 'ws';
import type { Bypass } from './shared-subscriptions';
import type { SocketSend } from './socket-limits';

/**
 * Builds the bypass that writes graphql-ws `next` messages straight onto a subscriber's
 * socket. A shared result reaches every member of its group in one synchronous pass, so its
 * JSON is built once (a one-result cache) and each socket gets `{"id":…,"type":"next",
 * "payload":…}` around it: the bytes graphql-ws itself would send, without its per-message
 * validation, stringify and promises (at 1,000 subscribers those were most of the fan-out).
 *
 * `format` is graphql-ws's `onNext`: the bypass takes only results it returns unchanged, so
 * anything it would rewrite (errors) still goes through graphql-ws and `onNext`. Every frame
 * goes out through `send`, which bounds what the socket may hold unsent: a slow subscriber's
 * results wait in its socket's buffer, measured in bytes, not in a queue counted in results.
 */
export function createDirectNext(
  format: (result: ExecutionResult) => FormattedExecutionResult | ExecutionResult,
  send: SocketSend,
) {
  let lastResult: ExecutionResult | undefined;
  let lastJson = '';
  const jsonOf = (result: ExecutionResult): string => {
    if (result !== lastResult) {
      lastJson = JSON.stringify(result);
      lastResult = result;
    }
    return lastJson;
  };
  return (socket: WebSocket, id: string): Bypass => {
    const head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
    return (result) => {
      if (socket.readyState !== socket.OPEN || format(result) !== result) return false;
      send(socket, `${head}${jsonOf(result)}}`);
      return true;
    };
  };
}
