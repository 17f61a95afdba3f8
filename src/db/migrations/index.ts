import type { MigrationObject } from '@mikro-orm/core';

// Written by src/db/create-migration.ts; do not edit by hand.

/** The committed migrations of each dialect, oldest first. */
export const MIGRATION_NAMES = {
  sqlite: [
    'Migration20261128021847_initial',
    'Migration20261128023544_operations',
    'Migration20261128030022_indexes',
    'Migration20261128034329_claim_by_hook',
    'Migration20261128061614_prune_indexes',
    'Migration20261130125417_drop_event_index',
    'Migration20261201075023_idempotency_per_emitter',
    'Migration20261201112719_hook_patterns',
  ],
  postgres: [
    'Migration20261128021847_initial',
    'Migration20261128023545_operations',
    'Migration20261128030023_indexes',
    'Migration20261128034330_claim_by_hook',
    'Migration20261128061614_prune_indexes',
    'Migration20261201075024_idempotency_per_emitter',
    'Migration20261201112720_hook_patterns',
    'Migration20261201131500_payload_json',
  ],
} as const;

/** Imports a dialect's migration classes, oldest first. */
export async function loadMigrations(dialect: 'sqlite' | 'postgres'): Promise<MigrationObject[]> {
  if (dialect === 'sqlite') {
    return [
      { name: 'Migration20261128021847_initial', class: (await import('./sqlite/Migration20261128021847_initial')).Migration20261128021847_initial },
      { name: 'Migration20261128023544_operations', class: (await import('./sqlite/Migration20261128023544_operations')).Migration20261128023544_operations },
      { name: 'Migration20261128030022_indexes', class: (await import('./sqlite/Migration20261128030022_indexes')).Migration20261128030022_indexes },
      { name: 'Migration20261128034329_claim_by_hook', class: (await import('./sqlite/Migration20261128034329_claim_by_hook')).Migration20261128034329_claim_by_hook },
      { name: 'Migration20261128061614_prune_indexes', class: (await import('./sqlite/Migration20261128061614_prune_indexes')).Migration20261128061614_prune_indexes },
      { name: 'Migration20261130125417_drop_event_index', class: (await import('./sqlite/Migration20261130125417_drop_event_index')).Migration20261130125417_drop_event_index },
      { name: 'Migration20261201075023_idempotency_per_emitter', class: (await import('./sqlite/Migration20261201075023_idempotency_per_emitter')).Migration20261201075023_idempotency_per_emitter },
      { name: 'Migration20261201112719_hook_patterns', class: (await import('./sqlite/Migration20261201112719_hook_patterns')).Migration20261201112719_hook_patterns },
    ];
  }
  return [
    { name: 'Migration20261128021847_initial', class: (await import('./postgres/Migration20261128021847_initial')).Migration20261128021847_initial },
    { name: 'Migration20261128023545_operations', class: (await import('./postgres/Migration20261128023545_operations')).Migration20261128023545_operations },
    { name: 'Migration20261128030023_indexes', class: (await import('./postgres/Migration20261128030023_indexes')).Migration20261128030023_indexes },
    { name: 'Migration20261128034330_claim_by_hook', class: (await import('./postgres/Migration20261128034330_claim_by_hook')).Migration20261128034330_claim_by_hook },
    { name: 'Migration20261128061614_prune_indexes', class: (await import('./postgres/Migration20261128061614_prune_indexes')).Migration20261128061614_prune_indexes },
    { name: 'Migration20261201075024_idempotency_per_emitter', class: (await import('./postgres/Migration20261201075024_idempotency_per_emitter')).Migration20261201075024_idempotency_per_emitter },
    { name: 'Migration20261201112720_hook_patterns', class: (await import('./postgres/Migration20261201112720_hook_patterns')).Migration20261201112720_hook_patterns },
    { name: 'Migration20261201131500_payload_json', class: (await import('./postgres/Migration20261201131500_payload_json')).Migration20261201131500_payload_json },
  ];
}
