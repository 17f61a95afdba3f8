import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import type { AttemptTrigger } from '../../delivery/job';
import { newId } from '../../util/ids';
import { Delivery } from './delivery.entity';

/**
 * What `request_body` holds when the body sent was its event's payload, as stored, in the
 * envelope (`deliveryBody`): the payload is in the events table already, and a delivery's
 * attempts are deleted with its event (foreign-key cascade), so readers rebuild the body from
 * there rather than every attempt writing it again. An empty string, not NULL: no body sent is
 * empty, and the column stays NOT NULL (SQLite could only relax that by copying the table).
 */
export const ENVELOPE_BODY = '';

/** A record of one HTTP attempt, kept whatever its outcome. */
@Entity({ tableName: 'delivery_attempts' })
@Index({ properties: ['hookId', 'startedAt'] })
@Index({ properties: ['delivery', 'number'] })
export class DeliveryAttempt {
  [OptionalProps]?: 'id' | 'trigger';

  @PrimaryKey({ type: 'string', length: 40 })
  id: string = newId('att');

  // Covered by the (delivery, number) index, which leads with it.
  @ManyToOne(() => Delivery, { deleteRule: 'cascade', ref: true, index: false })
  delivery!: Ref<Delivery>;

  /** Copied from the delivery so the 24 h stats read one index. */
  @Property({ type: 'string', length: 40 })
  hookId!: string;

  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'string', length: 16 })
  trigger: AttemptTrigger = 'SCHEDULED';

  /** Indexed for retention, which deletes the oldest first. */
  @Index()
  @Property({ type: 'datetime' })
  startedAt!: Date;

  @Property({ type: 'integer' })
  durationMs!: number;

  @Property({ type: 'text' })
  requestUrl!: string;

  /** As sent, with custom header values that look secret redacted; signatures are kept. */
  @Property({ type: 'json' })
  requestHeaders!: Record<string, string>;

  /** The body sent, or {@link ENVELOPE_BODY}: its event's stored payload in the envelope. */
  @Property({ type: 'text' })
  requestBody!: string;

  @Property({ type: 'boolean' })
  succeeded!: boolean;

  @Property({ type: 'integer', nullable: true })
  responseStatus?: number | null;

  /** Truncated to `HOOKWIRE_MAX_RESPONSE_BYTES`. */
  @Property({ type: 'text', nullable: true })
  responseBody?: string | null;

  /** `timeout`, `network`, `blocked`, `http`, or null on success. */
  @Property({ type: 'string', length: 16, nullable: true })
  errorKind?: string | null;

  @Property({ type: 'text', nullable: true })
  errorMessage?: string | null;
}
