import type { HookwireClient } from '../../src/sdk';
import { startTestServer, type TestServer } from './server';

/** A payload near the default HOOKWIRE_MAX_PAYLOAD_BYTES of 256 KiB. */
export const LARGE_PAYLOAD = { data: 'x'.repeat(250_000) };

/** A server holding `count` User.Created events with {@link LARGE_PAYLOAD}, and a READ key to read them with. */
export interface LargeEventsServer {
  server: TestServer;
  readKey: string;
  reader: HookwireClient;
}

/** Starts a test server on `kind` and emits `count` large events into it, one at a time. */
export async function startServerWithLargeEvents(kind: 'sqlite' | 'postgres', count: number): Promise<LargeEventsServer> {
  const server = await startTestServer(kind);
  for (let i = 0; i < count; i++) await server.emit('User.Created', LARGE_PAYLOAD);
  const readKey = (await server.admin.CreateApiKey({ input: { name: 'reader', scopes: ['READ'] } })).createApiKey.key;
  return { server, readKey, reader: server.client(readKey) };
}
