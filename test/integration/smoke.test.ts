import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { startReceiver, type Receiver } from '../support/receiver';
import { startTestServer, type TestServer } from '../support/server';
import { liveFeed } from '../support/feed';

describe.each(DATABASE_KINDS)('smoke on %s', (kind) => {
  let server: TestServer;
  let receiver: Receiver;
  beforeAll(async () => {
    server = await startTestServer(kind);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  it('creates a hook, emits, delivers and mirrors the event live', async () => {
    const { createHook } = await server.admin.CreateHook({ input: { name: 'a', events: ['User.*'], url: receiver.url } });
    const feed = liveFeed(server.admin.OnEvent({}));
    await feed.prime(() => server.admin.EmitEvent({ input: { event: 'Role.Created', payload: { probe: true } } }), (v) => v.events.event === 'Role.Created');
    const { emitEvent } = await server.admin.EmitEvent({ input: { event: 'User.Created', payload: { userId: 'u1' } } });
    const [request] = await receiver.waitFor(1);
    expect(JSON.parse(request.body)).toEqual({ hookId: createHook.id, event: 'User.Created', createdAt: emitEvent.createdAt, userId: 'u1' });
    const [live] = await feed.waitFor(1, (v) => v.events.event === 'User.Created');
    expect(live.events).toEqual(emitEvent);
    await feed.close();
  });
});
