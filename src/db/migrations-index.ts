import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Rewrites migrations/index.ts from the files in migrations/<dialect>/: the names (cheap to
 * import, for the "anything to do?" check at start) and a loader that imports the classes
 * only when there is something to migrate.
 */
export function writeMigrationsIndex(folder: string): void {
  const list = (dialect: string) =>
    readdirSync(join(folder, dialect))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => file.slice(0, -3))
      .sort();
  const sqlite = list('sqlite');
  const postgres = list('postgres');
  const names = (items: string[]) => items.map((name) => `    '${name}',\n`).join('');
  const loads = (dialect: string, items: string[]) =>
    items.map((name) => `      { name: '${name}', class: (await import('./${dialect}/${name}')).${name} },\n`).join('');
  writeFileSync(
    join(folder, 'index.ts'),
    `import type { MigrationObject } from '@mikro-orm/core';

// Written by src/db/create-migration.ts; do not edit by hand.

/** The committed migrations of each dialect, oldest first. */
export const MIGRATION_NAMES = {
  sqlite: [
${names(sqlite)}  ],
  postgres: [
${names(postgres)}  ],
} as const;

/** Imports a dialect's migration classes, oldest first. */
export async function loadMigrations(dialect: 'sqlite' | 'postgres'): Promise<MigrationObject[]> {
  if (dialect === 'sqlite') {
    return [
${loads('sqlite', sqlite)}    ];
  }
  return [
${loads('postgres', postgres).replace(/^ {6}/gm, '    ')}  ];
}
`,
  );
}
