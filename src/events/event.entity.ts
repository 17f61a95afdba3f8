import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId } from '../util/ids';

/** One emitted event: stored before anything is delivered, so nothing accepted is lost. */
@Entity({ tableName: 'events' })
export class Event {
  [OptionalProps]?: 'id' | 'createdAt';

  /** `evt_` + ULID: sortable by creation, and the `webhook-id` receivers de-duplicate on. */
  @PrimaryKey({ type: 'string', length: 40 })
  id: string = newId('evt');

  @Property({ type: 'string', length: 256, fieldName: 'event_type' })
  type!: string;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Unique()
  @Property({ type: 'string', length: 256, nullable: true })
  idempotencyKey?: string | null;

  /** Indexed for retention, which deletes the oldest first. */
  @Index()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
