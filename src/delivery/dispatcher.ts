import { randomUUID } from 'node:crypto';
import { newId } from '../util/ids';
import type { Clock } from './clock';
import type { DeliveryStore } from './delivery-store';
import type { AttemptResult, DeliveryJob, NextStep } from './job';
import type { AttemptOutcome } from './outcome';
import { buildRequest } from './request-builder';
import { isGone, planRetry, type RetryPolicy } from './retry-policy';
import type { Sender } from './sender';

/** The few log calls the engine makes; pino's logger fits. */
export interface EngineLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

/** How a dispatcher behaves; every field comes from the validated config. */
export interface DispatcherOptions {
  store: DeliveryStore;
  sender: Sender;
  clock: Clock;
  random: () => number;
  retryPolicy: RetryPolicy;
  requestTimeoutMs: number;
  /** Requests in flight at once in this process. */
  concurrency: number;
  /** Requests in flight at once to one hook, so one slow endpoint cannot take every slot. */
  hookConcurrency: number;
  leaseMs: number;
  pollIntervalMs: number;
  userAgent: string;
  logger: EngineLogger;
  /** Told of every recorded attempt (the live `deliveryUpdated` feed). */
  onAttempt?: (result: AttemptResult) => void;
  workerId?: string;
}

// One claim takes at most this many rows, so a backlog is worked through in steady bites.
const MAX_CLAIM = 256;
// Waits after an infrastructure error (database down) before the loop tries again.
const ERROR_BACKOFF_MS = [100, 500, 1_000, 2_000, 5_000];

/**
 * The worker loop: claims due deliveries, sends each as one signed POST, records the
 * attempt and plans the next. New deliveries in this process wake it at once (`wake`);
 * a slow poll finds retries that came due and work queued by other processes.
 */
export class Dispatcher {
  readonly workerId: string;
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private inFlight = 0;
  private readonly perHook = new Map<string, number>();
  // Claimed beyond a hook's free slots: sent as its slots free up, never re-claimed meanwhile.
  private readonly held = new Map<string, DeliveryJob[]>();
  private pendingResults: AttemptResult[] = [];
  private flushing: Promise<void> | undefined;
  private readonly idle = new Set<() => void>();
  private lastLoopAt = 0;
  private failures = 0;

  constructor(private readonly options: DispatcherOptions) {
    this.workerId = options.workerId ?? `worker-${randomUUID()}`;
  }

  /** Starts the loop. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Asks the loop to look for due deliveries now. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** True while the loop turns (for /readyz): it has run within a few poll intervals. */
  isAlive(): boolean {
    return this.running && Date.now() - this.lastLoopAt < Math.max(this.options.pollIntervalMs * 5, 10_000);
  }

