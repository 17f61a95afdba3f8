import { backoffAfter } from './backoff';
import type { Capacity } from './capacity';
import type { Clock } from './clock';
import type { DeliveryJob } from './job';
import type { WorkQueue } from './work-queue';

/** What the claim loop claims with, and where claimed jobs go. */
export interface ClaimLoopOptions {
  queue: Pick<WorkQueue, 'dueHooks' | 'claimForHook' | 'release'>;
  capacity: Pick<Capacity, 'quota' | 'freeSlots'>;
  clock: Clock;
  workerId: string;
  leaseMs: number;
  pollIntervalMs: number;
  /** Starts or holds leased jobs as their hooks allow; returns the ids to give back. */
  admit(jobs: readonly DeliveryJob[]): string[];
  /** A claim failed (the database, most likely); the loop tries again after `backoffMs`. */
  failed(error: unknown, backoffMs: number): void;
}

/**
 * The loop that finds work in the queue: it claims, hook by hook, what each has room for, then
 * sleeps until woken (`wake`: new deliveries, freed room, a retry come due) or until the slow
 * poll finds work other processes queued. After an error it backs off and tries again.
 */
export class ClaimLoop {
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private leftBehind = false;
  // Wakes the loop when the earliest retry this worker scheduled comes due.
  private retryTimer: { at: number; timer: NodeJS.Timeout } | undefined;
  private lastLoopAt = 0;
  private rounds = 0;
  private failures = 0;

  constructor(private readonly options: ClaimLoopOptions) {}

  /**
   * Due work was left in the queue at the last claim for lack of room: freed slots should
   * look again. Otherwise finishing an attempt needs no query.
   */
  get backlogged(): boolean {
    return this.leftBehind;
  }

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
    const sinceMs = this.options.clock.now().getTime() - this.lastLoopAt;
    return this.running && sinceMs < Math.max(this.options.pollIntervalMs * 5, 10_000);
  }

  /** Stops after the turn in progress; resolves once it is over. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake();
    await this.loop;
    if (this.retryTimer) clearTimeout(this.retryTimer.timer);
    this.retryTimer = undefined;
  }

  /** Wakes the loop at `atMs` by the clock, unless a wake-up is already set at or before it. */
  wakeAt(atMs: number): void {
    if (this.retryTimer && this.retryTimer.at <= atMs) return;
    if (this.retryTimer) clearTimeout(this.retryTimer.timer);
    this.armRetryTimer(atMs);
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.lastLoopAt = this.options.clock.now().getTime();
      this.woken = false;
      let claimedFull = false;
      try {
        claimedFull = await this.claimRound();
        this.failures = 0;
      } catch (error) {
        const backoffMs = backoffAfter(this.failures++);
        this.options.failed(error, backoffMs);
        await new Promise((resolve) => setTimeout(resolve, backoffMs));
        continue;
      }
      // A full claim means more may be due: go again at once when there is room.
      if (claimedFull && this.options.capacity.freeSlots() > 0) continue;
      if (!this.woken) await this.waitForWork();
    }
  }

  /**
   * Claims, hook by hook, as many due deliveries as each can take (its free slots plus room
   * to hold a few), so a busy or hanging hook never makes the claim scan its backlog and
   * never takes another hook's turn. True when some hook yielded all it was asked for.
   */
  private async claimRound(): Promise<boolean> {
    const { queue, capacity, clock, workerId, leaseMs } = this.options;
    const now = clock.now();
    const hooks = await queue.dueHooks(now);
    // Start the round at a different hook each time, so no hook always goes first.
    const offset = hooks.length ? this.rounds++ % hooks.length : 0;
    const release: string[] = [];
    let more = false;
    let leftBehind = false;
    for (const hook of [...hooks.slice(offset), ...hooks.slice(0, offset)]) {
      const limit = capacity.quota(hook);
      if (limit <= 0) {
        leftBehind = true;
        continue;
      }
      const jobs = await queue.claimForHook({ ...hook, workerId, limit, leaseMs, now });
      // A short claim does not prove the hook has nothing more due: on PostgreSQL, rows that
      // other transactions hold are skipped. Look again when slots free; it costs one query.
      if (jobs.length > 0) leftBehind = true;
      // An ordered hook's next delivery is claimable only once this one is recorded.
      if (jobs.length === limit && !hook.ordered) more = true;
      release.push(...this.options.admit(jobs));
    }
    this.leftBehind = leftBehind;
    await queue.release(release, workerId, now);
    return more;
  }

  private armRetryTimer(at: number): void {
    const { clock } = this.options;
    const timer = setTimeout(() => {
      // Timers may fire a millisecond early by the clock: a claim then would find the retry
      // not yet due, and with nothing else to wake the loop it would wait for the slow poll.
      if (clock.now().getTime() < at) return this.armRetryTimer(at);
      this.retryTimer = undefined;
      this.wake();
    }, Math.max(0, at - clock.now().getTime()));
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
