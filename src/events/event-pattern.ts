/**
 * What a pattern selects by: `''` for `*` (every type), `User.` for `User.*` (every type
 * whose name starts with `User.`, so `User.Data.Updated` too), `null` for an exact name.
 */
export function patternPrefix(pattern: string): string | null {
  if (pattern === '*') return '';
  return pattern.endsWith('.*') ? pattern.slice(0, -1) : null;
}

/**
 * Hook subscriptions, the live feed and the `events` query name event types exactly or by
 * pattern (see {@link patternPrefix}).
 */
export function matchesEventPattern(pattern: string, type: string): boolean {
  const prefix = patternPrefix(pattern);
  return prefix === null ? pattern === type : type.startsWith(prefix);
}

/** True when any of `patterns` selects `type`. */
export function matchesAnyEventPattern(patterns: readonly string[], type: string): boolean {
  return patterns.some((pattern) => matchesEventPattern(pattern, type));
}

/**
 * Every pattern that selects `type`, and no other: `*`, the type itself, and the group
 * pattern ending at each of its dots (`User.*` and `User.Data.*` for `User.Data.Updated`).
 * An emit looks these up in the hook index instead of testing every hook's patterns.
 */
export function patternsSelecting(type: string): string[] {
  const patterns = ['*', type];
  for (let dot = type.indexOf('.'); dot !== -1; dot = type.indexOf('.', dot + 1)) patterns.push(`${type.slice(0, dot + 1)}*`);
  return patterns;
}
