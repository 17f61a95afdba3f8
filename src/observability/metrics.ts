import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Clock } from '../delivery/clock';
import type { AttemptResult } from '../delivery/job';
import { errorKindOf } from '../delivery/outcome';
import type { LogPort } from '../logger';
import type { QueueSnapshot } from '../queue/stats';

/** Reads the queue at scrape time (`Queue.snapshot`); declared here, where it is used. */
export interface QueueProbe {
  snapshot(now: Date): Promise<QueueSnapshot>;
}


// Client-chosen operation names become label values; past this many distinct names, new ones
// are counted as "other" so a careless or hostile client cannot grow the series without bound.
const MAX_OPERATION_NAMES = 200;

/**
 * The Prometheus metrics of one hookwire process, in a registry of its own (tests run several
 * processes' worth of apps in one Node process, and the global registry would mix them).
 * Queue gauges are read from the database when scraped, so every process reports the same
 * queue; counters and histograms count what this process did.
 */
export class Metrics {
  /** Serves `/metrics`. */
  readonly registry = new Registry();
  private readonly attempts: Counter<'outcome' | 'status'>;
  private readonly attemptSeconds: Histogram<'outcome'>;
  private readonly subscriptions: Gauge;
  private readonly slowSockets: Counter;
  private readonly liveFeedDrops: Counter;
  private readonly operations: Counter<'type' | 'name'>;
  private readonly errors: Counter<'type' | 'name' | 'code'>;
  private readonly operationNames = new Set<string>();
  private pendingSnapshot: Promise<QueueSnapshot | null> | undefined;

  constructor(private readonly options: { queue: QueueProbe; clock: Clock; logger: Pick<LogPort, 'warn'> }) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.attempts = new Counter({
      name: 'hookwire_delivery_attempts_total',
      help: 'Delivery attempts recorded, by outcome (success, http, timeout, network, blocked) and the status the delivery moved to (SUCCEEDED, RETRYING, FAILED)',
      labelNames: ['outcome', 'status'],
      registers,
    });
    this.attemptSeconds = new Histogram({
      name: 'hookwire_delivery_attempt_duration_seconds',
      help: 'Duration of delivery attempts, from sending the request to the end of the response (or the failure)',
      labelNames: ['outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.queueGauge('hookwire_queue_due_deliveries', 'Deliveries due now and not claimed by a worker', (s) => s.due);
    this.queueGauge('hookwire_queue_open_deliveries', 'Deliveries not yet final (PENDING or RETRYING, claimed, scheduled or parked)', (s) => s.open);
    this.queueGauge('hookwire_queue_oldest_due_age_seconds', 'How long the longest-waiting due delivery has been due (0 when none is)', (s) =>
      s.oldestDueAt ? Math.max(0, (this.options.clock.now().getTime() - s.oldestDueAt.getTime()) / 1000) : 0,
    );
    this.subscriptions = new Gauge({ name: 'hookwire_graphql_subscriptions', help: 'Live GraphQL subscriptions over WebSocket', registers });
    this.slowSockets = new Counter({
      name: 'hookwire_websocket_slow_closes_total',
      help: 'WebSocket connections closed (4008) for falling more than HOOKWIRE_MAX_UNSENT_BYTES behind',
      registers,
    });
    this.liveFeedDrops = new Counter({
      name: 'hookwire_live_feed_dropped_total',
      help: 'Live-feed messages not published because Redis was unreachable (the events themselves are stored)',
      registers,
    });
    this.operations = new Counter({
      name: 'hookwire_graphql_operations_total',
      help: 'GraphQL operations over HTTP, by type and operation name',
      labelNames: ['type', 'name'],
      registers,
    });
    this.errors = new Counter({
      name: 'hookwire_graphql_errors_total',
      help: 'GraphQL errors over HTTP, by operation type, operation name and error code',
      labelNames: ['type', 'name', 'code'],
      registers,
    });
  }

  /** The content type of `render()`'s text. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** The Prometheus text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  /** Counts one recorded attempt (fed from the dispatcher's `onAttempt`). */
  recordAttempt(result: AttemptResult): void {
    const outcome = errorKindOf(result.outcome) ?? 'success';
    this.attempts.inc({ outcome, status: result.next.status });
    this.attemptSeconds.observe({ outcome }, result.durationMs / 1000);
  }

  /** A subscription started streaming. */
  subscriptionStarted(): void {
    this.subscriptions.inc();
  }

  /** A subscription ended (completed, failed or its socket closed). */
  subscriptionEnded(): void {
    this.subscriptions.dec();
  }

  /** A WebSocket client fell too far behind and was closed. */
  slowSocketClosed(): void {
    this.slowSockets.inc();
  }

  /** A live-feed message could not be published (Redis down). */
  liveFeedDropped(): void {
    this.liveFeedDrops.inc();
  }

  /** Counts a GraphQL operation that was parsed and resolved to one operation. */
  recordOperation(type: string, name: string | null | undefined): void {
    this.operations.inc({ type, name: this.nameLabel(name) });
  }

  /** Counts one GraphQL error. */
  recordError(type: string, name: string | null | undefined, code: string): void {
    this.errors.inc({ type, name: this.nameLabel(name), code });
  }

  private nameLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }

  private queueGauge(name: string, help: string, pick: (snapshot: QueueSnapshot) => number): void {
    const gauge: Gauge = new Gauge({
      name,
      help,
      registers: [this.registry],
      collect: async () => {
        const snapshot = await this.queueSnapshot();
        if (snapshot) gauge.set(pick(snapshot));
      },
    });
  }

  /**
   * One query per scrape: the registry collects every metric at once, so the three queue
   * gauges share the read in flight. A failed read leaves the gauges at their last values.
   */
  private queueSnapshot(): Promise<QueueSnapshot | null> {
    this.pendingSnapshot ??= this.options.queue
      .snapshot(this.options.clock.now())
      .catch((error: unknown) => {
        this.options.logger.warn({ err: error }, 'reading the delivery queue for /metrics failed');
        return null;
      })
      .finally(() => setImmediate(() => (this.pendingSnapshot = undefined)));
    return this.pendingSnapshot;
  }
}
