import type { EntityManager } from '@mikro-orm/core';
import { HookPattern } from '../db/tables/hook-pattern.entity';

/**
 * Makes a hook's rows in the pattern index (`hook_patterns`) its `events`, inside the
 * transaction that just wrote the hook: an emit in any process sees the hook and its index
 * rows change together. Run after the hook's row is written, whose lock orders two changes of
 * one hook, so each reads the rows the other left.
 */
export async function syncHookPatterns(tx: EntityManager, hookId: string, events: readonly string[]): Promise<void> {
  const wanted = new Set(events);
  const stored = await tx.find(HookPattern, { hook: hookId }, { fields: ['pattern'] });
  const unwanted = stored.map((row) => row.pattern).filter((pattern) => !wanted.delete(pattern));
  if (unwanted.length > 0) await tx.nativeDelete(HookPattern, { hook: hookId, pattern: { $in: unwanted } });
  if (wanted.size > 0) await tx.insertMany(HookPattern, [...wanted].map((pattern) => ({ pattern, hook: hookId })));
}
