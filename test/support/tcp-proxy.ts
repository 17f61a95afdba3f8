import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

/** A TCP proxy on port 0 in front of `target`, whose link can be cut and restored. */
export interface TcpProxy {
  port: number;
  /** Drops every connection and refuses new ones (accepts and closes them at once) until `restore`. */
  cut(): void;
  restore(): void;
  /** Connections refused while cut: each is a reconnection attempt of the client. */
  refused: number;
  /**
   * Loses the answer to the next request whose bytes contain `text`: the request reaches the
   * server, and the link is cut (as `cut`) the moment the server starts to answer, so the
   * client cannot know whether it was carried out. Resolves once it has been cut.
   */
  loseAnswerTo(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts a proxy to `host:port`. */
export async function startTcpProxy(host: string, port: number): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let cut = false;
  let losing: { text: string; lost: () => void } | undefined;
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
    // Bytes are forwarded by hand rather than piped, so an answer can be held back and lost.
    let answerToLose: (() => void) | undefined;
    client.on('data', (chunk: Buffer) => {
      if (losing && chunk.includes(losing.text)) {
        answerToLose = losing.lost;
        losing = undefined;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (answerToLose) {
        proxy.cut();
        answerToLose();
        answerToLose = undefined;
        return;
      }
      client.write(chunk);
    });
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
    loseAnswerTo(text) {
      return new Promise<void>((lost) => (losing = { text, lost }));
    },
    async close() {
      proxy.cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}
