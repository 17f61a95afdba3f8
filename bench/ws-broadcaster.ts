import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

/**
 * The bare broadcast the 5,000-subscriber scenario compares hookwire's live feed with: a plain
 * `ws` server on 127.0.0.1 in its own process (`fork`ed), which sends each text its parent
 * passes over IPC to every connected socket, encoded once. No GraphQL, no auth, no per-socket
 * work beyond the write: the machine's own cost of one message to every socket.
 */
const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
server.on('listening', () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on('message', (message) => {
  const bytes = Buffer.from((message as { broadcast: string }).broadcast);
  for (const socket of server.clients) socket.send(bytes, { binary: false });
});
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
