import type { FilterQuery } from '@mikro-orm/core';
import { dialectOf, type Orm } from '../db/database';
import { sqlDialect } from '../db/dialect';
import { findPage } from '../db/paginate';
import type { Clock } from '../delivery/clock';
import { BadUserInputError, NotFoundError } from '../errors';
import { Event } from '../db/tables/event.entity';
import { eventTypeCondition } from '../events/event-selection';
import type { Page } from '../db/page';
import { checkTimeRange, createdBetween } from '../graphql/time-range';
import { Hook } from '../db/tables/hook.entity';
import type { Queue } from '../queue/queue';
import type { DeliveryStatus } from '../db/tables/delivery-status';
import { ATTEMPT_TEXT_COLUMNS, ATTEMPT_TEXT_PROPERTIES, type AttemptSummary, type AttemptText, type AttemptTextSizes } from './attempt-texts';
import { DeliveryAttempt } from '../db/tables/delivery-attempt.entity';
import { Delivery } from '../db/tables/delivery.entity';
import type { Row } from '../db/sql';
import { placeholders } from '../db/sql-values';
import { ENVELOPE_COLUMNS, ENVELOPE_JOIN, envelopePayload, envelopePayloadBytes, sentBody, sentBodyBytes } from './envelope-bodies';

/** What a list of deliveries may be narrowed by. */
export interface DeliveryFilter {
  hookId?: string | null;
  status?: DeliveryStatus | null;
  /** Exact types and patterns (`*`, `User.*`), validated as a hook's `events`. */
  events?: readonly string[] | null;
  since?: Date | null;
  until?: Date | null;
}

/** What sending deliveries again asks of the queue. */
export type RedeliveryQueue = Pick<Queue, 'redeliver' | 'recover' | 'replay'>;

/** Reads deliveries and their attempts, and sends them again on request. */
export class DeliveryService {
  constructor(
    private readonly orm: Orm,
    private readonly queue: RedeliveryQueue,
    /** The app clock: deliveries sent again are due at its now. */
    private readonly clock: Clock,
    /** Told when deliveries were queued, so a worker here looks at once. */
    private readonly onQueued: () => void,
  ) {}

  /** One delivery by id (NOT_FOUND when there is none), read afresh. */
  async get(id: string): Promise<Delivery> {
    const delivery = await this.orm.em.fork().findOne(Delivery, { id });
    if (!delivery) throw new NotFoundError('delivery', id);
    return delivery;
  }

