import { BadUserInputError } from '../errors';
import { isEventPattern } from '../events/event-pattern';

// A pattern's prefix goes into LIKE: only the characters event names are made of, so no wildcard slips in.
const PATTERN_PREFIX = /^[A-Za-z0-9._-]+$/;

/**
 * The filter a list of exact event types and patterns (`User.*`, `*`) makes on the column
 * `field`, as a MikroORM condition (`{ $or: [...] }`), or null when `*` (or nothing) selects every type.
 * `argument` names the argument in the error for a pattern that is not one.
 */
export function eventTypeCondition(field: string, entries: readonly string[], argument: string): Record<string, unknown> | null {
  if (entries.length === 0 || entries.includes('*')) return null;
  const exact = entries.filter((entry) => !isEventPattern(entry));
  const prefixes = entries.filter(isEventPattern).map((entry) => {
    const prefix = entry.slice(0, -1);
    if (!PATTERN_PREFIX.test(prefix)) throw new BadUserInputError(`"${entry}" is not an event type or pattern`, argument);
    return prefix;
  });
  const alternatives: Array<Record<string, unknown>> = [
    ...(exact.length > 0 ? [{ [field]: { $in: exact } }] : []),
    ...prefixes.map((prefix) => ({ [field]: { $like: `${prefix}%` } })),
  ];
  return { $or: alternatives };
}
