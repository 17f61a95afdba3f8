import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { quoteIdentifier } from '../../src/db/database';
import { createHookwireClient } from '../../src/sdk';
import { POSTGRES_URL, createTestDatabase, type TestDatabase } from '../support/databases';
import { cleanupAfterAll, startChild, type ChildServer } from '../support/process';
import { ADMIN_KEY } from '../support/server';
import { eventually } from '../support/wait';

const ROUNDS = 10;
const PROCESSES = 4;
const KEY_BANNER = 'hookwire generated an admin API key';

describe.skipIf(!POSTGRES_URL)('processes booting together on a fresh PostgreSQL schema', () => {
  const cleanup = cleanupAfterAll();

  async function freshSchema(): Promise<TestDatabase> {
    const db = await createTestDatabase('postgres');
    cleanup.push(() => db.drop());
    return db;
  }

  const spawn = (env: Record<string, string>) => startChild(env, cleanup);

  async function stop(child: ChildServer): Promise<void> {
    child.process.kill('SIGTERM');
    await child.exited;
  }

  it(`all start, ${ROUNDS} rounds of ${PROCESSES}, while another schema of the database changes`, async () => {
    // A shared database is never still: other services (here: other test suites) create and
    // drop their schemas while hookwire boots. This loop does so in a schema of its own.
    const churn = new pg.Client({ connectionString: POSTGRES_URL });
    await churn.connect();
    const scratch = quoteIdentifier(`hookwire_churn_${process.pid}`);
    let churning = true;
    const churned = (async () => {
      while (churning) {
        await churn.query(`create schema ${scratch}; create table ${scratch}.a (id int); create table ${scratch}.b (id int)`);
        await churn.query(`drop schema ${scratch} cascade`);
      }
    })();
    const stopChurn = async () => {
      churning = false;
      await churned.catch(() => undefined);
      await churn.query(`drop schema if exists ${scratch} cascade`);
      await churn.end();
    };
    try {
      await bootRounds();
    } finally {
      await stopChurn();
    }
  }, 240_000);

  async function bootRounds(): Promise<void> {
    for (let round = 0; round < ROUNDS; round++) {
      const db = await freshSchema();
      const env = { DATABASE_URL: db.url, HOOKWIRE_ADMIN_KEY: ADMIN_KEY };
      const roles = ['api', 'worker', 'api', 'worker'].slice(0, PROCESSES);
      const starts = await Promise.allSettled(roles.map((role) => spawn({ ...env, HOOKWIRE_ROLE: role })));
      const failed = starts.flatMap((start) => (start.status === 'rejected' ? [String(start.reason)] : []));
      expect(failed, `round ${round}`).toEqual([]);
      for (const start of starts) if (start.status === 'fulfilled') await stop(start.value);

      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        const schema = (db.database as { schema: string }).schema;
        const { rows } = await client.query(`select name, count(*)::int as n from ${quoteIdentifier(schema)}.mikro_orm_migrations group by name`);
        // Each migration ran once.
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((row: { n: number }) => row.n === 1)).toBe(true);
      } finally {
        await client.end();
      }
    }
  }

  it('prints the generated admin key from the API process, even when the worker booted first', async () => {
    const db = await freshSchema();
    const worker = await spawn({ DATABASE_URL: db.url, HOOKWIRE_ROLE: 'worker' });
    const api = await spawn({ DATABASE_URL: db.url, HOOKWIRE_ROLE: 'api' });
    await eventually(() => api.output().includes(KEY_BANNER), 10_000, 50);
    const key = /\n {2}(hwk_\S+)\n/.exec(api.output())?.[1];
    expect(key).toBeDefined();
    // The key works against the API that printed it.
    const client = createHookwireClient({ url: api.url, apiKey: key });
    cleanup.push(() => client.close());
    const { apiKeys } = await client.ApiKeys({ first: 10 });
    expect(apiKeys.nodes.map((node) => node.name)).toEqual(['bootstrap admin']);
    await stop(worker);
    // Its shutdown line comes after anything it printed at boot.
    expect(worker.output()).toContain('"msg":"hookwire stopped"');
    expect(worker.output()).not.toContain(KEY_BANNER);
  }, 60_000);

  it('prints the generated admin key from the API process when an api and a worker start at once', async () => {
    const db = await freshSchema();
    const [api, worker] = await Promise.all([
      spawn({ DATABASE_URL: db.url, HOOKWIRE_ROLE: 'api' }),
      spawn({ DATABASE_URL: db.url, HOOKWIRE_ROLE: 'worker' }),
    ]);
    await eventually(() => api.output().includes(KEY_BANNER), 10_000, 50);
    await stop(worker);
    expect(worker.output()).toContain('"msg":"hookwire stopped"');
    expect(worker.output()).not.toContain(KEY_BANNER);
  }, 60_000);
});
