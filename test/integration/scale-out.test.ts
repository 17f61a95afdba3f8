import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../src/db/database';
import { createHookwireClient, type HookwireClient } from '../../src/sdk';
import { POSTGRES_URL, REDIS_URL, createTestDatabase, type TestDatabase } from '../support/databases';
import { liveFeed, type LiveFeed } from '../support/feed';
import { cleanupAfterAll, startChild } from '../support/process';
import { startReceiver } from '../support/receiver';
import { ADMIN_KEY } from '../support/server';
import { eventually } from '../support/wait';

const EVENTS = 2_000;

describe.skipIf(!POSTGRES_URL || !REDIS_URL)('scale-out: 2 api + 2 worker processes on PostgreSQL and Redis', () => {
  const cleanup = cleanupAfterAll();

  it('mirrors every event to every subscriber and delivers everything through a worker crash', async () => {
    const db: TestDatabase = await createTestDatabase('postgres');
    cleanup.push(() => db.drop());
    const receiver = await startReceiver();
    cleanup.push(() => receiver.close());
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: REDIS_URL as string,
      HOOKWIRE_ADMIN_KEY: ADMIN_KEY,
      HOOKWIRE_ALLOW_PRIVATE_TARGETS: 'true',
      HOOKWIRE_REQUEST_TIMEOUT: '2s',
      HOOKWIRE_LEASE: '3s',
      HOOKWIRE_POLL_INTERVAL: '500ms',
    };
    const spawn = (role: 'api' | 'worker') => startChild({ ...env, HOOKWIRE_ROLE: role }, cleanup);
    // All four start together: the migration lock lets exactly one of them migrate.
    const [api1, api2, worker1, worker2] = await Promise.all([spawn('api'), spawn('api'), spawn('worker'), spawn('worker')]);
    const clients: HookwireClient[] = [api1, api2].map((api) => createHookwireClient({ url: api.url, apiKey: ADMIN_KEY }));
    cleanup.push(() => Promise.all(clients.map((client) => client.close())));

    // Workers serve no GraphQL; APIs send nothing (checked below: every request came after a worker claimed it).
    const workerGraphql = await fetch(`${worker1.url}/graphql`, { method: 'POST' });
    expect(workerGraphql.status).toBe(404);
    expect((await fetch(`${worker1.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${api1.url}/readyz`)).status).toBe(200);

    await clients[0].CreateHook({ input: { name: 'scale', url: receiver.url, events: ['User.*'] } });
    const feeds: Array<LiveFeed<{ events: { id: string; event: string } }>> = clients.map((client) => liveFeed(client.OnEvent({})));
    cleanup.push(() => Promise.all(feeds.map((feed) => feed.close())));
    // Each subscriber must see what the *other* API published before the run starts.
    console.log('scale-out: started');
    for (const [i, feed] of feeds.entries()) {
      await feed.prime(
        () => clients[1 - i].EmitEvent({ input: { event: 'Role.Created', payload: { probe: i } } }),
        (value) => value.events.event === 'Role.Created',
      );
    }

    const emitted: string[] = [];
    let next = 0;
    let killedAt = 0;
    const emitter = async (worker: number) => {
      while (next < EVENTS) {
        const n = next++;
        const { emitEvent } = await clients[n % 2].EmitEvent({ input: { event: 'User.Created', payload: { n, worker } } });
        emitted.push(emitEvent.id);
        if (n === EVENTS / 2) {
          killedAt = Date.now();
          worker2.process.kill('SIGKILL');
        }
      }
    };
    const startedAt = Date.now();
    await Promise.all(Array.from({ length: 16 }, (_, worker) => emitter(worker)));
    console.log(`scale-out: emitted ${EVENTS} in ${Date.now() - startedAt} ms`);
    expect(await worker2.exited).toBe('SIGKILL');
    expect(emitted).toHaveLength(EVENTS);

    // Every subscriber saw every event, whichever API it came through.
    for (const feed of feeds) {
      const seen = await feed.waitFor(EVENTS, (value) => value.events.event === 'User.Created', 30_000);
      expect(new Set(seen.map((value) => value.events.id))).toEqual(new Set(emitted));
    }

    // Every delivery arrived at least once; the surviving worker took over the killed one's leases.
    const ids = () => new Set(receiver.requests.map((request) => String(request.headers['webhook-id'])));
    await eventually(() => emitted.every((id) => ids().has(id)), 60_000, 200);
    const firstSeen = new Map<string, number>();
    const duplicates: string[] = [];
    for (const request of receiver.requests) {
      const id = String(request.headers['webhook-id']);
      if (firstSeen.has(id)) duplicates.push(id);
      else firstSeen.set(id, request.receivedAt);
    }
    // A duplicate can only come from a request the killed worker sent but could not record.
    for (const id of duplicates) expect(firstSeen.get(id)).toBeLessThanOrEqual(killedAt + 1_000);
    expect(duplicates.length).toBeLessThanOrEqual(256);
    console.log(`scale-out: ${EVENTS} events, ${receiver.requests.length} requests, ${duplicates.length} duplicates after SIGKILL of one worker`);

    const orm = await openDatabase(db.database, 1);
    cleanup.push(() => orm.close());
    await migrate(orm, db.database);
    await eventually(async () => {
      const [row] = await orm.em
        .getConnection()
        .execute("select count(*) as n from deliveries where status in ('PENDING', 'RETRYING') or locked_by is not null");
      return Number(row.n) === 0;
    }, 20_000, 200);
    const [{ n: migrations }] = await orm.em.getConnection().execute('select count(*) as n from mikro_orm_migrations');
    expect(Number(migrations)).toBeGreaterThan(0);
  }, 180_000);
});
