import { setFlagsFromString } from 'node:v8';

/**
 * How far past what survived the last full GC V8 lets the old generation grow before the
 * next one, in percent. Left alone, V8 picks 1.1× to 4× from how fast objects reach the old
 * generation compared with how fast it marks them; a hookwire busy with `emitEvents` batches
 * promotes fast (a 500-event request outlives several scavenges, its large strings go
 * straight to old space), so it picks 3.4–4×: a ~45 MB live heap was let grow to ~160 MB of
 * mostly garbage before a full GC, and the pages stay committed. 1.5× keeps the old
 * generation within ~1.5× the live heap (+ the young generation's size) at the cost of more
 * frequent, mostly concurrent, full GCs. A `--heap-growing-percent` given on the command line
 * or in NODE_OPTIONS wins. Imported first by main.ts, so it applies from the first full GC.
 */
export const HEAP_GROWING_PERCENT = 50;

const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((arg) =>
  /^--heap[-_]growing[-_]percent\b/.test(arg),
);
if (!given) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
