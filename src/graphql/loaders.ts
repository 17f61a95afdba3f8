import { checkDeliveryPageArgs, loadDeliveryPages, type DeliveryPageArgs, type DeliveryParent } from '../deliveries/delivery-pages';
import type { DeliveryAttempt } from '../deliveries/delivery-attempt.entity';
import { toDeliveryNode } from '../deliveries/delivery.mapping';
import type { DeliveryNode } from '../deliveries/delivery.types';
import type { ExecutionStats } from '../hooks/hook.service';
import type { Services } from '../services';
import { createBatchLoader, type BatchLoader } from './batch-loader';
import type { Page } from './connection';

/**
 * The per-parent lookups under a list, each batched into one statement per page. One set per
 * request (or per WebSocket operation): they hold no rows between batches.
 */
export interface Loaders {
  /** `Delivery.attempts`, by delivery id. */
  attempts: BatchLoader<string, DeliveryAttempt[]>;
  /** `Hook.executionStats`, by hook id. */
  executionStats: BatchLoader<string, ExecutionStats>;
  /** `Hook.deliveries`: a page of a hook's deliveries; throws at once on a bad `first` or `after`. */
  hookDeliveries(hookId: string, args: DeliveryPageArgs): Promise<Page<DeliveryNode>>;
  /** `Event.deliveries`: a page of an event's deliveries; throws at once on a bad `first` or `after`. */
  eventDeliveries(eventId: string, args: DeliveryPageArgs): Promise<Page<DeliveryNode>>;
}

/** Creates the loaders of one request. */
export function createLoaders(services: Pick<Services, 'deliveries' | 'hooks' | 'orm'>): Loaders {
  return {
    attempts: createBatchLoader((ids) => services.deliveries.attemptsOf(ids), () => []),
    executionStats: createBatchLoader(
      (ids) => services.hooks.executionStatsOf(ids),
      () => ({ requestCount: 0, successCount: 0 }),
    ),
    hookDeliveries: pageLoader(services, 'hook'),
    eventDeliveries: pageLoader(services, 'event'),
  };
}

// One batch loader per distinct set of arguments: aliases asking for other pages batch apart.
function pageLoader(services: Pick<Services, 'orm'>, parent: DeliveryParent) {
  const loaders = new Map<string, BatchLoader<string, Page<DeliveryNode>>>();
  return (parentId: string, args: DeliveryPageArgs): Promise<Page<DeliveryNode>> => {
    const checked = checkDeliveryPageArgs(args);
    const key = JSON.stringify(checked);
    let loader = loaders.get(key);
    if (!loader) {
      loader = createBatchLoader(
        (ids) => loadDeliveryPages(services.orm, parent, ids, checked, toDeliveryNode),
        () => ({ nodes: [], pageInfo: { endCursor: null, hasNextPage: false }, totalCount: 0 }),
      );
      loaders.set(key, loader);
    }
    return loader(parentId);
  };
}
