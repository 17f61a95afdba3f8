import { Entity, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, type Ref } from '@mikro-orm/core';
import { Hook } from './hook.entity';

/**
 * One entry of a hook's `events` (an exact type or a pattern), as a row: an emit finds the
 * hooks that may want an event through the primary key, which leads with the pattern, instead
 * of reading every hook. Written in the transaction that writes the hook's `events`, so every
 * process sees the hook and its rows change together; deleted with the hook.
 */
@Entity({ tableName: 'hook_patterns' })
// Serves the cascade when a hook is deleted and the sync when its events change.
@Index({ properties: ['hook'] })
export class HookPattern {
  [PrimaryKeyProp]?: ['pattern', 'hook'];

  @PrimaryKey({ type: 'string', length: 256 })
  pattern!: string;

  @ManyToOne(() => Hook, { primary: true, deleteRule: 'cascade', ref: true })
  hook!: Ref<Hook>;
}
