// Preloaded into a hookwire process by `npm run bench -- --sql-timing` (NODE_OPTIONS=--require):
// times every libsql (SQLite) statement, prepare and execution apart, grouped by its SQL text
// with literals and placeholder lists collapsed, and writes the 40 costliest groups as JSON to
// $HOOKWIRE_BENCH_SQL_TIMING when the process exits: count, total, mean, p50, p99 and max. The
// percentiles come from a histogram of quarter-powers of two (each within 19 % of the true
// value), so a million statements cost a few hundred numbers, not a million. A diagnostic only:
// it never changes a result.
'use strict';
const Module = require('node:module');
const fs = require('node:fs');

const groups = new Map();
const shape = (sql) =>
  sql
    .replace(/\s+/g, ' ')
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/\b\d+(\.\d+)?\b/g, '?')
    .replace(/\?(\s*,\s*\?)+/g, '?…')
    .replace(/\(\?…\)(\s*,\s*\(\?…\))+/g, '(?…)…')
    .slice(0, 500);

function timed(key, work) {
  const start = process.hrtime.bigint();
  try {
    return work();
  } finally {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const group = groups.get(key) ?? { count: 0, ms: 0, maxMs: 0, buckets: new Map() };
    group.count++;
    group.ms += ms;
    group.maxMs = Math.max(group.maxMs, ms);
    const bucket = bucketOf(ms);
    group.buckets.set(bucket, (group.buckets.get(bucket) ?? 0) + 1);
    groups.set(key, group);
  }
}

// Bucket k holds durations up to 2^(k/4) µs.
const bucketOf = (ms) => Math.max(0, Math.ceil(Math.log2(Math.max(ms * 1000, 1)) * 4));
const bucketMs = (bucket) => 2 ** (bucket / 4) / 1000;

/** The duration below which `share` of the group's statements ran, to the upper edge of its bucket. */
function percentile(group, share) {
  let seen = 0;
  for (const [bucket, count] of [...group.buckets].sort((a, b) => a[0] - b[0])) {
    seen += count;
    if (seen >= share * group.count) return Math.min(bucketMs(bucket), group.maxMs);
  }
  return group.maxMs;
}

const load = Module._load;
let patched = false;
Module._load = function (request, ...rest) {
  const exported = load.call(this, request, ...rest);
  if (!patched && request === 'libsql') {
    patched = true;
    const prepare = exported.prototype.prepare;
    exported.prototype.prepare = function (sql) {
      const key = shape(sql);
      const statement = timed(`prepare  ${key}`, () => prepare.call(this, sql));
      for (const method of ['run', 'get', 'all', 'iterate']) {
        const original = statement[method];
        if (original) statement[method] = (...args) => timed(`${method.padEnd(7)}  ${key}`, () => original.apply(statement, args));
      }
      return statement;
    };
  }
  return exported;
};

process.on('exit', () => {
  const rows = [...groups]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 40)
    .map(([sql, g]) => ({
      ms: Math.round(g.ms),
      count: g.count,
      avgMs: +(g.ms / g.count).toFixed(3),
      p50Ms: +percentile(g, 0.5).toFixed(3),
      p99Ms: +percentile(g, 0.99).toFixed(3),
      maxMs: +g.maxMs.toFixed(1),
      sql,
    }));
  fs.writeFileSync(process.env.HOOKWIRE_BENCH_SQL_TIMING, `${JSON.stringify(rows, null, 1)}\n`);
});
