import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128021847_initial as Postgres0 } from './postgres/Migration20261128021847_initial';
import { Migration20261128023545_operations as Postgres1 } from './postgres/Migration20261128023545_operations';
import { Migration20261128030023_indexes as Postgres2 } from './postgres/Migration20261128030023_indexes';
import { Migration20261128021847_initial as Sqlite0 } from './sqlite/Migration20261128021847_initial';
import { Migration20261128023544_operations as Sqlite1 } from './sqlite/Migration20261128023544_operations';
import { Migration20261128030022_indexes as Sqlite2 } from './sqlite/Migration20261128030022_indexes';

// Each dialect keeps its own generated DDL; `tsx src/db/create-migration.ts <name>` writes the
// next pair, which is then listed here, oldest first.

/** SQLite migrations, oldest first. */
export const SQLITE_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261128021847_initial', class: Sqlite0 },
  { name: 'Migration20261128023544_operations', class: Sqlite1 },
  { name: 'Migration20261128030022_indexes', class: Sqlite2 },
];

/** PostgreSQL migrations, oldest first. */
export const POSTGRES_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261128021847_initial', class: Postgres0 },
  { name: 'Migration20261128023545_operations', class: Postgres1 },
  { name: 'Migration20261128030023_indexes', class: Postgres2 },
];
