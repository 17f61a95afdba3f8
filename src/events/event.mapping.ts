import type { EventMessage } from '../realtime/topics';
import { toEventMessage } from './event.service';
import type { Event } from '../db/tables/event.entity';
import type { EventNode } from './event.types';

/** The GraphQL form of a stored event. */
export function toEventNode(event: Event): EventNode {
  return { ...toEventMessage(event), createdAt: event.createdAt };
}

/** The GraphQL form of a live-feed message: the same fields `Query.event` returns. */
export function eventNodeFromMessage(message: EventMessage): EventNode {
  return { ...message, createdAt: new Date(message.createdAt) };
}
