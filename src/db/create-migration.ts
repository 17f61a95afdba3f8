import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/knex';
import type { Config } from '../config';
import { prepareMigrator } from './database';
import { writeMigrationsIndex } from './migrations-index';
import { ormOptions } from './orm-config';

/**
 * Development tool: writes the migration that brings each dialect's committed migrations up
 * to the entities. It migrates a scratch SQLite file and a scratch PostgreSQL schema, diffs
 * them against the entities, writes the difference under src/db/migrations/<dialect>/, and
 * rewrites src/db/migrations/index.ts to list it.
 *
 * Usage: DATABASE_URL=postgres://… tsx src/db/create-migration.ts <name>
 */
async function main(): Promise<void> {
  const name = process.argv[2] ?? 'change';
  const scratch = join(mkdtempSync(join(tmpdir(), 'hookwire-migration-')), 'scratch.db');
  const targets: Array<[string, Config['database']]> = [['sqlite', { kind: 'sqlite', path: scratch }]];
  if (process.env.DATABASE_URL?.startsWith('postgres')) {
    const url = new URL(process.env.DATABASE_URL);
    targets.push(['postgres', { kind: 'postgres', url: url.toString() }]);
  }
  for (const [dialect, database] of targets) {
    const orm = await MikroORM.init(await ormOptions(database));
    await prepareMigrator(orm, database);
    const path = join(import.meta.dirname, 'migrations', dialect);
    const migrator = orm.getMigrator();
    await migrator.up();
    const result = await migrator.createMigration(path, false, false, name);
    console.log(`${dialect}: ${result.fileName || 'no changes'}`);
    await orm.close();
  }
  writeMigrationsIndex(join(import.meta.dirname, 'migrations'));
}

await main();
