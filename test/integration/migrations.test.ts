import { describe, expect, it } from 'vitest';
import type { Migrator } from '@mikro-orm/migrations';
import { migrate, openDatabase, prepareMigrator } from '../../src/db/database';
import { boolParam, dateParam } from '../../src/db/dialect';
import { MIGRATION_NAMES } from '../../src/db/migrations';
import { createSql } from '../../src/db/sql';
import { DATABASE_KINDS, POSTGRES_URL, createTestDatabase } from '../support/databases';

describe.each(DATABASE_KINDS)('migrations on %s', (kind) => {
  it('build exactly the schema the entities describe, and run once', async () => {
    const db = await createTestDatabase(kind);
    const orm = await openDatabase(db.database, 2);
    try {
      const applied = await migrate(orm, db.database);
      expect(applied.length).toBeGreaterThan(0);
      // Entities and committed migrations agree: nothing left for the schema generator to do.
      const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, schema: db.database.kind === 'postgres' ? db.database.schema : undefined });
      expect(diff.trim()).toBe('');
      expect(await migrate(orm, db.database)).toEqual([]);
    } finally {
      await orm.close();
      await db.drop();
    }
  });

  it('fill the hook pattern index from the hooks stored before it', async () => {
    const db = await createTestDatabase(kind);
    const orm = await openDatabase(db.database, 2);
    try {
      await prepareMigrator(orm, db.database);
      const names: readonly string[] = MIGRATION_NAMES[kind];
      const index = names.findIndex((name) => name.endsWith('_hook_patterns'));
      await (orm.getMigrator() as Migrator).up({ to: names[index - 1] });
      const sql = createSql(orm);
      const now = dateParam(kind, new Date());
      await sql.run(
        `insert into hooks (id, name, events, url, headers, enabled, signing_key, retired_signing_keys, ordered, consecutive_failures, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ['hook_old', 'old', JSON.stringify(['User.Created', 'Organization.*', 'User.Created']), 'https://example.com/', '[]', boolParam(kind, true), 'whsec_x', '[]', boolParam(kind, false), 0, now, now],
      );
      await migrate(orm, db.database);
      const rows = await sql.all('select pattern from hook_patterns where hook_id = ? order by pattern', ['hook_old']);
      expect(rows.map((row) => row.pattern)).toEqual(['Organization.*', 'User.Created']);
    } finally {
      await orm.close();
      await db.drop();
    }
  });
});

describe.runIf(POSTGRES_URL)('the payload_json migration on postgres', () => {
  it('keeps every stored payload, readable as before, and new payloads as written', async () => {
    const db = await createTestDatabase('postgres');
    const orm = await openDatabase(db.database, 2);
    try {
      await prepareMigrator(orm, db.database);
      const names: readonly string[] = MIGRATION_NAMES.postgres;
      await (orm.getMigrator() as Migrator).up({ to: names[names.findIndex((name) => name.endsWith('_payload_json')) - 1] });
      const sql = createSql(orm);
      const stored = { zeta: 1, a: { yy: [2, { d: 3, c: 4 }] }, text: 'é 日本 😀' };
      await sql.run('insert into events (id, event_type, payload, created_at) values (?, ?, ?, ?)', ['evt_old', 'User.Created', JSON.stringify(stored), new Date()]);
      await migrate(orm, db.database);
      const [old] = await sql.all('select payload from events where id = ?', ['evt_old']);
      expect(old.payload).toEqual(stored);
      // From now on the column keeps the text as written: keys in the emitter's order, no spaces added.
      const text = JSON.stringify({ zeta: 1, a: 2 });
      await sql.run('insert into events (id, event_type, payload, created_at) values (?, ?, ?, ?)', ['evt_new', 'User.Created', text, new Date()]);
      expect((await sql.all('select payload::text as text from events where id = ?', ['evt_new']))[0].text).toBe(text);
    } finally {
      await orm.close();
      await db.drop();
    }
  });
});

// Scale-out (PostgreSQL only; SQLite is one process) starts API and worker processes at once on
// an empty database: creating the schema and migrating must succeed in every one of them and
// happen exactly once.
describe.runIf(POSTGRES_URL)('processes starting together on postgres', () => {
  it('all open and migrate a fresh schema, and the migrations run once', async () => {
    const db = await createTestDatabase('postgres');
    const orms = await Promise.all(Array.from({ length: 6 }, () => openDatabase(db.database, 1)));
    try {
      const applied = await Promise.all(orms.map((orm) => migrate(orm, db.database)));
      const runs = applied.filter((names) => names.length > 0);
      expect(runs).toHaveLength(1);
      expect(applied.flat()).toEqual(runs[0]);
    } finally {
      await Promise.all(orms.map((orm) => orm.close()));
      await db.drop();
    }
  });
});
