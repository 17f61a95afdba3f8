import type { LogPort } from '../logger';
import type { Completed } from './work-queue';
import type { AttemptResult } from './job';
import { describeOutcome, errorTextOf } from './outcome';

/**
 * Where the engine reports failures of its own infrastructure (the database): one that says
 * the database is unavailable is logged there once per outage (`report` returns true), so the
 * loops that meet it at every turn stay quiet.
 */
export interface OutageReporter {
  report(error: unknown, source: string): boolean;
}

/** What the delivery log says about a hook, each rate-limited on its own. */
type LineKind = 'disabled' | 'exhausted' | 'recovered';

// One line per hook and kind per window: a hook failing thousands of deliveries an hour says
// so once a minute, with the count of the lines it held back, instead of flooding the log.
const DEFAULT_WINDOW_MS = 60_000;
// Windows are forgotten once over; past this many hooks in a window, the oldest go first.
const MAX_TRACKED = 10_000;

/**
 * The delivery engine's operational log, written as a batch of attempts is recorded: `warn`
 * when a hook is disabled (410 Gone, or failing past the disable policy) and when a delivery
 * runs out of attempts, `info` when a failing hook succeeds again, `debug` for every attempt.
 * Lines of one kind for one hook are limited to one per window; the next line after a
 * window carries `suppressed`, the number held back.
 */
export class DeliveryLog {
  private readonly windows = new Map<string, { until: number; suppressed: number }>();

  constructor(
    private readonly logger: LogPort,
    private readonly nowMs: () => number = Date.now,
    private readonly windowMs = DEFAULT_WINDOW_MS,
  ) {}

  /** Logs what recording `batch` did. */
  recorded(batch: readonly AttemptResult[], completed: Completed): void {
    if (this.logger.isLevelEnabled?.('debug') ?? true) for (const result of batch) this.attempt(result);
    for (const hook of completed.disabled) this.line('disabled', hook.hookId, 'warn', { hookId: hook.hookId, reason: hook.reason }, 'hook disabled');
    for (const { job, next, number, outcome } of batch) {
      if (next.status !== 'FAILED') continue;
      const fields = { hookId: job.hookId, deliveryId: job.deliveryId, eventId: job.eventId, attempts: number, reason: describeOutcome(outcome) };
      this.line('exhausted', job.hookId, 'warn', fields, 'delivery failed: no attempts left');
    }
    for (const hook of completed.recovered) {
      const fields = { hookId: hook.hookId, failures: hook.failures, failingSince: hook.failingSince?.toISOString() ?? null };
      this.line('recovered', hook.hookId, 'info', fields, 'hook recovered: an attempt succeeded after failures');
    }
  }

  private attempt({ job, number, outcome, next, durationMs }: AttemptResult): void {
    this.logger.debug(
      {
        hookId: job.hookId,
        deliveryId: job.deliveryId,
        attempt: number,
        outcome: outcome.kind,
        result: errorTextOf(outcome) ?? undefined,
        status: next.status,
        durationMs,
      },
      'delivery attempt',
    );
  }

  private line(kind: LineKind, hookId: string, level: 'warn' | 'info', fields: object, message: string): void {
    const key = `${kind}:${hookId}`;
    const now = this.nowMs();
    const window = this.windows.get(key);
    if (window && now < window.until) {
      window.suppressed++;
      return;
    }
    const suppressed = window?.suppressed ?? 0;
    this.windows.delete(key);
    if (this.windows.size >= MAX_TRACKED) this.forgetOldest(now);
    this.windows.set(key, { until: now + this.windowMs, suppressed: 0 });
    this.logger[level](suppressed > 0 ? { ...fields, suppressed } : fields, message);
  }

  /** Drops windows that are over, or, if none is, the oldest (map order is insertion order). */
  private forgetOldest(now: number): void {
    for (const [key, window] of this.windows) if (window.until <= now) this.windows.delete(key);
    if (this.windows.size >= MAX_TRACKED) this.windows.delete(this.windows.keys().next().value as string);
  }
}
