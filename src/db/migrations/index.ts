import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128021847_initial as PostgresInitial } from './postgres/Migration20261128021847_initial';
import { Migration20261128021847_initial as SqliteInitial } from './sqlite/Migration20261128021847_initial';

// Each dialect keeps its own generated DDL; `tsx src/db/create-migration.ts <name>` writes the
// next pair, which is then listed here, oldest first.

/** SQLite migrations, oldest first. */
export const SQLITE_MIGRATIONS: MigrationObject[] = [{ name: 'Migration20261128021847_initial', class: SqliteInitial }];

/** PostgreSQL migrations, oldest first. */
export const POSTGRES_MIGRATIONS: MigrationObject[] = [{ name: 'Migration20261128021847_initial', class: PostgresInitial }];
