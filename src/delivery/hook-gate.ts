import type { DeliveryJob } from './job';

// Held work per hook is bounded by what its endpoint can take within half a lease, and by this.
const MAX_HOLD = 256;
// How quickly the per-hook duration estimate follows new attempts.
const EWMA_WEIGHT = 0.2;

/**
 * Decides, per hook, whether a claimed delivery may be sent now: at most `hookConcurrency`
 * in flight (one for an ordered hook), and no faster than the hook's rate limit. What must
 * wait is held here, in event order, but only as much as can be sent before its lease runs
 * out (judged from the hook's recent attempt durations); the rest is given back to the queue.
 *
 * An ordered hook's attempt counts as in flight until it is recorded, not merely answered:
 * the dispatcher calls {@link finished} for it after the write, so the next held delivery
 * goes out only once the previous one's outcome is stored.
 */
export class HookGate {
  private readonly inFlight = new Map<string, number>();
  private readonly held = new Map<string, DeliveryJob[]>();
  private readonly nextSlotAt = new Map<string, number>();
  private readonly durationMs = new Map<string, number>();

  /**
   * @param initialDurationMs the duration assumed for a hook not yet seen (the request
   *   timeout: pessimistic, so a new endpoint that hangs cannot hoard leased work).
   */
  constructor(
    private readonly hookConcurrency: number,
    private readonly leaseMs: number,
    private readonly initialDurationMs: number,
  ) {}

  /**
   * How many deliveries of a hook are worth claiming now: its free slots (within the
   * `freeGlobal` ones) plus the room to hold more, less what it already holds. Held work is
   * topped up once it is {@link runningLow}, so the claim's round trip overlaps the sending
   * of what is left instead of leaving the hook idle while it runs. Zero when no global slot
   * is free, when the hook can start nothing and holds nothing (it waits for a slot), and for
   * an ordered hook with an attempt out or work held: its next run of deliveries is claimed
   * only once the last one claimed is recorded, so the claim sees where the queue stands.
   */
  quota(hook: { hookId: string; rateLimit: number | null; ordered: boolean }, freeGlobal: number): number {
    const inFlight = this.inFlight.get(hook.hookId) ?? 0;
    const held = this.held.get(hook.hookId)?.length ?? 0;
    if (freeGlobal <= 0) return 0;
    if (hook.ordered) return held === 0 && inFlight === 0 ? 1 + this.holdLimit(hook.hookId, hook.rateLimit, 1) : 0;
    const startRoom = Math.max(0, Math.min(this.hookConcurrency - inFlight, freeGlobal));
    const holdLimit = this.holdLimit(hook.hookId, hook.rateLimit);
    if ((startRoom === 0 && held === 0) || held > this.lowWater(holdLimit)) return 0;
    return Math.max(0, startRoom + holdLimit - held);
  }

  /** True when the hook's held work is down to its low-water mark: time to claim more. */
  runningLow(hookId: string): boolean {
    const queue = this.held.get(hookId);
    if (!queue?.length) return true;
    // An ordered hook is topped up only once it holds nothing (see quota).
    if (queue[0].ordered) return false;
    return queue.length <= this.lowWater(this.holdLimit(hookId, queue[0].rateLimit));
  }

  /** `start` (send now), `hold` (kept, sent later by `takeReady`), or `release` (give it back). */
  admit(job: DeliveryJob, nowMs: number): 'start' | 'hold' | 'release' {
    if ((this.held.get(job.hookId)?.length ?? 0) === 0 && this.canStart(job, nowMs)) {
      this.started(job, nowMs);
      return 'start';
    }
    const queue = this.held.get(job.hookId) ?? [];
    if (queue.length >= this.holdLimit(job.hookId, job.rateLimit, this.concurrencyOf(job))) return 'release';
    queue.push(job);
    this.held.set(job.hookId, queue);
    return 'hold';
  }

  /** Held jobs of a hook that may start now (each counted as started). */
  takeReady(hookId: string, nowMs: number): DeliveryJob[] {
    const queue = this.held.get(hookId);
    const ready: DeliveryJob[] = [];
    while (queue?.length && this.canStart(queue[0], nowMs)) {
      const job = queue.shift() as DeliveryJob;
      this.started(job, nowMs);
      ready.push(job);
    }
    if (queue?.length === 0) this.held.delete(hookId);
    return ready;
  }

  /** When the first held job of a rate-limited hook may start, if that is what it waits for. */
  nextStartAt(hookId: string): number | undefined {
    const head = this.held.get(hookId)?.[0];
    if (!head?.rateLimit || (this.inFlight.get(hookId) ?? 0) >= this.concurrencyOf(head)) return undefined;
    return this.nextSlotAt.get(hookId);
  }

  /** An attempt of the hook finished after `durationMs`. */
  finished(hookId: string, durationMs?: number): void {
    if (durationMs !== undefined) {
      const previous = this.durationMs.get(hookId) ?? durationMs;
      this.durationMs.set(hookId, previous + EWMA_WEIGHT * (durationMs - previous));
    }
    const count = (this.inFlight.get(hookId) ?? 1) - 1;
    if (count > 0) this.inFlight.set(hookId, count);
    else this.inFlight.delete(hookId);
  }

  /** Every held job, removed (on shutdown, to give them back). */
  drainHeld(): DeliveryJob[] {
    const jobs = [...this.held.values()].flat();
    this.held.clear();
    return jobs;
  }

  /** One hook's held jobs, removed (its ordered head must wait, or it was disabled). */
  dropHeld(hookId: string): DeliveryJob[] {
    const jobs = this.held.get(hookId) ?? [];
    this.held.delete(hookId);
    return jobs;
  }

  /** True when the hook holds jobs waiting to start. */
  holds(hookId: string): boolean {
    return (this.held.get(hookId)?.length ?? 0) > 0;
  }

  private concurrencyOf(job: DeliveryJob): number {
    return job.ordered ? 1 : this.hookConcurrency;
  }

  private canStart(job: DeliveryJob, nowMs: number): boolean {
    if ((this.inFlight.get(job.hookId) ?? 0) >= this.concurrencyOf(job)) return false;
    return !job.rateLimit || (this.nextSlotAt.get(job.hookId) ?? 0) <= nowMs;
  }

  private started(job: DeliveryJob, nowMs: number): void {
    this.inFlight.set(job.hookId, (this.inFlight.get(job.hookId) ?? 0) + 1);
    if (job.rateLimit) {
      const slot = Math.max(nowMs, this.nextSlotAt.get(job.hookId) ?? 0);
      this.nextSlotAt.set(job.hookId, slot + 1000 / job.rateLimit);
    }
  }

  // Half what the hook may hold, and at least a round of slots: what is left keeps its slots
  // busy while the claim for more makes its round trip.
  private lowWater(holdLimit: number): number {
    return Math.max(this.hookConcurrency, holdLimit / 2);
  }

  /** How many jobs a hook sending `concurrency` at a time may hold. */
  private holdLimit(hookId: string, rateLimit: number | null, concurrency = this.hookConcurrency): number {
    // Held work must go out well within its lease, or another worker would claim it again.
    const halfLease = this.leaseMs / 2;
    if (rateLimit) return Math.max(1, Math.min(MAX_HOLD, Math.floor((rateLimit * halfLease) / 1000)));
    const duration = Math.max(1, this.durationMs.get(hookId) ?? this.initialDurationMs);
    const rounds = Math.floor(halfLease / duration);
    return Math.max(0, Math.min(MAX_HOLD, concurrency * rounds));
  }
}
