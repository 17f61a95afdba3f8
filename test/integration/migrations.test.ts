import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../src/db/database';
import { DATABASE_KINDS, createTestDatabase } from '../support/databases';

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
});
