import { afterAll, beforeAll } from 'vitest';
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

/**
 * For a describe block: registers a `beforeAll` that starts a test server on `kind` and emits
 * `count` large events into it, one at a time, and an `afterAll` that closes it. The object
 * returned is filled in once the `beforeAll` has run, so read its fields inside the tests.
 */
export function useServerWithLargeEvents(kind: 'sqlite' | 'postgres', count: number): LargeEventsServer {
  const large = {} as LargeEventsServer;
  beforeAll(async () => {
    large.server = await startTestServer(kind);
    for (let i = 0; i < count; i++) await large.server.emit('User.Created', LARGE_PAYLOAD);
    large.readKey = (await large.server.admin.CreateApiKey({ input: { name: 'reader', scopes: ['READ'] } })).createApiKey.key;
    large.reader = large.server.client(large.readKey);
  }, 120_000);
  afterAll(async () => {
    await large.server?.close();
  });
  return large;
}
