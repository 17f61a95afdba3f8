import { randomUUID } from 'node:crypto';
import { newId } from '../util/ids';
import type { Clock } from './clock';
import { DeliveryLog, type EngineLogger, type OutageReporter } from './delivery-log';
import type { Completed, WorkQueue } from './work-queue';
import type { Handoff, HandoffSource } from './handoff';
import { HookGate } from './hook-gate';
import type { AttemptResult, DeliveryJob, DisabledHook, NextStep } from './job';
import { operationalEventsOf, type OperationalEvent } from './operational-events';
import type { AttemptOutcome } from './outcome';
import { buildRequest } from './request-builder';
import { isGone, planRetry, type RetryPolicy } from './retry-policy';
import type { Sender } from './sender';


/** How a dispatcher behaves; every field comes from the validated config. */
export interface DispatcherOptions {
  store: WorkQueue;
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
  /** Told of every recorded attempt (the live `deliveryUpdated` feed, metrics). */
  onAttempt?: (result: AttemptResult) => void;
  /**
   * Emits the operational events of a recorded batch (`Hook.Disabled`, `Delivery.Failing`, …).
   * Awaited before the next batch is recorded, so a storm of failures cannot pile up events
   * in memory faster than they are stored.
   */
  onOperationalEvents?: (events: OperationalEvent[]) => Promise<void>;
  /** Told of database failures: those that mean an outage are logged there, once per outage. */
  outage?: OutageReporter;
  workerId?: string;
}

// One claim takes at most this many rows, so a backlog is worked through in steady bites.
const MAX_CLAIM = 256;
// How long the first finished attempt waits for others to share its transaction. Longer
// groups write fewer pages per attempt (a 2 ms wait cost ~10% more CPU per delivery in the
// batch benchmark); the delivery stays leased meanwhile, so nothing else waits on it.
const RECORD_LINGER_MS = 10;
// Waits after an infrastructure error (database down) before the loop tries again.
const ERROR_BACKOFF_MS = [100, 500, 1_000, 2_000, 5_000];

/**
 * The worker loop: claims due deliveries, sends each as one signed POST, records the
 * attempt and plans the next. Deliveries emitted in this process mostly arrive through a
 * handoff and start without a claim; those that do not fit wake the loop (`wake`), as do the
 * retries it schedules itself, when they come due. A slow poll finds work queued or
 * scheduled by other processes.
 */
export class Dispatcher implements HandoffSource {
  readonly workerId: string;
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private woken = false;
  // Due work was left in the database at the last claim for lack of room: freed slots
  // should look again. Otherwise finishing an attempt needs no query.
  private backlogged = false;
  // With work left behind, the loop looks again only once this many slots are free: every
  // look scans the due hooks, and a look per finished attempt cost more than the attempts.
  private readonly refillSlots: number;
  // Wakes the loop when the earliest retry this worker scheduled comes due.
  private retryTimer: { at: number; timer: NodeJS.Timeout } | undefined;
  private inFlight = 0;
  private readonly sending = new Set<string>();
  // Room promised to open handoffs, per hook and in all, until they commit or abort.
  private readonly reserved = new Map<string, number>();
  private reservedTotal = 0;
  private readonly gate: HookGate;
  private readonly log: DeliveryLog;
  private readonly rateTimers = new Map<string, NodeJS.Timeout>();
  private pendingResults: AttemptResult[] = [];
  private flushing: Promise<void> | undefined;
  private linger: NodeJS.Timeout | undefined;
  private readonly idle = new Set<() => void>();
  private lastLoopAt = 0;
  private rounds = 0;
  private failures = 0;

