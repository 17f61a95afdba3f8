import type { AttemptMessage } from '../realtime/topics';
import type { AttemptSummary } from './attempt-texts';
import type { Delivery } from '../db/tables/delivery.entity';
import type { DeliveryAttemptNode, DeliveryNode, DeliveryUpdate } from './delivery.types';

/** The GraphQL form of a delivery. */
export function toDeliveryNode(delivery: Delivery): DeliveryNode {
  return {
    id: delivery.id,
    hookId: delivery.hook.id,
    eventId: delivery.event.id,
    event: delivery.eventType,
    status: delivery.status,
    attemptCount: delivery.attemptCount,
    nextAttemptAt: delivery.nextAttemptAt ?? null,
    lastError: delivery.lastError ?? null,
    createdAt: delivery.createdAt,
    updatedAt: delivery.updatedAt,
  };
}

/** The GraphQL form of an attempt; its bodies are read by their field resolvers (attempt-text.resolver.ts). */
export function toAttemptNode(attempt: AttemptSummary): DeliveryAttemptNode {
  return {
    id: attempt.id,
    number: attempt.number,
    trigger: attempt.trigger,
    startedAt: attempt.startedAt,
    durationMs: attempt.durationMs,
    succeeded: attempt.succeeded,
    request: {
      url: attempt.requestUrl,
      headers: Object.entries(attempt.requestHeaders).map(([name, value]) => ({ name, value })),
      attemptId: attempt.id,
    },
    responseStatus: attempt.responseStatus ?? null,
    errorKind: attempt.errorKind ?? null,
    errorMessage: attempt.errorMessage ?? null,
  };
}

/** The GraphQL form of a live attempt message. */
export function deliveryUpdateFromMessage(message: AttemptMessage): DeliveryUpdate {
  return {
    ...message,
    nextAttemptAt: message.nextAttemptAt ? new Date(message.nextAttemptAt) : null,
    startedAt: new Date(message.startedAt),
  };
}
