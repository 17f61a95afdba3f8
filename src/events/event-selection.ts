import { raw } from '@mikro-orm/core';
import { BadUserInputError } from '../errors';
import { patternPrefix } from './event-pattern';

/**
 * A selection of event types (exact names and patterns), as hooks, the `events` query and the
 * live feed take it: every entry must be a known type or a pattern selecting at least one.
 * Returns the entries without duplicates, in order; `field` names the argument in the error.
 */
export function validateEventSelection(entries: readonly string[], isSelectable: (entry: string) => boolean, field: string): string[] {
  for (const entry of entries) {
    if (!isSelectable(entry)) {
      throw new BadUserInputError(`"${entry}" is not an event type in the catalogue, nor a pattern matching one`, field);
    }
  }
  return [...new Set(entries)];
}

/**
 * The SQL condition for a validated selection on `property` (an entity's event type, stored in
 * a column `event_type`): `event_type in (…)` for exact names, one
 * prefix comparison per pattern, nothing at all for `*`. A fresh object per call: MikroORM's
 * raw fragments may each be used in one query only.
 *
 * The prefix is compared with `substr(…) = ?` rather than `like 'User.%'`: SQLite's LIKE
 * ignores ASCII case (`User.*` would select a custom `user.Signed`), and an equality needs no
 * escaping of `_`, which custom names may hold. Both dialects have `substr(text, from, count)`.
 */
export function eventTypeCondition(selection: readonly string[], property: string): Record<string, unknown> {
  const prefixes = selection.map(patternPrefix);
  if (prefixes.includes('')) return {};
  const exact = selection.filter((_, index) => prefixes[index] === null);
  const conditions: Array<Record<string, unknown>> = exact.length > 0 ? [{ [property]: { $in: exact } }] : [];
  for (const prefix of prefixes) {
    if (prefix === null) continue;
    // Both tables name the column event_type.
    conditions.push({ [raw((alias) => `substr(${alias}.event_type, 1, ${prefix.length})`)]: prefix });
  }
  return conditions.length === 1 ? conditions[0] : { $or: conditions };
}