  /**
   * Deliveries across hooks, newest first: by hook, status, a validated selection of event
   * types or patterns (`User.*`), and creation time in [since, until].
   */
  async list<N>(filter: DeliveryFilter & { first?: number | null; after?: string | null }, map: (delivery: Delivery) => N): Promise<Page<N>> {
    const createdAt = createdBetween(filter.since, filter.until);
    const where = (): FilterQuery<Delivery> => ({
      ...(filter.hookId ? { hook: filter.hookId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.events ? eventTypeCondition(filter.events, 'eventType') : {}),
      ...createdAt,
    });
    return findPage(this.orm.em.fork(), Delivery, where, filter, map);
  }

  /**
   * Every attempt of each delivery, first to last, in one statement, without the bodies it sent
   * and received: a page of them could hold hundreds of megabytes (read them with
   * {@link attemptTextSizesOf} and {@link attemptTextsOf} when they are asked for).
   */
  async attemptsOf(deliveryIds: readonly string[]): Promise<Map<string, AttemptSummary[]>> {
    const attempts: AttemptSummary[] = await this.orm.em
      .fork()
      .find(
        DeliveryAttempt,
        { delivery: { $in: [...deliveryIds] } },
        { orderBy: { delivery: 'asc', number: 'asc' }, exclude: ATTEMPT_TEXT_PROPERTIES },
      );
    const byDelivery = new Map<string, AttemptSummary[]>(deliveryIds.map((id) => [id, []]));
    for (const attempt of attempts) byDelivery.get(attempt.delivery.id)?.push(attempt);
    return byDelivery;
  }

  /**
   * The size of each attempt's texts as they are answered, by attempt id (an id without an
   * attempt is left out), in one statement that reads no text into the process: what a page of
   * them would weigh is known before any is read. A body not stored is weighed from its
   * event's payload (see `ENVELOPE_BODY`).
   */
  async attemptTextSizesOf(attemptIds: readonly string[]): Promise<Map<string, AttemptTextSizes>> {
    const dialect = dialectOf(this.orm);
    const bytes = (column: string) => sqlDialect(dialect).utf8Bytes(column);
    const rows = await this.attemptRows(
      `${bytes(`a.${ATTEMPT_TEXT_COLUMNS.request}`)} as request_bytes, ${bytes(`a.${ATTEMPT_TEXT_COLUMNS.response}`)} as response_bytes,
       ${ENVELOPE_COLUMNS}, ${envelopePayloadBytes(dialect)} as payload_bytes`,
      attemptIds,
    );
    const size = (value: unknown) => (value === null ? null : Number(value));
    return new Map(rows.map((row) => [String(row.id), { request: sentBodyBytes(row), response: size(row.response_bytes) }]));
  }

  /** One of the texts of each attempt, by attempt id (an id without an attempt is left out), in one statement. */
  async attemptTextsOf(text: AttemptText, attemptIds: readonly string[]): Promise<Map<string, string | null>> {
    if (text === 'response') {
      const rows = await this.attemptRows(`a.${ATTEMPT_TEXT_COLUMNS.response} as text`, attemptIds, '');
      return new Map(rows.map((row) => [String(row.id), row.text === null ? null : String(row.text)]));
    }
    const rows = await this.attemptRows(`a.${ATTEMPT_TEXT_COLUMNS.request} as text, ${ENVELOPE_COLUMNS}, ${envelopePayload(dialectOf(this.orm))} as envelope_payload`, attemptIds);
    return new Map(rows.map((row) => [String(row.id), sentBody(row)]));
  }

  /**
   * `columns` of the attempts of `attemptIds` (`a`), the events of their unstored bodies joined
   * unless `join` says otherwise (the answers need none: the join's test reads the body column).
   */
  private attemptRows(columns: string, attemptIds: readonly string[], join = ENVELOPE_JOIN): Promise<Array<Row & { text: unknown; request_bytes: unknown }>> {
    return this.orm.em
      .getConnection()
      .execute(`select a.id, ${columns} from delivery_attempts a ${join} where a.id in (${placeholders(attemptIds.length)})`, [...attemptIds], 'all');
  }

  /** A new round of attempts for one delivery, whatever its status, signed with the hook's current key. */
  async redeliver(deliveryId: string): Promise<Delivery> {
    const delivery = await this.get(deliveryId);
    await this.requireEnabled(delivery.hook.id);
    if ((await this.queue.redeliver(deliveryId, this.clock.now())) === 'in-flight') {
      throw new BadUserInputError(`delivery ${deliveryId} has an attempt in flight; try again when it finishes`, 'deliveryId');
    }
    this.onQueued();
    return this.get(deliveryId);
  }

  /** Re-queues a hook's FAILED and SKIPPED deliveries created in [since, until]; returns how many. */
  async recoverFailed(hookId: string, since: Date, until: Date): Promise<number> {
    checkTimeRange(since, until);
    await this.requireEnabled(hookId);
    const count = await this.queue.recover(hookId, since, until, this.clock.now());
    if (count > 0) this.onQueued();
    return count;
  }

  /**
   * Delivers an existing event to a hook: a new delivery when the hook did not get the event
   * (it did not exist or did not match then), otherwise a new round of the one it has.
   */
  async replayEvent(eventId: string, hookId: string): Promise<Delivery> {
    const event = await this.orm.em.fork().findOne(Event, { id: eventId }, { fields: ['id', 'type'] });
    if (!event) throw new NotFoundError('event', eventId);
    await this.requireEnabled(hookId);
    const { deliveryId, outcome } = await this.queue.replay(event, hookId, this.clock.now());
    if (outcome === 'existing') return this.redeliver(deliveryId);
    if (outcome === 'queued') this.onQueued();
    return this.get(deliveryId);
  }

  private async requireEnabled(hookId: string): Promise<void> {
    const hook = await this.orm.em.fork().findOne(Hook, { id: hookId }, { fields: ['id', 'enabled'] });
    if (!hook) throw new NotFoundError('hook', hookId);
    if (!hook.enabled) throw new BadUserInputError(`hook ${hookId} is disabled; enable it first`, 'hookId');
  }
}
