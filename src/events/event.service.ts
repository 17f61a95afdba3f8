import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { Orm } from '../db/database';
import { findPage } from '../db/paginate';
import { enqueueDeliveries } from '../deliveries/fan-out';
import { BadUserInputError, NotFoundError } from '../errors';
import type { Page } from '../graphql/connection';
import type { EventMessage } from '../realtime/topics';
import { matchesAnyEventPattern } from './event-pattern';
import type { EventTypeService } from './event-type.service';
import { Event } from './event.entity';
import { validateIdempotencyKey, validatePayload } from './payload-validation';

/** What an application sends to `emitEvent`. */
export interface EmitRequest {
  event: string;
  payload: Record<string, unknown>;
  idempotencyKey?: string | null;
}

/** Told after an emitted event has committed. */
export interface EmitListener {
  /** The event for the live feed. */
  eventEmitted(message: EventMessage): void;
  /** Deliveries were queued: a worker in this process should look now rather than at its next poll. */
  deliveriesQueued(count: number): void;
}

/** Stores events with their deliveries and reads them back. */
export class EventService {
  constructor(
    private readonly orm: Orm,
    private readonly eventTypes: EventTypeService,
    private readonly maxPayloadBytes: number,
    private readonly listener: EmitListener,
  ) {}

  /**
   * Stores the event and one delivery per matching hook in one transaction, then tells the
   * live feed and the worker. A repeated idempotency key returns the first event unchanged.
   */
  async emit(request: EmitRequest): Promise<Event> {
    if (!(await this.eventTypes.isKnown(request.event))) {
      throw new BadUserInputError(`"${request.event}" is not an event type in the catalogue`, 'event');
    }
    const payload = validatePayload(request.payload, this.maxPayloadBytes);
    const idempotencyKey = validateIdempotencyKey(request.idempotencyKey);
    if (idempotencyKey) {
      const existing = await this.orm.em.fork().findOne(Event, { idempotencyKey });
      if (existing) return existing;
    }
    try {
      const { event, queued } = await this.orm.em.fork().transactional(async (em) => {
        const event = em.create(Event, { type: request.event, payload, idempotencyKey });
        await em.insert(Event, event);
        return { event, queued: await enqueueDeliveries(em, event) };
      });
      this.listener.eventEmitted(toEventMessage(event));
      if (queued > 0) this.listener.deliveriesQueued(queued);
      return event;
    } catch (error) {
      // Two emits with one key raced; the loser returns the winner's event.
      if (idempotencyKey && error instanceof UniqueConstraintViolationException) {
        const winner = await this.orm.em.fork().findOne(Event, { idempotencyKey });
        if (winner) return winner;
      }
      throw error;
    }
  }

  async get(id: string): Promise<Event> {
    const event = await this.orm.em.fork().findOne(Event, { id });
    if (!event) throw new NotFoundError('event', id);
    return event;
  }

  /** Events newest first, optionally only those of the given types. */
  async list<N>(args: { first?: number | null; after?: string | null; types?: string[] | null }, map: (event: Event) => N): Promise<Page<N>> {
    const where: FilterQuery<Event> = args.types?.length ? { type: { $in: args.types } } : {};
    return findPage(this.orm.em.fork(), Event, where, args, map);
  }
}

/** The live-feed form of an event: plain JSON. */
export function toEventMessage(event: Event): EventMessage {
  return {
    id: event.id,
    event: event.type,
    payload: event.payload,
    idempotencyKey: event.idempotencyKey ?? null,
    createdAt: event.createdAt.toISOString(),
  };
}

/** True when the live feed's `types` filter (exact names or patterns) selects the event. */
export function feedSelects(types: readonly string[] | null | undefined, event: string): boolean {
  return !types || types.length === 0 || matchesAnyEventPattern(types, event);
}
