import { checkDeliveryPageArgs, type DeliveryPageArgs, type DeliveryParent } from './delivery-pages';
import type { AttemptSummary, AttemptText, AttemptTextSizes } from './attempt-texts';
import { toDeliveryNode } from './delivery.mapping';
import type { DeliveryNode } from './delivery.types';
import type { ExecutionStats } from '../hooks/hook.service';
import type { Services } from '../services';
import { createTurnQueue } from '../util/turn-queue';
import { createBatchLoader, type BatchLoader } from '../graphql/batch-loader';
import { budgetedText } from '../graphql/budgeted-text';
import type { Page } from '../db/page';
import { ResponseBudget } from '../graphql/response-budget';

/**
 * The per-parent lookups under a list, each batched into one statement per page, and the
 * budget of large text the answer may carry. One set per request, per WebSocket operation and
 * per event a subscription delivers: they hold no rows between batches.
 */
export interface Loaders {
  /** What is left of `HOOKWIRE_MAX_RESPONSE_PAYLOAD_BYTES` for this answer. */
  budget: ResponseBudget;
  /**
   * `Event.payload` of a stored event: its stored size is charged to {@link budget} before the
   * text is read, as {@link requestBody}'s is, and the text parsed in a turn of the event loop
   * of its own.
   */
  payload(eventId: string): Promise<Record<string, unknown>>;
  /** `Delivery.attempts`, by delivery id: without their bodies, which the next two read. */
  attempts: BatchLoader<string, AttemptSummary[]>;
  /**
   * `AttemptRequest.body`, by attempt id: its stored size is charged to {@link budget} before
   * the text is read, so a page reads at most the budget's worth of text (and one more).
   */
  requestBody(attemptId: string): Promise<string>;
  /** `DeliveryAttempt.responseBody`, by attempt id, read as {@link requestBody} is; null when none was stored. */
  responseBody(attemptId: string): Promise<string | null>;
  /** `Hook.executionStats`, by hook id. */
  executionStats: BatchLoader<string, ExecutionStats>;
  /** `Hook.deliveries`: a page of a hook's deliveries; throws at once on a bad `first` or `after`. */
  hookDeliveries(hookId: string, args: DeliveryPageArgs): Promise<Page<DeliveryNode>>;
  /** `Event.deliveries`: a page of an event's deliveries; throws at once on a bad `first` or `after`. */
  eventDeliveries(eventId: string, args: DeliveryPageArgs): Promise<Page<DeliveryNode>>;
}

/** Creates the loaders of one request. */
export function createLoaders(services: Pick<Services, 'limits' | 'deliveries' | 'deliveryPages' | 'events' | 'hooks'>): Loaders {
  const budget = new ResponseBudget(services.limits.maxResponsePayloadBytes);
  // The column is NOT NULL: no stored event is without a payload.
  const payloadText = budgetedText<never>(
    budget,
    'event',
    createBatchLoader<string, number | undefined>((ids) => services.events.payloadSizesOf(ids), () => undefined),
    createBatchLoader<string, string | undefined>((ids) => services.events.payloadTextsOf(ids), () => undefined),
  );
  return {
    budget,
    payload: async (eventId) => {
      const text = await payloadText(eventId);
      return payloadParses.run(() => JSON.parse(text) as Record<string, unknown>);
    },
    attempts: createBatchLoader((ids) => services.deliveries.attemptsOf(ids), () => []),
    ...attemptTextLoaders(services, budget),
    executionStats: createBatchLoader(
      (ids) => services.hooks.executionStatsOf(ids),
      () => ({ requestCount: 0, successCount: 0 }),
    ),
    hookDeliveries: pageLoader(services, 'hook'),
    eventDeliveries: pageLoader(services, 'event'),
  };
}

/**
 * The loaders of an attempt's texts: one statement per page for their sizes (whichever texts
 * are asked for), then one per page and text for the texts that fit the budget.
 */
function attemptTextLoaders(services: Pick<Services, 'deliveries'>, budget: ResponseBudget): Pick<Loaders, 'requestBody' | 'responseBody'> {
  const sizes = createBatchLoader<string, AttemptTextSizes | undefined>((ids) => services.deliveries.attemptTextSizesOf(ids), () => undefined);
  const loader = (text: AttemptText) =>
    budgetedText(
      budget,
      'delivery attempt',
      async (attemptId) => (await sizes(attemptId))?.[text],
      createBatchLoader<string, string | null | undefined>((ids) => services.deliveries.attemptTextsOf(text, ids), () => undefined),
    );
  const request = loader('request');
  const response = loader('response');
  return {
    // The column is NOT NULL: a stored attempt always has the body it sent.
    requestBody: async (attemptId) => (await request(attemptId)) ?? '',
    responseBody: response,
  };
}

// One queue for the process, not one per request: ten requests parsing at once still parse one
// payload per turn between them. A 256 KiB payload of 31,000 small objects parses in ~4 ms.
const payloadParses = createTurnQueue();

// One batch loader per distinct set of arguments: aliases asking for other pages batch apart.
function pageLoader(services: Pick<Services, 'deliveryPages'>, parent: DeliveryParent) {
  const loaders = new Map<string, BatchLoader<string, Page<DeliveryNode>>>();
  return (parentId: string, args: DeliveryPageArgs): Promise<Page<DeliveryNode>> => {
    const checked = checkDeliveryPageArgs(args);
    const key = JSON.stringify(checked);
    let loader = loaders.get(key);
    if (!loader) {
      loader = createBatchLoader(
        (ids) => services.deliveryPages.load(parent, ids, checked, toDeliveryNode),
        () => ({ nodes: [], pageInfo: { endCursor: null, hasNextPage: false }, totalCount: 0 }),
      );
      loaders.set(key, loader);
    }
    return loader(parentId);
  };
}
