import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/server';

// Two updates of one hook that overlap: each reads the hook before the other commits. The one
// that commits last must leave the hook's row and its rows in the pattern index alike, or
// emits would look the hook up by patterns it no longer has.
describe.each(DATABASE_KINDS)('overlapping updates of a hook on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('leave the stored events and the pattern index alike', async () => {
    const hook = await server.createHook('https://example.com/race', ['User.Created']);
    for (let round = 0; round < 10; round++) {
      await Promise.all([
        server.admin.UpdateHook({ id: hook.id, input: { events: ['Role.Created'] } }),
        // Sends the events the hook had when it was read: unchanged to the ORM, whatever committed meanwhile.
        server.admin.UpdateHook({ id: hook.id, input: { name: `race ${round}`, events: ['User.Created'] } }),
      ]);
      const em = server.app.orm.em.fork();
      const [row] = await em.getConnection().execute('select events from hooks where id = ?', [hook.id]);
      const stored = typeof row.events === 'string' ? (JSON.parse(row.events) as string[]) : (row.events as string[]);
      const indexed = await em.getConnection().execute('select pattern from hook_patterns where hook_id = ? order by pattern', [hook.id]);
      expect(indexed.map((entry: { pattern: string }) => entry.pattern), `round ${round}`).toEqual([...stored].sort());
      // Back to the start for the next round.
      await server.admin.UpdateHook({ id: hook.id, input: { events: ['User.Created'] } });
    }
  });
});
