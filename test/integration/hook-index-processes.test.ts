import { describe, expect, it } from 'vitest';
import { createHookwireClient, type HookwireClient } from '../../src/sdk';
import { POSTGRES_URL, REDIS_URL, createTestDatabase } from '../support/databases';
import { cleanupAfterAll, startChild } from '../support/process';
import { ADMIN_KEY } from '../support/server';

// Emits find hooks through the pattern index: a hook change made in one process must reach an
// emit in another at once, as it did when every emit read every hook in its transaction.
describe.skipIf(!POSTGRES_URL || !REDIS_URL)('hook changes across processes on PostgreSQL', () => {
  const cleanup = cleanupAfterAll();

  it('an emit in another process matches a hook as it was just created, changed and deleted', async () => {
    const db = await createTestDatabase('postgres');
    cleanup.push(() => db.drop());
    const env = { DATABASE_URL: db.url, REDIS_URL: REDIS_URL as string, HOOKWIRE_ADMIN_KEY: ADMIN_KEY, HOOKWIRE_ROLE: 'api' };
    const [admin, emitter] = await Promise.all([startChild(env, cleanup), startChild(env, cleanup)]);
    const [hooks, events]: HookwireClient[] = [admin, emitter].map((api) => createHookwireClient({ url: api.url, apiKey: ADMIN_KEY }));
    cleanup.push(() => Promise.all([hooks.close(), events.close()]));

    /** The hooks the other process queued a delivery for, emitting `type` now. */
    const deliveredTo = async (type: string): Promise<string[]> => {
      const { emitEvent } = await events.EmitEvent({ input: { event: type, payload: {} } });
      const { event } = await events.EventDeliveries({ id: emitEvent.id, first: 50 });
      return (event?.deliveries.nodes ?? []).map((delivery) => delivery.hookId).sort();
    };

    const { createHook: exact } = await hooks.CreateHook({ input: { name: 'exact', events: ['User.Created'], url: 'https://example.com/a' } });
    const { createHook: group } = await hooks.CreateHook({ input: { name: 'group', events: ['Organization.*'], url: 'https://example.com/b' } });
    expect(await deliveredTo('User.Created')).toEqual([exact.id]);
    expect(await deliveredTo('Organization.Created')).toEqual([group.id]);

    await hooks.UpdateHook({ id: exact.id, input: { events: ['User.Deleted', '*'] } });
    await hooks.UpdateHook({ id: group.id, input: { events: ['User.Deleted'] } });
    expect(await deliveredTo('Organization.Created')).toEqual([exact.id]);
    expect(await deliveredTo('User.Deleted')).toEqual([exact.id, group.id].sort());

    await hooks.UpdateHook({ id: exact.id, input: { events: ['User.Created'] } });
    expect(await deliveredTo('User.Deleted')).toEqual([group.id]);

    await hooks.DeleteHook({ id: group.id });
    expect(await deliveredTo('User.Deleted')).toEqual([]);
    expect(await deliveredTo('User.Created')).toEqual([exact.id]);
  });
});