  /**
   * Stops claiming, waits up to `graceMs` for requests in flight, records what finished,
   * and gives back every delivery it still holds so another worker can take it at once.
   */
  async stop(graceMs: number): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake();
    await this.loop;
    const heldIds = [...this.held.values()].flat().map((job) => job.deliveryId);
    this.held.clear();
    const drained = new Promise<void>((resolve) => (this.inFlight === 0 ? resolve() : this.idle.add(resolve)));
    await Promise.race([drained, sleep(graceMs)]);
    await this.flush();
    await this.options.store.release(heldIds, this.workerId, this.options.clock.now());
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.lastLoopAt = Date.now();
      this.woken = false;
      let claimedFull = false;
      try {
        claimedFull = await this.claimAndStart();
        this.failures = 0;
      } catch (error) {
        const backoff = ERROR_BACKOFF_MS[Math.min(this.failures++, ERROR_BACKOFF_MS.length - 1)];
        this.options.logger.error({ err: error, backoffMs: backoff }, 'claiming deliveries failed; retrying');
        await sleep(backoff);
        continue;
      }
      // A full claim means more may be due: go again at once when there is room.
      if (claimedFull && this.freeSlots() > 0) continue;
      if (!this.woken) await this.waitForWork();
    }
  }

  /** Claims as many due deliveries as there are free slots; true if it got all it asked for. */
  private async claimAndStart(): Promise<boolean> {
    const limit = Math.min(this.freeSlots(), MAX_CLAIM);
    if (limit <= 0) return false;
    const jobs = await this.options.store.claim({
      workerId: this.workerId,
      limit,
      leaseMs: this.options.leaseMs,
      now: this.options.clock.now(),
      excludeHookIds: this.saturatedHooks(),
    });
    for (const job of jobs) this.admit(job);
    return jobs.length === limit;
  }

  private freeSlots(): number {
    return this.options.concurrency - this.inFlight;
  }

  /** Hooks with every slot busy or work already held: claiming more for them would only wait. */
  private saturatedHooks(): string[] {
    const saturated: string[] = [];
    for (const [hookId, count] of this.perHook) {
      if (count + (this.held.get(hookId)?.length ?? 0) >= this.options.hookConcurrency) saturated.push(hookId);
    }
    for (const hookId of this.held.keys()) if (!this.perHook.has(hookId)) saturated.push(hookId);
    return saturated;
  }

  private admit(job: DeliveryJob): void {
    if ((this.perHook.get(job.hookId) ?? 0) < this.options.hookConcurrency) {
      this.startAttempt(job);
      return;
    }
    const queue = this.held.get(job.hookId) ?? [];
    queue.push(job);
    this.held.set(job.hookId, queue);
  }

  private startAttempt(job: DeliveryJob): void {
    this.inFlight++;
    this.perHook.set(job.hookId, (this.perHook.get(job.hookId) ?? 0) + 1);
    void this.attempt(job)
      .then((result) => this.enqueueResult(result))
      .catch((error) => this.options.logger.error({ err: error, deliveryId: job.deliveryId }, 'an attempt failed to run'))
      .finally(() => this.finishAttempt(job.hookId));
  }

  private finishAttempt(hookId: string): void {
    this.inFlight--;
    const count = (this.perHook.get(hookId) ?? 1) - 1;
    if (count > 0) this.perHook.set(hookId, count);
    else this.perHook.delete(hookId);
    const next = this.held.get(hookId)?.shift();
    if (this.held.get(hookId)?.length === 0) this.held.delete(hookId);
    if (next) this.startAttempt(next);
    else this.wake();
    if (this.inFlight === 0) for (const resolve of this.idle) resolve();
  }

  /** Sends one attempt and works out what comes next. Never throws for endpoint failures. */
  private async attempt(job: DeliveryJob): Promise<AttemptResult> {
    const { clock, sender, requestTimeoutMs, userAgent } = this.options;
    const startedAt = clock.now();
    const { request, recorded } = buildRequest(job, { now: startedAt, userAgent, timeoutMs: requestTimeoutMs });
    const { durationMs, ...outcome } = await sender.send(request);
    const number = job.attemptCount + 1;
    const gone = isGone(outcome);
    return {
      job,
      attemptId: newId('att'),
      number,
      trigger: 'SCHEDULED',
      startedAt,
      durationMs,
      request: recorded,
      outcome,
      next: gone ? { status: 'FAILED' } : this.nextStep(number, outcome),
      disableHookReason: gone ? `the endpoint answered 410 Gone on ${startedAt.toISOString()}` : undefined,
    };
  }

  private nextStep(number: number, outcome: AttemptOutcome): NextStep {
    if (outcome.kind === 'success') return { status: 'SUCCEEDED' };
    const at = planRetry(this.options.retryPolicy, number, outcome, this.options.clock.now(), this.options.random);
    return at === 'exhausted' ? { status: 'FAILED' } : { status: 'RETRYING', at };
  }

  /**
   * Results are written in groups: while one transaction commits, the next results
   * gather, and then all of them go in the following one.
   */
  private enqueueResult(result: AttemptResult): Promise<void> {
    this.pendingResults.push(result);
    return this.flush();
  }

  private flush(): Promise<void> {
    if (this.flushing) return this.flushing.then(() => (this.pendingResults.length ? this.flush() : undefined));
    if (this.pendingResults.length === 0) return Promise.resolve();
    const batch = this.pendingResults.splice(0, 500);
    this.flushing = this.writeBatch(batch).finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async writeBatch(batch: AttemptResult[]): Promise<void> {
    const { store, clock, logger, onAttempt } = this.options;
    for (let attempt = 0; ; attempt++) {
      try {
        await store.complete(batch, this.workerId, clock.now());
        break;
      } catch (error) {
        // The attempts happened; keep trying to record them. If this process dies first,
        // the leases run out and the deliveries are sent again: at-least-once.
        if (attempt >= ERROR_BACKOFF_MS.length) {
          logger.error({ err: error, count: batch.length }, 'could not record attempts; their deliveries will be retried after the lease');
          return;
        }
        logger.warn({ err: error }, 'recording attempts failed; retrying');
        await sleep(ERROR_BACKOFF_MS[attempt]);
      }
    }
    if (onAttempt) for (const result of batch) onAttempt(result);
  }

  private waitForWork(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.options.pollIntervalMs);
      this.wakeUp = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    }).then(() => {
      this.wakeUp = undefined;
    });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
