import type { BenchDatabase, DatabaseKind } from './database';
import type { LimitResult } from './limit';
import type { ReceiverHandle } from './receiver-control';
import type { BenchClient, BenchServer } from './server';

/** The scenarios, in the order a full run takes them. */
export const SCENARIOS = ['start', 'throughput', 'fanout', 'latency', 'live-feed', 'isolation', 'backlog', 'ordered', 'many-hooks', 'payloads', 'subscribers-5000', 'workers', 'backlog-million'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** A target a figure is held to: its value, or its ratio to the bare loop, against a bound. */
export interface Target {
  of: 'value' | 'ratio';
  op: '>=' | '<=';
  bound: number;
  /** As the issue states it, e.g. `≥ 0.3 × bare`. */
  text: string;
}

/** One measured number, as it appears in a table row. */
export interface Figure {
  label: string;
  value: number;
  unit: string;
  /** value ÷ the bare loop's rate, for rates. */
  ratio?: number;
  target?: Target;
  /** Whether the target is met; absent without a target. */
  met?: boolean;
  /** Said beside the figure, e.g. that its wait ran out and it covers only what arrived. */
  note?: string;
}

/** What a scenario hands back: its figures and whatever else explains them. */
export interface ScenarioResult {
  name: ScenarioName;
  seconds: number;
  figures: Figure[];
  details: Record<string, unknown>;
  /** Set when the scenario could not finish; its figures are then partial or empty. */
  error?: string;
  /** Set, with why, when the scenario does not apply to this run (e.g. PostgreSQL only); it then has no figures. */
  notApplicable?: string;
}

/** What every scenario gets from the run. */
export interface BenchContext {
  quick: boolean;
  database: DatabaseKind;
  receiver: ReceiverHandle;
  limit: LimitResult;
  /** Results of scenarios already run (the backlog compares its drain rate with the 1-hook rate). */
  done: Map<ScenarioName, ScenarioResult>;
  /**
   * Starts hookwire, on `database` or else a fresh one; the run stops it after the scenario
   * (and drops every database it handed out at the end).
   */
  startServer(name: string, env?: Record<string, string>, database?: BenchDatabase): Promise<BenchServer>;
  /** A fresh database, dropped at the end of the run. */
  newDatabase(): BenchDatabase;
  log(message: string): void;
  /** With `--profile`: where CPU profiles go; a scenario's own helper processes may write theirs there too. */
  profileDir?: string;
  /** The PostgreSQL server the system under test runs on, if it does: rate phases meter it too. */
  postgresUrl?: string;
  /** `--backlog-rows`: how many pending deliveries backlog-million makes, in place of a million. */
  backlogRows?: number;
}

/** A scenario: measures and returns figures and details (`name` and `seconds` are added by the run). */
export type Scenario = (context: BenchContext) => Promise<Pick<ScenarioResult, 'figures' | 'details' | 'notApplicable'>>;

/** What a scenario that a peer can run too needs of the system it measures: hooks, emits, its CPU and memory. */
export interface SystemUnderTest {
  client(connections?: number): BenchClient;
  cpuMs(): number;
  rssMiB(): number;
}

/** The context of a scenario that runs against hookwire and against its peers alike. */
export type PeerContext = Omit<BenchContext, 'startServer'> & { startServer(name: string): Promise<SystemUnderTest> };

/** A scenario written against {@link PeerContext}: `npm run bench -- --peers` runs it against each peer as well. */
export type PeerScenario = (context: PeerContext) => Promise<Pick<ScenarioResult, 'figures' | 'details'>>;

/** A rate figure with its ratio to the bare loop; `rate` flags a wait that ran out. */
export function rateFigure(
  context: Pick<BenchContext, 'limit'>,
  label: string,
  perSecond: number,
  target?: Target,
  rate?: { complete: boolean; delivered: number; expected: number },
): Figure {
  const ratio = Math.round((perSecond / context.limit.perSecond) * 1000) / 1000;
  const note = rate && !rate.complete ? `partial: ${rate.delivered} of ${rate.expected} arrived in the wait` : undefined;
  return { label, value: Math.round(perSecond), unit: '/s', ratio, target, note };
}

/** Fills in `met` from the target. */
export function judge(figure: Figure): Figure {
  if (!figure.target) return figure;
  const actual = figure.target.of === 'ratio' ? figure.ratio : figure.value;
  if (actual === undefined || Number.isNaN(actual)) return { ...figure, met: false };
  const met = figure.target.op === '>=' ? actual >= figure.target.bound : actual <= figure.target.bound;
  return { ...figure, met };
}
