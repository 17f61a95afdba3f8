import type { AttemptResult, DeliveryJob, DisabledHook } from './job';

/** What recording a batch did to its hooks. */
export interface Completed {
  disabled: DisabledHook[];
  /** Hooks whose failure streak a success ended. */
  recovered: RecoveredHook[];
}

/** A hook that succeeded after failing `failures` times in a row since `failingSince`. */
export interface RecoveredHook {
  hookId: string;
  failures: number;
  failingSince: Date | null;
}

/** An enabled hook with deliveries due, and what governs how many may be claimed for it. */
export interface DueHook {
  hookId: string;
  rateLimit: number | null;
  ordered: boolean;
}

/** A claim of up to `limit` due deliveries of one hook, leased to `workerId` for `leaseMs`. */
export interface ClaimRequest {
  hookId: string;
  ordered: boolean;
  workerId: string;
  limit: number;
  leaseMs: number;
  now: Date;
}

/**
 * The queue as the engine sees it: the only storage the dispatcher uses. The engine declares
 * it and the queue implements it, so the engine depends on no table, statement or dialect.
 */
export interface WorkQueue {
  /** Enabled hooks with deliveries due at `now`. */
  dueHooks(now: Date): Promise<DueHook[]>;
  /** Leases due deliveries of one hook (for an ordered hook: only the run at its head). */
  claimForHook(request: ClaimRequest): Promise<DeliveryJob[]>;
  /** Stores the attempts of `results` and moves their deliveries on, in one transaction. */
  complete(results: readonly AttemptResult[], workerId: string, now: Date): Promise<Completed>;
  /** The attempts of `results` already stored (a retry after a write whose answer was lost). */
  recordedAttempts(results: readonly AttemptResult[]): Promise<Set<string>>;
  /**
   * What an earlier `complete(results, …, now)` that was committed, though its answer was lost,
   * did: the hooks of `results` it disabled (read back by their `disabled_at`). Streaks it ended
   * are not known any more (their count was reset), so `recovered` is empty.
   */
  storedOutcome(results: readonly AttemptResult[], now: Date): Promise<Completed>;
  /** Gives leased deliveries back, due at once, so any worker can claim them. */
  release(deliveryIds: readonly string[], workerId: string, now: Date): Promise<void>;
}
