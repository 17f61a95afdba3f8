import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** An event type an admin registered beside Logto's built-in catalogue. */
@Entity({ tableName: 'event_types' })
export class CustomEventType {
  [OptionalProps]?: 'description' | 'createdAt';

  @PrimaryKey({ type: 'string', length: 256 })
  name!: string;

  @Property({ type: 'text' })
  description: string = '';

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
