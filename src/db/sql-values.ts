/**
 * Raw statements see each dialect's storage as it is: SQLite keeps dates as epoch
 * milliseconds, JSON as text and booleans as 0/1; PostgreSQL returns timestamps as text
 * and JSON already parsed. These readers accept either, so a row reads the same from both
 * (parameters going in are the dialect's business: `dialect.ts`).
 */

/** A stored date read back, or null. */
export function readDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  // PostgreSQL text form: `2026-11-28 02:19:23.495+00`.
  return new Date(String(value).replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}

/** A stored JSON value read back. */
export function readJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * A JSON column read as its stored text (`SqlDialect.jsonText`). Never serialised again from
 * parsed values: a body rebuilt from it must be byte for byte the one that was signed and sent.
 */
export function readJsonText(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError('a JSON column was read without SqlDialect.jsonText: its stored text is needed, not its parsed value');
  return value;
}

/** A stored boolean read back. */
export function readBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

// Built once per length: multi-row statements ask for the same few lengths thousands of times.
const placeholderLists: string[] = [];

/** `?, ?, ?` for a list of n parameters. */
export function placeholders(count: number): string {
  if (count > 1_000) return Array.from({ length: count }, () => '?').join(', ');
  return (placeholderLists[count] ??= Array.from({ length: count }, () => '?').join(', '));
}
