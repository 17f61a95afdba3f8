import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import type { AttemptTrigger } from '../../delivery/job';
import { Event } from './event.entity';
import { Hook } from './hook.entity';
import { DeliveryStatus } from './delivery-status';
import { newId } from '../../util/ids';

/**
 * One event on its way to one hook, as the ORM reads it back. This table is the queue: every
 * statement writing it is in `src/queue/`.
 */
@Entity({ tableName: 'deliveries' })
@Unique({ properties: ['event', 'hook'] })
@Index({ properties: ['hook', 'createdAt'] })
@Index({ properties: ['hook', 'event'] })
@Index({ properties: ['hook', 'nextAttemptAt'] })
export class Delivery {
  [OptionalProps]?: 'id' | 'status' | 'attemptCount' | 'nextAttemptAt' | 'createdAt' | 'updatedAt' | 'roundOffset' | 'nextTrigger';

  @PrimaryKey({ type: 'string', length: 40 })
  id: string = newId('dlv');

  // Neither reference has an index of its own: the unique (event, hook) index leads with the
  // event, the composite indexes above lead with the hook, and every index is one more page
  // to write for each delivery inserted or moved on.
  @ManyToOne(() => Event, { deleteRule: 'cascade', ref: true, index: false })
  event!: Ref<Event>;

  @ManyToOne(() => Hook, { deleteRule: 'cascade', ref: true, index: false })
  hook!: Ref<Hook>;

  /** Copied from the event so a hook's deliveries filter by type without a join. */
  @Property({ type: 'string', length: 256, fieldName: 'event_type' })
  eventType!: string;

  /** Indexed for the queue-depth metric and for recovery by status. */
  @Index()
  @Property({ type: 'string', length: 16 })
  status: DeliveryStatus = DeliveryStatus.PENDING;

  @Property({ type: 'integer' })
  attemptCount: number = 0;

  /**
   * When the row is next claimable: the due time of the next attempt, or, while a worker
   * holds it, the end of the lease (so an expired lease needs no separate sweep). Null once final.
   * Claims look it up per hook, through the (hook, nextAttemptAt) index.
   */
  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt?: Date | null = new Date();

  /** The worker holding the lease, and until when. An expired lease makes the row claimable again. */
  @Property({ type: 'string', length: 64, nullable: true })
  lockedBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  lockedUntil?: Date | null;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  /**
   * Attempts made before the current round. A redelivery starts a new round, so the retry
   * schedule starts again from its first wait.
   */
  @Property({ type: 'integer' })
  roundOffset: number = 0;

  /** How the next attempt is recorded: `MANUAL` for the first attempt of a redelivery. */
  @Property({ type: 'string', length: 16 })
  nextTrigger: AttemptTrigger = 'SCHEDULED';

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
