import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/delivery/clock';
import { createSql } from '../../src/db/sql';
import { RetentionSweeper } from '../../src/queue/retention';
import { DATABASE_KINDS } from '../support/databases';
import { receiverPool } from '../support/receiver';
import { startTestServer, type TestServer } from '../support/server';
import { eventually } from '../support/wait';

const DAY = 24 * 60 * 60 * 1000;
const RETENTION = 30 * DAY;

describe.each(DATABASE_KINDS)('retention on %s', (kind) => {
  let server: TestServer;
  const receivers = receiverPool();
  const receiver = receivers.start;
  const rows = async (sql: string, params: unknown[] = []) =>
    (await server.app.orm.em.getConnection().execute(sql, params)) as Array<Record<string, unknown>>;
  const eventIds = async () => (await rows('select id from events')).map((row) => String(row.id));
  const sweeper = (options: Partial<ConstructorParameters<typeof RetentionSweeper>[0]> = {}) =>
    new RetentionSweeper({
      sql: createSql(server.app.orm),
      retentionMs: RETENTION,
      clock: systemClock,
      logger: server.app.logger,
      batchSize: 2,
      pauseMs: 0,
      ...options,
    });

  beforeAll(async () => {
    // A long retry wait keeps a failed delivery RETRYING; a long timeout keeps a hung one in flight.
    server = await startTestServer(kind, { HOOKWIRE_RETRY_SCHEDULE: '1h', HOOKWIRE_REQUEST_TIMEOUT: '20s', HOOKWIRE_LEASE: '30s' });
  });
  afterAll(async () => {
    await receivers.closeAll();
    await server?.close();
  });

  it('deletes old events with their deliveries and attempts, and old attempts, but keeps events still being delivered', async () => {
    const ok = await receiver();
    const failing = await receiver();
    failing.reply(() => ({ status: 500 }));
    const hanging = await receiver();
    hanging.reply(() => 'hang');
    const okHook = await server.createHook(ok.url, ['User.Created']);
    const failingHook = await server.createHook(failing.url, ['Role.Created']);
    await server.createHook(hanging.url, ['Organization.Created']);

    const delivered = await server.emit('User.Created');
    const retrying = await server.emit('Role.Created');
    const inFlight = await server.emit('Organization.Created');
    const unmatched = await server.emit('PostSignIn');
    await Promise.all([ok.waitFor(1), failing.waitFor(1), hanging.waitFor(1)]);
    const [deliveredDelivery] = await eventually(async () => {
      const nodes = (await server.admin.HookDeliveries({ id: okHook.id })).hook.deliveries.nodes;
      return nodes[0]?.status === 'SUCCEEDED' ? nodes : undefined;
    });
    const [retryingDelivery] = await eventually(async () => {
      const nodes = (await server.admin.HookDeliveries({ id: failingHook.id })).hook.deliveries.nodes;
      return nodes[0]?.status === 'RETRYING' ? nodes : undefined;
    });

    // Nothing is old yet.
    expect(await sweeper().runOnce(new Date())).toEqual({ events: 0, attempts: 0 });
    expect(await eventIds()).toHaveLength(4);

    const counts = await sweeper().runOnce(new Date(Date.now() + RETENTION + DAY));
    expect(counts).toEqual({ events: 2, attempts: 2 });
    const left = await eventIds();
    expect(left.sort()).toEqual([retrying.id, inFlight.id].sort());
    expect(left).not.toContain(delivered.id);
    expect(left).not.toContain(unmatched.id);
    // The cascade took the delivered event's delivery; the retrying one stays, without its old attempt.
    expect(await rows('select id from deliveries where event_id = ?', [delivered.id])).toHaveLength(0);
    expect(await rows('select id from delivery_attempts where delivery_id = ?', [deliveredDelivery.id])).toHaveLength(0);
    expect(await rows('select status from deliveries where id = ?', [retryingDelivery.id])).toEqual([{ status: 'RETRYING' }]);
    expect(await rows('select id from delivery_attempts where delivery_id = ?', [retryingDelivery.id])).toHaveLength(0);
    expect(await rows('select status from deliveries where event_id = ?', [inFlight.id])).toEqual([{ status: 'PENDING' }]);
  });

  it('works through more rows than one batch holds', async () => {
    const before = (await eventIds()).length;
    for (let i = 0; i < 5; i++) await server.emit('Organization.Deleted');
    const counts = await sweeper({ batchSize: 2 }).runOnce(new Date(Date.now() + RETENTION + DAY));
    expect(counts.events).toBe(5);
    expect(await eventIds()).toHaveLength(before);
  });

  it('sweeps on its timer until stopped', async () => {
    const event = await server.emit('Organization.Deleted');
    // Each pass asks the clock once: the count of passes is what the sweeper has done.
    let passes = 0;
    const future = {
      now: () => {
        passes++;
        return new Date(Date.now() + RETENTION + DAY);
      },
    };
    const timed = sweeper({ clock: future, initialDelayMs: 0, intervalMs: 20 });
    timed.start();
    await eventually(async () => !(await eventIds()).includes(event.id));
    // The timer really turns: three passes, 20 ms apart.
    await eventually(() => passes >= 3);
    await timed.stop();
    const stoppedAt = passes;
    const later = await server.emit('Organization.Deleted');
    // No sentinel can exist: a stopped sweeper does nothing that could be waited for. So the
    // test waits five of its intervals, having seen above that passes came at that pace.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(passes).toBe(stoppedAt);
    expect(await eventIds()).toContain(later.id);
  });
});
