import { randomUUID } from 'node:crypto';
import type { LogPort } from '../logger';
import type { AttemptEventHub } from './attempt-events';
import { Capacity } from './capacity';
import { ClaimLoop } from './claim-loop';
import type { OutageReporter } from './delivery-log';
import type { Handoff, HandoffSource } from './handoff';
import type { AttemptResult, DeliveryJob } from './job';
import { ResultRecorder } from './result-recorder';
import { runAttempt, type AttemptContext } from './run-attempt';
import type { Completed, WorkQueue } from './work-queue';

/** How a dispatcher behaves; every field but the ports comes from the validated config. */
export interface DispatcherOptions extends AttemptContext {
  queue: WorkQueue;
  /** Requests in flight at once in this process. */
  concurrency: number;
  /** Requests in flight at once to one hook, so one slow endpoint cannot take every slot. */
  hookConcurrency: number;
  leaseMs: number;
  pollIntervalMs: number;
  logger: LogPort;
  /** Where recorded attempts and the operational events they call for are told. */
  events: AttemptEventHub;
  /** Told of database failures: those that mean an outage are logged there, once per outage. */
  outage?: OutageReporter;
  workerId?: string;
}

/**
 * The worker: its {@link ClaimLoop} claims due deliveries, its {@link Capacity} decides which
 * start now, each is sent as one signed POST ({@link runAttempt}), and its
 * {@link ResultRecorder} stores the attempts in groups. Deliveries emitted in this process
 * mostly arrive through a handoff and start without a claim; those that do not fit wake the
 * loop, as do the retries it schedules itself, when they come due.
 */
export class Dispatcher implements HandoffSource {
  readonly workerId: string;
  private running = false;
  // With work left behind, the loop looks again only once this many slots are free: every
  // look scans the due hooks, and a look per finished attempt cost more than the attempts.
  private readonly refillSlots: number;
  private readonly rateTimers = new Map<string, NodeJS.Timeout>();
  private readonly capacity: Capacity;
  private readonly recorder: ResultRecorder;
  private readonly loop: ClaimLoop;

  constructor(private readonly options: DispatcherOptions) {
    const { queue, clock, logger, outage, events } = options;
    this.workerId = options.workerId ?? `worker-${randomUUID()}`;
    this.refillSlots = Math.max(1, Math.floor(options.concurrency / 8));
    this.recorder = new ResultRecorder({ queue, workerId: this.workerId, clock, logger, outage, events, settled: (batch, completed) => this.settled(batch, completed) });
    this.capacity = new Capacity({ ...options, waitingResults: () => this.recorder.waiting });
    this.loop = new ClaimLoop({
      ...options,
      capacity: this.capacity,
      workerId: this.workerId,
      admit: (jobs) => this.admit(jobs),
      failed: (error, backoffMs) => {
        if (!this.reportOutage(error)) logger.error({ err: error, backoffMs }, 'claiming deliveries failed; retrying');
      },
    });
  }

  /** Starts the loop. */
  start(): void {
    this.running = true;
    this.loop.start();
  }

  /** Asks the loop to look for due deliveries now. */
  wake(): void {
    this.loop.wake();
  }

  /** True while the loop turns (for /readyz). */
  isAlive(): boolean {
    return this.loop.isAlive();
  }

