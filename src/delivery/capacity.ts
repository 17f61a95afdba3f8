import type { Clock } from './clock';
import { HookGate } from './hook-gate';
import type { DeliveryJob } from './job';
import type { DueHook } from './work-queue';

/** One claim or handoff takes at most this many deliveries of a hook, so a backlog goes in steady bites. */
export const MAX_CLAIM = 256;

/** What bounds a worker's capacity; every field comes from the validated config. */
export interface CapacityOptions {
  /** Requests in flight at once in this process. */
  concurrency: number;
  /** Requests in flight at once to one hook, so one slow endpoint cannot take every slot. */
  hookConcurrency: number;
  leaseMs: number;
  requestTimeoutMs: number;
  clock: Clock;
  /** Finished attempts not yet being recorded: they hold their slots (see {@link Capacity.freeSlots}). */
  waitingResults: () => number;
}

/** Room taken for one handoff, held until it is given back (see {@link Capacity.reservation}). */
export interface Reservation {
  /** Takes room for up to `count` deliveries of `hook`; returns how many it got. */
  take(hook: DueHook, count: number): number;
  /** Gives all the room taken back. */
  giveBack(): void;
}

/**
 * The worker's slots: requests in flight, room promised to open handoffs, and, per hook,
 * the {@link HookGate} deciding what may start now and what is held. Every time it compares
 * against is read from the clock.
 */
export class Capacity {
  private inFlight = 0;
  private readonly sending = new Set<string>();
  private readonly reserved = new Map<string, number>();
  private reservedTotal = 0;
  private readonly gate: HookGate;
  private readonly idle = new Set<() => void>();

  constructor(private readonly options: CapacityOptions) {
    this.gate = new HookGate(options.hookConcurrency, options.leaseMs, options.requestTimeoutMs);
  }

  /**
   * Slots free for new attempts. Finished attempts waiting to be recorded count too, so a
   * worker that sends faster than the database records (an endpoint failing fast during a
   * backlog) slows down instead of piling results up in memory. So does room promised to
   * open handoffs.
   */
  freeSlots(): number {
    return this.options.concurrency - this.inFlight - this.options.waitingResults() - this.reservedTotal;
  }

  /** How many due deliveries of `hook` are worth claiming now (see {@link HookGate.quota}). */
  quota(hook: DueHook): number {
    return Math.min(this.gate.quota(hook, this.freeSlots()), MAX_CLAIM);
  }

  /** Opens a reservation: room for a handoff's deliveries, which the claim loop cannot give away meanwhile. */
  reservation(): Reservation {
    const taken = new Map<string, number>();
    return {
      take: (hook, count) => {
        const reserved = this.reserved.get(hook.hookId) ?? 0;
        const room = Math.min(this.gate.quota(hook, this.freeSlots()) - reserved, MAX_CLAIM);
        const granted = Math.max(0, Math.min(count, room));
        if (granted === 0) return 0;
        this.reserved.set(hook.hookId, reserved + granted);
        this.reservedTotal += granted;
        taken.set(hook.hookId, (taken.get(hook.hookId) ?? 0) + granted);
        return granted;
      },
      giveBack: () => {
        for (const [hookId, count] of taken) {
          const left = (this.reserved.get(hookId) ?? 0) - count;
          if (left > 0) this.reserved.set(hookId, left);
          else this.reserved.delete(hookId);
          this.reservedTotal -= count;
        }
        taken.clear();
      },
    };
  }

  /** `start` (counted as sending from now), `hold` (started later by {@link takeReady}), or `release`. */
  admit(job: DeliveryJob): 'start' | 'hold' | 'release' {
    const decision = this.gate.admit(job, this.options.clock.now().getTime());
    if (decision === 'start') this.sendingStarted(job);
    return decision;
  }

  /** The hook's held jobs that may start now, each counted as sending. */
  takeReady(hookId: string): DeliveryJob[] {
    const ready = this.gate.takeReady(hookId, this.options.clock.now().getTime());
    for (const job of ready) this.sendingStarted(job);
    return ready;
  }

  /** The endpoint answered (or the attempt broke): the process-wide slot is free again. */
  answered(job: DeliveryJob): void {
    this.inFlight--;
    this.sending.delete(job.deliveryId);
    if (this.inFlight === 0) for (const resolve of this.idle) resolve();
  }

  /** The hook's slot is free: for an ordered hook, only once its attempt is recorded. */
  finished(hookId: string, durationMs?: number): void {
    this.gate.finished(hookId, durationMs);
  }

  /** In ms by the clock, when the hook's first held job may start, if a rate limit is what it waits for. */
  nextStartAt(hookId: string): number | undefined {
    return this.gate.nextStartAt(hookId);
  }

  /** True when the hook's held work is low: time to claim more. */
  runningLow(hookId: string): boolean {
    return this.gate.runningLow(hookId);
  }

  /** True when the hook holds jobs waiting to start. */
  holds(hookId: string): boolean {
    return this.gate.holds(hookId);
  }

  /** One hook's held jobs, removed. */
  dropHeld(hookId: string): DeliveryJob[] {
    return this.gate.dropHeld(hookId);
  }

  /** Every held job, removed (on shutdown). */
  drainHeld(): DeliveryJob[] {
    return this.gate.drainHeld();
  }

  /** The deliveries whose requests are still out. */
  sendingIds(): string[] {
    return [...this.sending];
  }

  /** Resolves once no request is in flight. */
  whenIdle(): Promise<void> {
    return new Promise<void>((resolve) => (this.inFlight === 0 ? resolve() : this.idle.add(resolve)));
  }

  private sendingStarted(job: DeliveryJob): void {
    this.inFlight++;
    this.sending.add(job.deliveryId);
  }
}
