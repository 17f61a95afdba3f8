import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId } from '../../util/ids';

/** One emitted event: stored before anything is delivered, so nothing accepted is lost. */
@Entity({ tableName: 'events' })
@Unique({ name: 'events_emitter_idempotency_key_unique', properties: ['emitter', 'idempotencyKey'] })
export class Event {
  [OptionalProps]?: 'id' | 'createdAt';

  /** `evt_` + ULID: sortable by creation, and the `webhook-id` receivers de-duplicate on. */
  @PrimaryKey({ type: 'string', length: 40 })
  id: string = newId('evt');

  @Property({ type: 'string', length: 256, fieldName: 'event_type' })
  type!: string;

  /**
   * `json`, not PostgreSQL's `jsonb`: it keeps the very text written, which every delivery's body
   * is spliced from, so a retry sends what the first attempt sent and an attempt's body need not
   * be stored beside it (`ENVELOPE_BODY`). Nothing queries into a payload.
   */
  @Property({ type: 'json', columnType: 'json' })
  payload!: Record<string, unknown>;

  /** Unique per emitter: two API keys never share an idempotency key. */
  @Property({ type: 'string', length: 256, nullable: true })
  idempotencyKey?: string | null;

  /**
   * Who emitted it (see `emitterOf`): an API key id, `env` for HOOKWIRE_ADMIN_KEY, or
   * `hookwire` for operational events. Null on events stored before emitters were recorded.
   */
  @Property({ type: 'string', length: 64, nullable: true, fieldName: 'emitter_key' })
  emitter?: string | null;

  /** The SHA-256 of the emitted input (`inputFingerprint`), kept only with an idempotency key. */
  @Property({ type: 'string', length: 64, nullable: true })
  inputHash?: string | null;

  /** Indexed for retention, which deletes the oldest first. */
  @Index()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
