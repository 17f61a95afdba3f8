import type { DueHook } from './work-queue';
import type { DeliveryJob } from './job';

/**
 * Gives deliveries created in this process straight to its own dispatcher, instead of
 * writing them as due and having the dispatcher find, claim and read them back.
 *
 * The emit transaction asks `take` how many deliveries of each hook the dispatcher has room
 * for, writes that many already leased to it (`workerId`, due again only at `leaseEnd`), and
 * after the commit passes them to `commit`, which starts them at once. A handed-over
 * delivery is as durable as a claimed one: if this process dies, its lease runs out and any
 * worker sends it. Room taken is held until `commit` or `abort`, so the claim loop cannot
 * give it away meanwhile.
 */
export interface Handoff {
  readonly workerId: string;
  /** The lease of a handed-over delivery ends here; it is also the row's due time. */
  readonly leaseEnd: Date;
  /** Reserves room for up to `count` new deliveries of `hook`; returns how many it took. */
  take(hook: DueHook, count: number): number;
  /** The taken deliveries committed: start them (exactly the ones taken). */
  commit(jobs: DeliveryJob[]): void;
  /** They did not: give the room back. */
  abort(): void;
}

/** Where a handoff comes from: the dispatcher of this process, while it runs. */
export interface HandoffSource {
  openHandoff(): Handoff | undefined;
}
