import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Orm } from '../db/database';
import { createdBetween } from '../graphql/time-range';
import type { Sql } from '../db/sql';
import { sqlDialect } from '../db/dialect';
import { placeholders } from '../db/sql-values';
import { findPage } from '../db/paginate';
import { GroupCommit } from '../util/group-commit';
import type { Clock } from '../delivery/clock';
import type { HandoffSource } from '../delivery/handoff';
import type { FanOut } from '../queue/enqueue';
import type { Queue } from '../queue/queue';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors';
import type { Page } from '../db/page';
import type { EventMessage } from '../realtime/topics';
import { matchesAnyEventPattern, patternsSelecting } from './event-pattern';
import { eventTypeCondition } from './event-selection';
import type { EventTypeService } from './event-type.service';
import { Event } from '../db/tables/event.entity';
import { eventsInsert } from './event-insert';
import { keyPair, reusedKey } from './idempotency-keys';
import { inputFingerprint } from './input-fingerprint';
import { validateIdempotencyKey, validatePayload } from './payload-validation';

/** Left out when events are read back for the API: up to 256 KiB each, parsed only when asked for. */
const LAZY_PAYLOAD = 'payload';

/** The most events one `emitEvents` call (or one group commit) writes. */
export const MAX_BATCH = 500;

/** What an application sends to `emitEvent`, and who sends it. */
export interface EmitRequest {
  event: string;
  payload: Record<string, unknown>;
  idempotencyKey?: string | null;
  /** The emitter (`emitterOf`, or `INTERNAL_EMITTER`): idempotency keys are unique per emitter. */
  emitter: string;
}

/** An emit that passed validation, with the fingerprint of its input when it has a key. */
interface ValidEmit extends EmitRequest {
  idempotencyKey: string | null;
  inputHash: string | null;
}

/** Each emit's outcome in a stored batch: its event, or the conflict that refused it. */
type Stored = Event | ConflictError;

/** Told after an emitted event has committed. */
export interface EmitListener {
  /** The event for the live feed. */
  eventEmitted(message: EventMessage): void;
  /** Deliveries were queued: a worker in this process should look now rather than at its next poll. */
  deliveriesQueued(count: number): void;
}

/** What events ask of the queue: deliveries for the events an emit writes, in its transaction, and how many still wait. */
export type EmitQueue = Pick<Queue, 'enqueueWithEvents'>;

/** Stores events with their deliveries and reads them back. */
export class EventService {
  constructor(
    private readonly orm: Orm,
    private readonly sql: Sql,
    private readonly queue: EmitQueue,
    /** The app clock: deliveries are written due at its now. */
    private readonly clock: Clock,
    private readonly eventTypes: EventTypeService,
    private readonly maxPayloadBytes: number,
    private readonly listener: EmitListener,
    /** This process's dispatcher, when it runs one: new deliveries go straight to it. */
    private readonly handoffs?: HandoffSource,
  ) {}

  private readonly committer = new GroupCommit<ValidEmit, Stored>((batch) => this.store(batch, 'each'), { maxBatch: MAX_BATCH });

  /**
   * Stores the event and one delivery per matching hook in one transaction, then tells the
   * live feed and the worker. An idempotency key this emitter used before returns the first
   * event when the input is the same, and is a CONFLICT when it is not. Concurrent emits
   * share transactions (group commit).
   */
  async emit(request: EmitRequest): Promise<Event> {
    const stored = await this.committer.submit(await this.validate(request));
    if (stored instanceof ConflictError) throw stored;
    return stored;
  }

  /**
   * Stores several events in one transaction, each validated as by `emit`; one bad input
   * (or one idempotency conflict) rejects the whole batch, naming its index, and stores nothing.
   */
  async emitMany(requests: readonly EmitRequest[]): Promise<Event[]> {
    if (requests.length === 0 || requests.length > MAX_BATCH) {
      throw new BadUserInputError(`a batch holds 1 to ${MAX_BATCH} events`, 'inputs');
    }
    const valid: ValidEmit[] = [];
    for (const [index, request] of requests.entries()) {
      try {
        valid.push(await this.validate(request));
      } catch (error) {
        if (error instanceof BadUserInputError) throw new BadUserInputError(`inputs[${index}]: ${error.message}`, 'inputs');
        throw error;
      }
    }
    // With 'all', a conflict throws: every result is an event.
    return (await this.store(valid, 'all')) as Event[];
  }

  private async validate(request: EmitRequest): Promise<ValidEmit> {
    await this.eventTypes.requireKnown(request.event, 'event');
    const payload = validatePayload(request.payload, this.maxPayloadBytes);
    const idempotencyKey = validateIdempotencyKey(request.idempotencyKey);
    // Hashed only with a key: an emit without one costs nothing more.
    const inputHash = idempotencyKey ? inputFingerprint(request.event, payload) : null;
    return { event: request.event, payload, idempotencyKey, emitter: request.emitter, inputHash };
  }

