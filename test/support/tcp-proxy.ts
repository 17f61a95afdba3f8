import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

/** A TCP proxy on port 0 in front of `target`, whose link can be cut and restored. */
export interface TcpProxy {
  port: number;
  /** Drops every connection and refuses new ones (accepts and closes them at once) until `restore`. */
  cut(): void;
  restore(): void;
  /** Connections refused while cut: each is a reconnection attempt of the client. */
  refused: number;
  close(): Promise<void>;
}

/** Starts a proxy to `host:port`. */
export async function startTcpProxy(host: string, port: number): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let cut = false;
  const server = createServer((client) => {
    if (cut) {
      proxy.refused++;
      client.destroy();
      return;
    }
    const upstream = connect(port, host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        open.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const proxy: TcpProxy = {
    port: (server.address() as AddressInfo).port,
    refused: 0,
    cut() {
      cut = true;
      for (const socket of open) socket.destroy();
    },
    restore() {
      cut = false;
    },
    async close() {
      proxy.cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}
