import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchReport } from '../../bench/report';
import { SCENARIOS } from '../../bench/scenario';
import { DATABASE_KINDS, POSTGRES_URL } from '../support/databases';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `bench/run.ts` with `args` as `npm run bench` does; resolves with its exit code and output. */
function runBench(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

// Only that the bench runs end to end and reports every scenario (and, on PostgreSQL, the
// graphile-worker peer's): no timing is asserted (the machines are shared; the numbers of a
// tiny run mean nothing).
describe.each(DATABASE_KINDS)('npm run bench -- --quick on %s', (kind) => {
  const out = mkdtempSync(join(tmpdir(), 'hookwire-bench-smoke-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('runs every scenario and writes a JSON report with each of them', { timeout: 480_000 }, async () => {
    const args = ['--quick', '--out', out, ...(kind === 'postgres' ? ['--postgres', '--peers'] : [])];
    const { code, output } = await runBench(args, kind === 'postgres' ? { DATABASE_URL: POSTGRES_URL as string } : {});
    expect(code, output).toBe(0);
    expect(output).toContain('| bare undici POST loop');

    const files = readdirSync(out).filter((name) => name.endsWith('.json'));
    expect(files).toHaveLength(1);
    const report = JSON.parse(readFileSync(join(out, files[0]), 'utf8')) as BenchReport;
    expect(report.quick).toBe(true);
    expect(report.database).toBe(kind);
    expect(report.limit.perSecond).toBeGreaterThan(0);
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.machine.loadAverageStart).toHaveLength(3);
    for (const name of SCENARIOS) {
      const scenario = report.scenarios[name];
      expect(scenario, `scenario ${name}`).toBeDefined();
      expect(scenario?.error, `scenario ${name}`).toBeUndefined();
      // `workers` needs PostgreSQL: on SQLite it says so and has no figures.
      if (scenario?.notApplicable) {
        expect({ name, kind }).toEqual({ name: 'workers', kind: 'sqlite' });
        continue;
      }
      expect(scenario?.figures.length, `scenario ${name}`).toBeGreaterThan(0);
      for (const figure of scenario?.figures ?? []) expect(Number.isFinite(figure.value), `${name}: ${figure.label}`).toBe(true);
    }
    if (kind !== 'postgres') return;
    const peer = report.peers?.['graphile-worker'] ?? {};
    expect(Object.keys(peer)).toEqual(['throughput', 'fanout', 'latency']);
    for (const [name, scenario] of Object.entries(peer)) {
      expect(scenario?.error, `graphile-worker: ${name}`).toBeUndefined();
      expect(scenario?.figures.map((figure) => figure.label)).toEqual(report.scenarios[name]?.figures.map((figure) => figure.label));
    }
    expect(output).toContain("| hookwire's lead |");
  });
});
