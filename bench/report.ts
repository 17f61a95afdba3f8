import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { DatabaseKind } from './database';
import type { LimitResult } from './limit';
import type { Figure, ScenarioResult } from './scenario';

/** The machine a run measured, as the JSON and the README record it. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  totalMemoryMiB: number;
  /** 1, 5 and 15 minute load averages when the run started and ended. */
  loadAverageStart: number[];
  loadAverageEnd?: number[];
}

/** Which code was measured: the commit, and the files under src/ that differed from it. */
export interface SourceInfo {
  commit: string;
  changedFiles: string[];
}

/** Everything one run wrote to `bench/results/<date>.json`. */
export interface BenchReport {
  date: string;
  quick: boolean;
  database: DatabaseKind;
  machine: MachineInfo;
  source: SourceInfo;
  limit: LimitResult;
  scenarios: Partial<Record<string, ScenarioResult>>;
  /** With `--peers`: each peer's results of the scenarios it can run, by peer name. */
  peers?: Record<string, Partial<Record<string, ScenarioResult>>>;
  seconds: number;
}

/** The machine now (load average included). */
export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${release()}`,
    totalMemoryMiB: Math.round(totalmem() / 2 ** 20),
    loadAverageStart: loadAverage(),
  };
}

/** The checked-out commit and uncommitted changes under src/ (read-only git), or `unknown` outside a repository. */
export function sourceInfo(): SourceInfo {
  // Only trailing whitespace is cut: a porcelain line starts with a space for an unstaged change.
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
  try {
    const changed = git('status', '--porcelain', '--', 'src');
    return { commit: git('rev-parse', '--short', 'HEAD'), changedFiles: changed ? changed.split('\n').map((line) => line.slice(3)) : [] };
  } catch {
    return { commit: 'unknown', changedFiles: [] };
  }
}

/** The 1, 5 and 15 minute load averages, to two decimals. */
export function loadAverage(): number[] {
  return loadavg().map((value) => Math.round(value * 100) / 100);
}

/** The results as a Markdown table: the limit first, then every figure with its ratio and target. */
export function formatTable(report: BenchReport): string {
  const { machine, limit } = report;
  const lines = [
    `hookwire bench, ${report.date}, ${report.database}${report.quick ? ', QUICK (tiny counts: not a measurement)' : ''}`,
    `code ${report.source.commit}${report.source.changedFiles.length ? ` + uncommitted changes to ${report.source.changedFiles.join(', ')}` : ''}`,
    `${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load average ${machine.loadAverageStart.join(' / ')} at start, ${machine.loadAverageEnd?.join(' / ') ?? '?'} at end; ${Math.round(report.seconds)} s`,
    '',
    '| figure | value | × bare | target | met |',
    '| --- | ---: | ---: | --- | :---: |',
    `| bare undici POST loop (the limit; best of ${limit.runs.map((run) => `${run.concurrency}: ${run.perSecond}`).join(', ')}) | ${limit.perSecond.toLocaleString('en')} /s | 1 | | |`,
  ];
  for (const result of Object.values(report.scenarios)) {
    if (!result) continue;
    for (const figure of result.figures) lines.push(row(figure));
    if (result.notApplicable) lines.push(`| ${result.name}: not applicable (${result.notApplicable}) | | | | |`);
    if (result.error) lines.push(`| ${result.name}: failed: ${result.error.split('\n')[0].slice(0, 160)} | | | | ✗ |`);
  }
  return lines.join('\n');
}

/**
 * hookwire beside each peer, figure by figure: hookwire's lead is its rate over the peer's,
 * or the peer's time over hookwire's (above 1, hookwire is ahead), and the CPU each process
 * used per delivery where it was measured.
 */
export function formatPeerTable(report: BenchReport): string {
  const lines: string[] = [];
  for (const [peer, scenarios] of Object.entries(report.peers ?? {})) {
    lines.push(`| figure | hookwire (${report.database}) | ${peer} (postgres) | hookwire's lead |`, '| --- | ---: | ---: | ---: |');
    for (const [name, result] of Object.entries(scenarios)) {
      if (!result) continue;
      if (result.error) lines.push(`| ${name}: ${peer} failed: ${result.error.split('\n')[0].slice(0, 160)} | | | |`);
      const ours = report.scenarios[name]?.figures ?? [];
      for (const figure of result.figures) {
        const own = ours.find((candidate) => candidate.label === figure.label);
        const lead = !own || own.value <= 0 || figure.value <= 0 ? '' : `${(figure.unit === '/s' ? own.value / figure.value : figure.value / own.value).toFixed(2)}×`;
        lines.push(`| ${figure.label} | ${own ? `${own.value.toLocaleString('en')} ${own.unit}` : '–'} | ${figure.value.toLocaleString('en')} ${figure.unit} | ${lead} |`);
      }
      const each = (details: Record<string, unknown> | undefined, keys: readonly string[]) => phaseFigures(details, keys).join(' / ') || '–';
      const both = (label: string, keys: readonly string[]) => `| ${name}: ${label} | ${each(report.scenarios[name]?.details, keys)} | ${each(result.details, keys)} | |`;
      lines.push(both('CPU per delivery, µs', CPU_KEYS));
      // The PostgreSQL server's share, measured where the rate phases meter it (throughput, fan-out).
      if (phaseFigures(result.details, ['postgresCpuUsPerDelivery']).length > 0) {
        lines.push(both('PostgreSQL CPU per delivery, µs', ['postgresCpuUsPerDelivery']), both('WAL per delivery, bytes', ['walBytesPerDelivery']));
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}

const CPU_KEYS = ['serverCpuUsPerDelivery', 'serverCpuUsPerEvent'];

/** The numbers under `keys` in each phase a scenario's details name, in order (the process CPU per delivery, …). */
function phaseFigures(details: Record<string, unknown> | undefined, keys: readonly string[]): number[] {
  const found: number[] = [];
  const visit = (value: unknown) => {
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (keys.includes(key) && typeof inner === 'number') found.push(inner);
      else visit(inner);
    }
  };
  visit(details);
  return found;
}

function row(figure: Figure): string {
  const value = `${figure.value.toLocaleString('en')} ${figure.unit}`;
  const ratio = figure.ratio === undefined ? '' : figure.ratio.toFixed(2);
  const met = figure.met === undefined ? '' : figure.met ? '✓' : '✗';
  const label = figure.note ? `${figure.label} (${figure.note})` : figure.label;
  return `| ${label} | ${value} | ${ratio} | ${figure.target?.text ?? ''} | ${met} |`;
}

/** Writes the report as `<dir>/<ISO date>.json`; returns the path. */
export function writeReport(report: BenchReport, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${report.date.replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-')}.json`);
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
