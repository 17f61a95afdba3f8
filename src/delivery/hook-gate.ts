import type { DeliveryJob } from './job';

/**
 * Decides, per hook, whether a claimed delivery may be sent now: at most `hookConcurrency`
 * in flight, and no faster than the hook's rate limit. What must wait is held here, in
 * event order, but only as much as can be sent before its lease runs out; the rest is
 * given back to the queue.
 */
export class HookGate {
  private readonly inFlight = new Map<string, number>();
  private readonly held = new Map<string, DeliveryJob[]>();
  private readonly nextSlotAt = new Map<string, number>();

  constructor(
    private readonly hookConcurrency: number,
    private readonly leaseMs: number,
  ) {}

  /** `start` (send now), `hold` (kept, sent later by `takeReady`), or `release` (give it back). */
  admit(job: DeliveryJob, nowMs: number): 'start' | 'hold' | 'release' {
    if ((this.held.get(job.hookId)?.length ?? 0) === 0 && this.canStart(job, nowMs)) {
      this.started(job, nowMs);
      return 'start';
    }
    const queue = this.held.get(job.hookId) ?? [];
    if (queue.length >= this.holdLimit(job)) return 'release';
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
    if (!head?.rateLimit || (this.inFlight.get(hookId) ?? 0) >= this.hookConcurrency) return undefined;
    return this.nextSlotAt.get(hookId);
  }

  /** An attempt of the hook finished. */
  finished(hookId: string): void {
    const count = (this.inFlight.get(hookId) ?? 1) - 1;
    if (count > 0) this.inFlight.set(hookId, count);
    else this.inFlight.delete(hookId);
  }

  /** Hooks that cannot take more right now: claiming for them would only hold or release. */
  busyHooks(): string[] {
    const busy = new Set(this.held.keys());
    for (const [hookId, count] of this.inFlight) if (count >= this.hookConcurrency) busy.add(hookId);
    return [...busy];
  }

  /** Every held job, removed (on shutdown, to give them back). */
  drainHeld(): DeliveryJob[] {
    const jobs = [...this.held.values()].flat();
    this.held.clear();
    return jobs;
  }

  private canStart(job: DeliveryJob, nowMs: number): boolean {
    if ((this.inFlight.get(job.hookId) ?? 0) >= this.hookConcurrency) return false;
    return !job.rateLimit || (this.nextSlotAt.get(job.hookId) ?? 0) <= nowMs;
  }

  private started(job: DeliveryJob, nowMs: number): void {
    this.inFlight.set(job.hookId, (this.inFlight.get(job.hookId) ?? 0) + 1);
    if (job.rateLimit) {
      const slot = Math.max(nowMs, this.nextSlotAt.get(job.hookId) ?? 0);
      this.nextSlotAt.set(job.hookId, slot + 1000 / job.rateLimit);
    }
  }

  private holdLimit(job: DeliveryJob): number {
    // Held work must go out well within its lease, or another worker would claim it again.
    if (job.rateLimit) return Math.max(1, Math.floor((job.rateLimit * this.leaseMs) / 2000));
    return this.hookConcurrency;
  }
}
