import type { DeliveryAttempt } from '../deliveries/delivery-attempt.entity';
import type { ExecutionStats } from '../hooks/hook.service';
import type { Services } from '../services';
import { createBatchLoader, type BatchLoader } from './batch-loader';

/**
 * The per-parent lookups under a list, each batched into one statement per page. One set per
 * request (or per WebSocket operation): they hold no rows between batches.
 */
export interface Loaders {
  /** `Delivery.attempts`, by delivery id. */
  attempts: BatchLoader<string, DeliveryAttempt[]>;
  /** `Hook.executionStats`, by hook id. */
  executionStats: BatchLoader<string, ExecutionStats>;
}

/** Creates the loaders of one request. */
export function createLoaders(services: Pick<Services, 'deliveries' | 'hooks'>): Loaders {
  return {
    attempts: createBatchLoader((ids) => services.deliveries.attemptsOf(ids), () => []),
    executionStats: createBatchLoader(
      (ids) => services.hooks.executionStatsOf(ids),
      () => ({ requestCount: 0, successCount: 0 }),
    ),
  };
}
