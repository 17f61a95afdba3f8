import { createServer } from 'node:net';

/**
 * A port of 127.0.0.1 that nothing listens on: bound on port 0, then released. Free for a
 * process to bind next, or refusing connections for a test of an unreachable endpoint (until
 * something else happens to bind it: the system hands out recently freed ports last).
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