  /**
   * Writes validated events and their deliveries in one transaction. A key its emitter used
   * before (or earlier in the batch) yields the first event, or a ConflictError when the input
   * differs: in place of that emit (`each`, the group commit) or for the whole batch before
   * anything is written (`all`, emitEvents). If another process commits one of the keys
   * first, the batch is tried once more, then finding those events.
   */
  private async store(requests: readonly ValidEmit[], refuse: 'each' | 'all', retried = false): Promise<Stored[]> {
    const known = await this.findByKeys(requests);
    const results: Stored[] = [];
    const fresh: Event[] = [];
    for (const [index, request] of requests.entries()) {
      const pair = request.idempotencyKey ? keyPair(request.emitter, request.idempotencyKey) : undefined;
      const existing = pair ? known.get(pair) : undefined;
      if (existing) {
        if (existing.inputHash === request.inputHash) {
          results.push(existing);
          continue;
        }
        if (refuse === 'all') throw reusedKey(existing, `inputs[${index}]: `, 'inputs');
        results.push(reusedKey(existing, '', 'idempotencyKey'));
        continue;
      }
      const event = Object.assign(new Event(), {
        type: request.event,
        payload: request.payload,
        idempotencyKey: request.idempotencyKey,
        emitter: request.emitter,
        inputHash: request.inputHash,
      });
      if (pair) known.set(pair, event);
      fresh.push(event);
      results.push(event);
    }
    if (fresh.length === 0) return results;
    const handoff = this.handoffs?.openHandoff();
    let fanOut: FanOut;
    try {
      const { insert, queued } = eventsInsert(this.sql.dialect, fresh);
      fanOut = await this.queue.enqueueWithEvents(insert, queued, { now: this.clock.now(), handoff, selects: matchesAnyEventPattern, patternsSelecting });
    } catch (error) {
      handoff?.abort();
      // The other writer has committed by the time its key collides with ours: a second pass sees its event.
      if (error instanceof UniqueConstraintViolationException && !retried) return this.store(requests, refuse, true);
      throw error;
    }
    handoff?.commit(fanOut.handedOver);
    for (const event of fresh) this.listener.eventEmitted(toEventMessage(event));
    if (fanOut.queued > 0) this.listener.deliveriesQueued(fanOut.queued);
    return results;
  }

  /** The stored events of the batch's (emitter, idempotency key) pairs, by `keyPair`. */
  private async findByKeys(requests: readonly ValidEmit[]): Promise<Map<string, Event>> {
    const known = new Map<string, Event>();
    const keyed = requests.filter((request) => request.idempotencyKey);
    if (keyed.length === 0) return known;
    const keys = [...new Set(keyed.map((request) => request.idempotencyKey as string))];
    const emitters = [...new Set(keyed.map((request) => request.emitter))];
    // One query for the batch; a row of one emitter's key and another's id is filtered out by the map.
    const rows = await this.orm.em.fork().find(Event, { emitter: { $in: emitters }, idempotencyKey: { $in: keys } });
    for (const event of rows) known.set(keyPair(event.emitter as string, event.idempotencyKey as string), event);
    return known;
  }

  /** An event, without its payload: read it with {@link payloadTextsOf} when it is asked for. */
  async get(id: string): Promise<Event> {
    const event = await this.orm.em.fork().findOne(Event, { id }, { exclude: [LAZY_PAYLOAD] });
    if (!event) throw new NotFoundError('event', id);
    return event as Event;
  }

  /**
   * The stored size in bytes of each event's payload text, by event id (an id without an event
   * is left out), in one statement that reads no payload into the process.
   */
  async payloadSizesOf(ids: readonly string[]): Promise<Map<string, number>> {
    // The bytes of the text payloadTextsOf reads.
    const dialect = sqlDialect(this.sql.dialect);
    const rows = await this.sql.all(`select id, ${dialect.utf8Bytes(dialect.jsonText('payload'))} as bytes from events where id in (${placeholders(ids.length)})`, ids);
    return new Map(rows.map((row) => [String(row.id), Number(row.bytes)]));
  }

  /**
   * The stored JSON text of each event's payload, unparsed, by event id (an id without an event
   * is left out): its length is known before anything parses it (`Event.payload`'s resolver).
   */
  async payloadTextsOf(ids: readonly string[]): Promise<Map<string, string>> {
    const payload = sqlDialect(this.sql.dialect).jsonText('payload');
    const rows = await this.sql.all(`select id, ${payload} as payload from events where id in (${placeholders(ids.length)})`, ids);
    return new Map(rows.map((row) => [String(row.id), String(row.payload)]));
  }

  /**
   * Events newest first, without their payloads (see {@link payloadTextsOf}); with `types` (exact names or patterns, validated as a hook's
   * `events`), only those it selects (omitted or empty: every event); with `since`/`until`,
   * only those created in that range.
   */
  async list<N>(
    args: { first?: number | null; after?: string | null; types?: string[] | null; since?: Date | null; until?: Date | null },
    map: (event: Event) => N,
  ): Promise<Page<N>> {
    const createdAt = createdBetween(args.since, args.until);
    const selection = args.types?.length ? await this.eventTypes.validateSelection(args.types, 'types') : null;
    return findPage(this.orm.em.fork(), Event, () => ({ ...(selection ? eventTypeCondition(selection, 'type') : {}), ...createdAt }), args, map, [LAZY_PAYLOAD]);
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
