import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Orm } from '../db/database';
import type { Sql } from '../db/sql';
import { findPage } from '../db/paginate';
import { GroupCommit } from '../util/group-commit';
import { insertEventsWithDeliveries, type FanOut } from '../deliveries/fan-out';
import type { HandoffSource } from '../delivery/handoff';
import { BadUserInputError, NotFoundError } from '../errors';
import type { Page } from '../graphql/connection';
import type { EventMessage } from '../realtime/topics';
import { matchesAnyEventPattern } from './event-pattern';
import { eventTypeCondition } from './event-selection';
import type { EventTypeService } from './event-type.service';
import { Event } from './event.entity';
import { validateIdempotencyKey, validatePayload } from './payload-validation';

/** The most events one `emitEvents` call (or one group commit) writes. */
export const MAX_BATCH = 500;

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
    private readonly sql: Sql,
    private readonly eventTypes: EventTypeService,
    private readonly maxPayloadBytes: number,
    private readonly listener: EmitListener,
    /** This process's dispatcher, when it runs one: new deliveries go straight to it. */
    private readonly handoffs?: HandoffSource,
  ) {}

  private readonly committer = new GroupCommit<EmitRequest, Event>((batch) => this.store(batch), MAX_BATCH);

  /**
   * Stores the event and one delivery per matching hook in one transaction, then tells the
   * live feed and the worker. A repeated idempotency key returns the first event unchanged.
   * Concurrent emits share transactions (group commit).
   */
  async emit(request: EmitRequest): Promise<Event> {
    const valid = await this.validate(request);
    return this.committer.submit(valid);
  }

  /**
   * Stores several events in one transaction, each validated as by `emit`; one bad input
   * rejects the whole batch, naming its index, and stores nothing.
   */
  async emitMany(requests: readonly EmitRequest[]): Promise<Event[]> {
    if (requests.length === 0 || requests.length > MAX_BATCH) {
      throw new BadUserInputError(`a batch holds 1 to ${MAX_BATCH} events`, 'inputs');
    }
    const valid: EmitRequest[] = [];
    for (const [index, request] of requests.entries()) {
      try {
        valid.push(await this.validate(request));
      } catch (error) {
        if (error instanceof BadUserInputError) throw new BadUserInputError(`inputs[${index}]: ${error.message}`, 'inputs');
        throw error;
      }
    }
    return this.store(valid);
  }

  private async validate(request: EmitRequest): Promise<EmitRequest> {
    if (!(await this.eventTypes.isKnown(request.event))) {
      throw new BadUserInputError(`"${request.event}" is not an event type in the catalogue`, 'event');
    }
    return {
      event: request.event,
      payload: validatePayload(request.payload, this.maxPayloadBytes),
      idempotencyKey: validateIdempotencyKey(request.idempotencyKey),
    };
  }

  /**
   * Writes validated events and their deliveries in one transaction. A key seen before (or
   * twice in the batch) yields the first event. If another process commits one of the keys
   * first, the batch is retried event by event, each then finding its winner.
   */
  private async store(requests: readonly EmitRequest[]): Promise<Event[]> {
    const keys = [...new Set(requests.map((request) => request.idempotencyKey).filter((key): key is string => !!key))];
    const known = new Map<string, Event>();
    if (keys.length > 0) {
      for (const event of await this.orm.em.fork().find(Event, { idempotencyKey: { $in: keys } })) {
        known.set(event.idempotencyKey as string, event);
      }
    }
    const results: Event[] = [];
    const fresh: Event[] = [];
    for (const request of requests) {
      const key = request.idempotencyKey;
      const existing = key ? known.get(key) : undefined;
      if (existing) {
        results.push(existing);
        continue;
      }
      const event = Object.assign(new Event(), { type: request.event, payload: request.payload, idempotencyKey: key ?? null });
      if (key) known.set(key, event);
      fresh.push(event);
      results.push(event);
    }
    if (fresh.length === 0) return results;
    const handoff = this.handoffs?.openHandoff();
    let fanOut: FanOut;
    try {
      fanOut = await this.sql.transaction((tx) => insertEventsWithDeliveries(tx, this.sql.dialect, fresh, handoff));
    } catch (error) {
      handoff?.abort();
      if (error instanceof UniqueConstraintViolationException && requests.length > 1) {
        const one: Event[] = [];
        for (const request of requests) one.push((await this.store([request]))[0]);
        return one;
      }
      if (error instanceof UniqueConstraintViolationException && requests[0].idempotencyKey) {
        const winner = await this.orm.em.fork().findOne(Event, { idempotencyKey: requests[0].idempotencyKey });
        if (winner) return [winner];
      }
      throw error;
    }
    handoff?.commit(fanOut.handedOver);
    for (const event of fresh) this.listener.eventEmitted(toEventMessage(event));
    if (fanOut.queued > 0) this.listener.deliveriesQueued(fanOut.queued);
    return results;
  }

  async get(id: string): Promise<Event> {
    const event = await this.orm.em.fork().findOne(Event, { id });
    if (!event) throw new NotFoundError('event', id);
    return event;
  }

  /**
   * Events newest first; with `types` (exact names or patterns, validated as a hook's
   * `events`), only those it selects. An omitted or empty `types` selects every event.
   */
  async list<N>(args: { first?: number | null; after?: string | null; types?: string[] | null }, map: (event: Event) => N): Promise<Page<N>> {
    if (!args.types?.length) return findPage(this.orm.em.fork(), Event, {}, args, map);
    const selection = await this.eventTypes.validateSelection(args.types, 'types');
    return findPage(this.orm.em.fork(), Event, () => eventTypeCondition(selection), args, map);
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
