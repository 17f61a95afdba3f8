import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../src/db/database';
import { createHookwireClient, type HookwireClient } from '../../src/sdk';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from '../support/databases';
import { cleanupAfterAll, startChild, type ChildServer } from '../support/process';
import { startReceiver, type Receiver } from '../support/receiver';
import { ADMIN_KEY } from '../support/server';
import { eventually } from '../support/wait';

const EVENTS = 400;

describe.each(DATABASE_KINDS)('a server killed with SIGKILL on %s', (kind) => {
  const cleanup = cleanupAfterAll();

  it('delivers every accepted event at least once after a restart, leaving nothing stuck', async () => {
    const db: TestDatabase = await createTestDatabase(kind);
    cleanup.push(() => db.drop());
    const receiver: Receiver = await startReceiver();
    cleanup.push(() => receiver.close());
    const env = {
      DATABASE_URL: db.url,
      HOOKWIRE_ADMIN_KEY: ADMIN_KEY,
      HOOKWIRE_ALLOW_PRIVATE_TARGETS: 'true',
      HOOKWIRE_REQUEST_TIMEOUT: '1s',
      HOOKWIRE_LEASE: '2s',
      HOOKWIRE_POLL_INTERVAL: '100ms',
      HOOKWIRE_RETRY_SCHEDULE: '100ms,200ms,500ms',
    };
    const start = async (): Promise<[ChildServer, HookwireClient]> => {
      const child = await startChild(env, cleanup);
      const client = createHookwireClient({ url: child.url, apiKey: ADMIN_KEY });
      cleanup.push(() => client.close());
      return [child, client];
    };

    const [first, firstClient] = await start();
    await firstClient.CreateHook({ input: { name: 'crash', url: receiver.url, events: ['*'] } });

    // Emit from 8 concurrent callers; kill the server once deliveries are flowing.
    const accepted = new Set<string>();
    let next = 0;
    const emitter = async () => {
      while (next < EVENTS) {
        const n = next++;
        try {
          const { emitEvent } = await firstClient.EmitEvent({ input: { event: 'User.Created', payload: { n } } });
          accepted.add(emitEvent.id);
        } catch {
          return; // the server is gone: this emit was never acknowledged
        }
      }
    };
    const emitting = Promise.all(Array.from({ length: 8 }, emitter));
    await receiver.waitFor(50, 20_000);
    first.process.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    await emitting;
    expect(accepted.size).toBeGreaterThan(0);
    expect(accepted.size).toBeLessThan(EVENTS); // it really died mid-stream

    const [second] = await start();
    const delivered = () => new Set(receiver.requests.map((request) => String(request.headers['webhook-id'])));
    await eventually(() => [...accepted].every((id) => delivered().has(id)), 30_000, 100);

    // Nothing left waiting or locked: every delivery reached its end.
    const orm = await openDatabase(db.database, 1);
    cleanup.push(() => orm.close());
    await migrate(orm, db.database);
    const stuck = await eventually(async () => {
      const [row] = await orm.em
        .getConnection()
        .execute("select count(*) as n from deliveries where status in ('PENDING', 'RETRYING') or locked_by is not null");
      return Number(row.n) === 0 ? 'none' : undefined;
    }, 15_000, 100);
    expect(stuck).toBe('none');
    const duplicates = receiver.requests.length - delivered().size;
    console.log(`${kind}: ${accepted.size} accepted before SIGKILL, ${receiver.requests.length} requests, ${duplicates} duplicates`);

    // A graceful stop after the crash: SIGTERM drains and exits 0.
    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