  constructor(private readonly options: DispatcherOptions) {
    this.workerId = options.workerId ?? `worker-${randomUUID()}`;
    this.gate = new HookGate(options.hookConcurrency, options.leaseMs, options.requestTimeoutMs);
    this.log = new DeliveryLog(options.logger);
    this.refillSlots = Math.max(1, Math.floor(options.concurrency / 8));
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
    for (const timer of this.rateTimers.values()) clearTimeout(timer);
    this.rateTimers.clear();
    if (this.retryTimer) clearTimeout(this.retryTimer.timer);
    this.retryTimer = undefined;
    const heldIds = this.gate.drainHeld().map((job) => job.deliveryId);
    const drained = new Promise<void>((resolve) => (this.inFlight === 0 ? resolve() : this.idle.add(resolve)));
    await Promise.race([drained, sleep(graceMs)]);
    await this.flush();
    // Requests still out after the grace period are abandoned: give them back now rather than
    // leave them locked until their leases run out (the endpoint may see them twice).
    const abandoned = [...this.sending];
    await this.options.store.release([...heldIds, ...abandoned], this.workerId, this.options.clock.now());
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
        if (!this.reportOutage(error)) this.options.logger.error({ err: error, backoffMs: backoff }, 'claiming deliveries failed; retrying');
        await sleep(backoff);
        continue;
      }
      // A full claim means more may be due: go again at once when there is room.
      if (claimedFull && this.freeSlots() > 0) continue;
      if (!this.woken) await this.waitForWork();
    }
  }

  /**
   * Claims, hook by hook, as many due deliveries as each can take (its free slots plus room
   * to hold a few), so a busy or hanging hook never makes the claim scan its backlog and
   * never takes another hook's turn. True when some hook yielded all it was asked for.
   */
  private async claimAndStart(): Promise<boolean> {
    const now = this.options.clock.now();
    const hooks = await this.options.store.dueHooks(now);
    // Start the round at a different hook each time, so no hook always goes first.
    const offset = hooks.length ? this.rounds++ % hooks.length : 0;
    const release: string[] = [];
    let more = false;
    let leftBehind = false;
    for (const hook of [...hooks.slice(offset), ...hooks.slice(0, offset)]) {
      const limit = Math.min(this.gate.quota(hook, this.freeSlots()), MAX_CLAIM);
      if (limit <= 0) {
        leftBehind = true;
        continue;
      }
      const jobs = await this.options.store.claimForHook({ ...hook, workerId: this.workerId, limit, leaseMs: this.options.leaseMs, now });
      // A short claim does not prove the hook has nothing more due: on PostgreSQL, rows that
      // other transactions hold are skipped. Look again when slots free; it costs one query.
      if (jobs.length > 0) leftBehind = true;
      // An ordered hook's next delivery is claimable only once this one is recorded.
      if (jobs.length === limit && !hook.ordered) more = true;
      release.push(...this.admit(jobs));
    }
    this.backlogged = leftBehind;
    await this.options.store.release(release, this.workerId, now);
    return more;
  }

  /** Starts or holds leased jobs as their hooks allow; returns the ids to give back. */
  private admit(jobs: readonly DeliveryJob[]): string[] {
    const release: string[] = [];
    for (const job of jobs) {
      const decision = this.gate.admit(job, Date.now());
      if (decision === 'start') this.startAttempt(job);
      else if (decision === 'release') release.push(job.deliveryId);
      else this.scheduleRateSlot(job.hookId);
    }
    return release;
  }

  /**
   * Opens a handoff for deliveries being written in this process (see {@link Handoff}).
   * None while stopping. Ordered hooks never take part: a new delivery is their head only
   * when nothing older is open, which only the claim knows.
   */
  openHandoff(): Handoff | undefined {
    if (!this.running) return undefined;
    const taken = new Map<string, number>();
    const giveBack = () => {
      for (const [hookId, count] of taken) {
        const left = (this.reserved.get(hookId) ?? 0) - count;
        if (left > 0) this.reserved.set(hookId, left);
        else this.reserved.delete(hookId);
        this.reservedTotal -= count;
      }
      taken.clear();
    };
    return {
      workerId: this.workerId,
      leaseEnd: new Date(this.options.clock.now().getTime() + this.options.leaseMs),
      take: (hook, count) => {
        if (!this.running || hook.ordered) return 0;
        const reserved = this.reserved.get(hook.hookId) ?? 0;
        const room = Math.min(this.gate.quota(hook, this.freeSlots()) - reserved, MAX_CLAIM);
        const granted = Math.max(0, Math.min(count, room));
        if (granted === 0) return 0;
        this.reserved.set(hook.hookId, reserved + granted);
        this.reservedTotal += granted;
        taken.set(hook.hookId, (taken.get(hook.hookId) ?? 0) + granted);
        return granted;
      },
      commit: (jobs) => {
        giveBack();
        // Stopping meanwhile: give them back now rather than leave them leased to a worker that is leaving.
        const release = this.running ? this.admit(jobs) : jobs.map((job) => job.deliveryId);
        if (release.length === 0) return;
        this.options.store
          .release(release, this.workerId, this.options.clock.now())
          .catch((error) => {
            if (!this.reportOutage(error)) this.options.logger.warn({ err: error, count: release.length }, 'could not give back handed-over deliveries; they come due when their lease ends');
          });
      },
      abort: giveBack,
    };
  }

  /**
   * Slots free for new attempts. Finished attempts waiting to be recorded count too, so a
   * worker that sends faster than the database records (an endpoint failing fast during a
   * backlog) slows down instead of piling results up in memory. So does room promised to
   * open handoffs.
   */
  private freeSlots(): number {
    return this.options.concurrency - this.inFlight - this.pendingResults.length - this.reservedTotal;
  }

  private startAttempt(job: DeliveryJob): void {
    this.inFlight++;
    this.sending.add(job.deliveryId);
    let durationMs: number | undefined;
    // The slot frees as soon as the endpoint has answered; recording the attempt goes on in
    // the background, grouped with others (the delivery stays leased until it is written).
    void this.attempt(job)
      .then((result) => {
        durationMs = result.durationMs;
        this.enqueueResult(result);
      })
      .catch((error) => this.options.logger.error({ err: error, deliveryId: job.deliveryId }, 'an attempt failed to run'))
      .finally(() => {
        this.sending.delete(job.deliveryId);
        this.finishAttempt(job, durationMs);
      });
  }

  /** An attempt is over: `durationMs` is set when it produced a result to record. */
  private finishAttempt(job: DeliveryJob, durationMs?: number): void {
    const { hookId } = job;
    this.inFlight--;
    if (!job.ordered) {
      this.gate.finished(hookId, durationMs);
      this.startReady(hookId);
      // Held work of this hook takes the freed slot; once it runs low, and enough slots are
      // free to make a claim worth its query, the loop looks for what was left behind.
      if (this.backlogged && this.gate.runningLow(hookId) && this.freeSlots() >= this.refillSlots) this.wake();
    } else if (durationMs === undefined) {
      // Nothing to record: the delivery stays leased, and what follows it must wait for it in the queue.
      this.gate.finished(hookId);
      this.giveBack(this.gate.dropHeld(hookId));
    }
    // An ordered hook's attempt with a result keeps its gate slot until it is recorded (see settleOrdered).
    if (this.inFlight === 0) for (const resolve of this.idle) resolve();
  }

  /**
   * After a batch is written (or could not be): ordered hooks' attempts end here, not when
   * the endpoint answered, so their next delivery starts only once this one is stored. It
   * starts at once from what the claim holds, or a claim fetches the next run. A head that
   * stays open (a retry, an unrecorded attempt) holds the rest back in the queue, so they are
   * given back; so is held work of a hook the batch disabled.
   */
  private settleOrdered(batch: readonly AttemptResult[], disabled: readonly DisabledHook[], recorded: boolean): void {
    const giveBack = disabled.flatMap((hook) => this.gate.dropHeld(hook.hookId));
    let claim = false;
    for (const { job, next, durationMs } of batch) {
      if (!job.ordered) continue;
      this.gate.finished(job.hookId, durationMs);
      if (!recorded || next.status === 'RETRYING' || !this.running) giveBack.push(...this.gate.dropHeld(job.hookId));
      else if (this.gate.holds(job.hookId)) this.startReady(job.hookId);
      else claim = true;
    }
    this.giveBack(giveBack);
    if (claim) this.wake();
  }

  /** Releases held jobs to the queue (in the background: a failure only leaves them leased until their lease ends). */
  private giveBack(jobs: readonly DeliveryJob[]): void {
    if (jobs.length === 0) return;
    this.options.store
      .release(
        jobs.map((job) => job.deliveryId),
        this.workerId,
        this.options.clock.now(),
      )
      .catch((error) => {
        if (!this.reportOutage(error)) this.options.logger.warn({ err: error, count: jobs.length }, 'could not give back held deliveries; they come due when their lease ends');
      });
  }

  /** True when `error` is the database being unavailable, which the outage log has taken note of. */
  private reportOutage(error: unknown): boolean {
    return this.options.outage?.report(error, 'worker') ?? false;
  }

  /** Starts the hook's held jobs that may go now; for a rate-limited hook, sets a timer for the next. */
  private startReady(hookId: string): void {
    for (const job of this.gate.takeReady(hookId, Date.now())) this.startAttempt(job);
    this.scheduleRateSlot(hookId);
  }

  private scheduleRateSlot(hookId: string): void {
    const at = this.gate.nextStartAt(hookId);
    if (at === undefined || this.rateTimers.has(hookId)) return;
    const timer = setTimeout(() => {
      this.rateTimers.delete(hookId);
      if (this.running) this.startReady(hookId);
    }, Math.max(0, at - Date.now()));
    this.rateTimers.set(hookId, timer);
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
      trigger: job.trigger,
      startedAt,
      durationMs,
      request: recorded,
      outcome,
      next: gone ? { status: 'FAILED' } : this.nextStep(number - job.roundOffset, outcome),
      disableHookReason: gone ? `the endpoint answered 410 Gone on ${startedAt.toISOString()}` : undefined,
    };
  }

  /** What follows attempt `numberInRound` of the current round. */
  private nextStep(numberInRound: number, outcome: AttemptOutcome): NextStep {
    if (outcome.kind === 'success') return { status: 'SUCCEEDED' };
    const at = planRetry(this.options.retryPolicy, numberInRound, outcome, this.options.clock.now(), this.options.random);
    return at === 'exhausted' ? { status: 'FAILED' } : { status: 'RETRYING', at };
  }

  /**
   * Results are written in groups: the first waits a moment (RECORD_LINGER_MS) for others,
   * and any that arrive while a group commits go in the next one. One transaction then
   * records many attempts, which is what lets a busy worker keep its slots sending.
   */
  private enqueueResult(result: AttemptResult): void {
    this.pendingResults.push(result);
    if (this.flushing) return;
    // An ordered hook waits for this write before its next delivery: no lingering for company.
    if (result.job.ordered) {
      clearTimeout(this.linger);
      this.linger = undefined;
      this.flushing = this.drainResults();
      return;
    }
    if (this.linger) return;
    this.linger = setTimeout(() => {
      this.linger = undefined;
      this.flushing = this.drainResults();
    }, RECORD_LINGER_MS);
  }

  private async drainResults(): Promise<void> {
    try {
      while (this.pendingResults.length > 0) await this.writeBatch(this.pendingResults.splice(0, 500));
    } finally {
      this.flushing = undefined;
    }
  }

  /** Writes every result still waiting (shutdown). */
  private async flush(): Promise<void> {
    clearTimeout(this.linger);
    this.linger = undefined;
    if (this.flushing) await this.flushing;
    if (this.pendingResults.length > 0) {
      this.flushing = this.drainResults();
      await this.flushing;
    }
  }

  private async writeBatch(batch: AttemptResult[]): Promise<void> {
    const { store, clock, logger, onAttempt, onOperationalEvents } = this.options;
    let completed: Completed;
    for (let attempt = 0; ; attempt++) {
      try {
        // After a failure the write may still have been committed: leave out what it stored.
        const recorded = attempt === 0 ? undefined : await store.recordedAttempts(batch);
        const unrecorded = recorded ? batch.filter((result) => !recorded.has(result.attemptId)) : batch;
        completed = await store.complete(unrecorded, this.workerId, clock.now());
        break;
      } catch (error) {
        // The attempts happened; keep trying to record them. If this process dies first,
        // the leases run out and the deliveries are sent again: at-least-once.
        const unavailable = this.reportOutage(error);
        if (attempt >= ERROR_BACKOFF_MS.length) {
          // Said even during an outage (without the stack): these attempts will be made again.
          logger.error({ err: unavailable ? undefined : error, count: batch.length }, 'could not record attempts; their deliveries will be retried after the lease');
          this.settleOrdered(batch, [], false);
          return;
        }
        if (!unavailable) logger.warn({ err: error }, 'recording attempts failed; retrying');
        await sleep(ERROR_BACKOFF_MS[attempt]);
      }
    }
    const { disabled } = completed;
    this.settleOrdered(batch, disabled, true);
    if (this.backlogged) this.wake();
    this.wakeForRetries(batch);
    this.log.recorded(batch, completed);
    if (onAttempt) for (const result of batch) onAttempt(result);
    const operational = operationalEventsOf(batch, disabled);
    if (onOperationalEvents && operational.length > 0) {
      await onOperationalEvents(operational).catch((error) => {
        if (!this.reportOutage(error)) logger.error({ err: error }, 'could not emit operational events');
      });
    }
  }

  /** Sets a wake-up for the earliest retry in `batch`, if it comes before the one already set. */
  private wakeForRetries(batch: readonly AttemptResult[]): void {
    let earliest = Infinity;
    for (const { next } of batch) if (next.status === 'RETRYING') earliest = Math.min(earliest, next.at.getTime());
    if (earliest === Infinity || (this.retryTimer && this.retryTimer.at <= earliest)) return;
    if (this.retryTimer) clearTimeout(this.retryTimer.timer);
    this.armRetryTimer(earliest);
  }

  private armRetryTimer(at: number): void {
    const timer = setTimeout(() => {
      // Timers may fire a millisecond early by the clock: a claim then would find the retry
      // not yet due, and with nothing else to wake the loop it would wait for the slow poll.
      if (this.options.clock.now().getTime() < at) return this.armRetryTimer(at);
      this.retryTimer = undefined;
      this.wake();
    }, Math.max(0, at - this.options.clock.now().getTime()));
    timer.unref();
    this.retryTimer = { at, timer };
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