  /**
   * Stops claiming, waits up to `graceMs` for requests in flight, records what finished,
   * and gives back every delivery it still holds so another worker can take it at once.
   */
  async stop(graceMs: number): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.loop.stop();
    for (const timer of this.rateTimers.values()) clearTimeout(timer);
    this.rateTimers.clear();
    const heldIds = this.capacity.drainHeld().map((job) => job.deliveryId);
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([this.capacity.whenIdle(), new Promise((resolve) => (grace = setTimeout(resolve, graceMs)))]);
    clearTimeout(grace);
    await this.recorder.flush();
    // Requests still out after the grace period are abandoned: give them back now rather than
    // leave them locked until their leases run out (the endpoint may see them twice).
    await this.options.queue.release([...heldIds, ...this.capacity.sendingIds()], this.workerId, this.options.clock.now());
  }

  /**
   * Opens a handoff for deliveries being written in this process (see {@link Handoff}).
   * None while stopping. Ordered hooks never take part: a new delivery is their head only
   * when nothing older is open, which only the claim knows.
   */
  openHandoff(): Handoff | undefined {
    if (!this.running) return undefined;
    const reservation = this.capacity.reservation();
    return {
      workerId: this.workerId,
      leaseEnd: new Date(this.options.clock.now().getTime() + this.options.leaseMs),
      take: (hook, count) => (!this.running || hook.ordered ? 0 : reservation.take(hook, count)),
      commit: (jobs) => {
        reservation.giveBack();
        // Stopping meanwhile: give them back now rather than leave them leased to a worker that is leaving.
        this.release(this.running ? this.admit(jobs) : jobs.map((job) => job.deliveryId), 'handed-over');
      },
      abort: reservation.giveBack,
    };
  }

  /** Starts or holds leased jobs as their hooks allow; returns the ids to give back. */
  private admit(jobs: readonly DeliveryJob[]): string[] {
    const release: string[] = [];
    for (const job of jobs) {
      const decision = this.capacity.admit(job);
      if (decision === 'start') this.startAttempt(job);
      else if (decision === 'release') release.push(job.deliveryId);
      else this.scheduleRateSlot(job.hookId);
    }
    return release;
  }

  private startAttempt(job: DeliveryJob): void {
    let durationMs: number | undefined;
    // The slot frees as soon as the endpoint has answered; recording the attempt goes on in
    // the background, grouped with others (the delivery stays leased until it is written).
    void runAttempt(job, this.options)
      .then((result) => {
        durationMs = result.durationMs;
        this.recorder.add(result);
      })
      .catch((error) => this.options.logger.error({ err: error, deliveryId: job.deliveryId }, 'an attempt failed to run'))
      .finally(() => this.finishAttempt(job, durationMs));
  }

  /** An attempt is over: `durationMs` is set when it produced a result to record. */
  private finishAttempt(job: DeliveryJob, durationMs?: number): void {
    const { hookId } = job;
    this.capacity.answered(job);
    if (!job.ordered) {
      this.capacity.finished(hookId, durationMs);
      this.startReady(hookId);
      // Held work of this hook takes the freed slot; once it runs low, and enough slots are
      // free to make a claim worth its query, the loop looks for what was left behind.
      if (this.loop.backlogged && this.capacity.runningLow(hookId) && this.capacity.freeSlots() >= this.refillSlots) this.wake();
    } else if (durationMs === undefined) {
      // Nothing to record: the delivery stays leased, and what follows it must wait for it in the queue.
      this.capacity.finished(hookId);
      this.giveBack(this.capacity.dropHeld(hookId));
    }
    // An ordered hook's attempt with a result keeps its gate slot until it is recorded (see settled).
  }

  /**
   * After a batch is written (`completed`) or could not be: ordered hooks' attempts end here,
   * not when the endpoint answered, so their next delivery starts only once this one is
   * stored. It starts at once from what the claim holds, or a claim fetches the next run. A
   * head that stays open (a retry, an unrecorded attempt) holds the rest back in the queue, so
   * they are given back; so is held work of a hook the batch disabled.
   */
  private settled(batch: readonly AttemptResult[], completed: Completed | undefined): void {
    const giveBack = (completed?.disabled ?? []).flatMap((hook) => this.capacity.dropHeld(hook.hookId));
    let claim = false;
    let earliestRetry = Infinity;
    for (const { job, next, durationMs } of batch) {
      if (next.status === 'RETRYING') earliestRetry = Math.min(earliestRetry, next.at.getTime());
      if (!job.ordered) continue;
      this.capacity.finished(job.hookId, durationMs);
      if (!completed || next.status === 'RETRYING' || !this.running) giveBack.push(...this.capacity.dropHeld(job.hookId));
      else if (this.capacity.holds(job.hookId)) this.startReady(job.hookId);
      else claim = true;
    }
    this.giveBack(giveBack);
    if (claim) this.wake();
    if (!completed) return;
    if (this.loop.backlogged) this.wake();
    // The loop wakes when the earliest retry this batch planned comes due.
    if (earliestRetry !== Infinity) this.loop.wakeAt(earliestRetry);
  }

  /** Starts the hook's held jobs that may go now; for a rate-limited hook, sets a timer for the next. */
  private startReady(hookId: string): void {
    for (const job of this.capacity.takeReady(hookId)) this.startAttempt(job);
    this.scheduleRateSlot(hookId);
  }

  private scheduleRateSlot(hookId: string): void {
    const at = this.capacity.nextStartAt(hookId);
    if (at === undefined || this.rateTimers.has(hookId)) return;
    const timer = setTimeout(() => {
      this.rateTimers.delete(hookId);
      if (this.running) this.startReady(hookId);
    }, Math.max(0, at - this.options.clock.now().getTime()));
    this.rateTimers.set(hookId, timer);
  }

  /** Releases held jobs to the queue (in the background: a failure only leaves them leased until their lease ends). */
  private giveBack(jobs: readonly DeliveryJob[]): void {
    if (jobs.length > 0) this.release(jobs.map((job) => job.deliveryId), 'held');
  }

  private release(ids: string[], what: 'held' | 'handed-over'): void {
    if (ids.length === 0) return;
    this.options.queue.release(ids, this.workerId, this.options.clock.now()).catch((error) => {
      if (!this.reportOutage(error)) this.options.logger.warn({ err: error, count: ids.length }, `could not give back ${what} deliveries; they come due when their lease ends`);
    });
  }

  /** True when `error` is the database being unavailable, which the outage log has taken note of. */
  private reportOutage(error: unknown): boolean {
    return this.options.outage?.report(error, 'worker') ?? false;
  }
}
