/**
 * Hook subscriptions name event types exactly or by pattern: `*` is every type, and
 * `User.*` is every type whose name starts with `User.` (so `User.Data.Updated` too).
 */
export function matchesEventPattern(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

/** True when any of `patterns` selects `type`. */
export function matchesAnyEventPattern(patterns: readonly string[], type: string): boolean {
  return patterns.some((pattern) => matchesEventPattern(pattern, type));
}

/** True when `text` is written as a pattern rather than an exact name. */
export function isEventPattern(text: string): boolean {
  return text === '*' || text.endsWith('.*');
}
