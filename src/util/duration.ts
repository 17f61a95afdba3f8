const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses a duration such as `250ms`, `5s`, `30m`, `2h` or `7d` into milliseconds.
 * A bare number is read as milliseconds. Throws on anything else, so a typo in the
 * environment fails at boot rather than as a surprising retry schedule.
 */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(text);
  if (!match) throw new Error(`"${text}" is not a duration (use e.g. 500ms, 5s, 30m, 2h, 7d)`);
  return Math.round(Number(match[1]) * UNIT_MS[match[2] ?? 'ms']);
}

/** Parses a comma-separated list of durations, e.g. a retry schedule `5s,5m,30m`. */
export function parseDurationList(text: string): number[] {
  if (text.trim() === '') return [];
  return text.split(',').map((part) => parseDuration(part));
}

/** Parses a byte size such as `256KiB`, `1MiB`, `512kb` or a bare number of bytes. */
export function parseByteSize(text: string): number {
  const match = /^\s*(\d+)\s*(b|kb|kib|mb|mib)?\s*$/i.exec(text);
  if (!match) throw new Error(`"${text}" is not a size (use e.g. 262144, 256KiB, 1MiB)`);
  const unit = (match[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1;
  return Number(match[1]) * factor;
}
