import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { EmitReadable } from '../auth/emit-readable';
import { Connection, PageArgs } from '../graphql/connection';
import { JSONObjectScalar } from '../graphql/scalars';
import type { EventGroup } from './catalogue';

/** The catalogue's groups, as in Logto, plus `OPERATIONAL` (hookwire's own) and `CUSTOM` (registered here). */
export enum EventGroupEnum {
  INTERACTION = 'INTERACTION',
  DATA = 'DATA',
  EXCEPTION = 'EXCEPTION',
  OPERATIONAL = 'OPERATIONAL',
  CUSTOM = 'CUSTOM',
}
registerEnumType(EventGroupEnum, { name: 'EventGroup', description: 'Which family of events a type belongs to.' });

/** One type of the event catalogue. */
@ObjectType('EventType')
export class EventTypeNode {
  @Field(() => String)
  name!: string;

  @Field(() => EventGroupEnum)
  group!: EventGroup;

  @Field(() => String)
  description!: string;
}

/** An emitted event, as stored. */
@ObjectType('Event')
export class EventNode {
  @EmitReadable()
  @Field(() => ID, { description: '`evt_` + ULID; sent as `webhook-id`.' })
  id!: string;

  @EmitReadable()
  @Field(() => String, { description: 'The event type, e.g. `User.Created`.' })
  event!: string;

  /** Absent on a stored event read back: `Event.payload`'s resolver reads it when it is asked for. */
  @EmitReadable()
  @Field(() => JSONObjectScalar, { description: 'Counts against HOOKWIRE_MAX_RESPONSE_PAYLOAD_BYTES per answer; past it, RESPONSE_TOO_LARGE.' })
  payload?: Record<string, unknown>;

  @EmitReadable()
  @Field(() => String, { nullable: true })
  idempotencyKey!: string | null;

  @EmitReadable()
  @Field(() => Date)
  createdAt!: Date;
}

/** A page of events. */
@ObjectType()
export class EventConnection extends Connection(EventNode, 'Event') {}

/** What `emitEvent` takes. */
@InputType()
export class EmitEventInput {
  @Field(() => String, { description: 'A catalogue event type.' })
  event!: string;

  @Field(() => JSONObjectScalar, {
    description: 'The fields to deliver (e.g. `userId`, `user`, `data`); not `hookId`, `event` or `createdAt`.',
  })
  payload!: Record<string, unknown>;

  @Field(() => String, {
    nullable: true,
    description: 'Unique per API key: the same key again with the same input returns the first event; with another input it is a CONFLICT.',
  })
  idempotencyKey?: string | null;
}

/** What `createEventType` takes. */
@InputType()
export class CreateEventTypeInput {
  @Field(() => String, { description: 'A dotted name such as `Invoice.Paid`.' })
  name!: string;

  @Field(() => String, { nullable: true, defaultValue: '' })
  description?: string | null;
}

/** The arguments of `events`. */
@ArgsType()
export class EventsArgs extends PageArgs {
  @Field(() => [String], {
    nullable: true,
    description: "Only events of these types or patterns (`User.*`, `*`), validated as a hook's `events`; omitted or empty, every event.",
  })
  types?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'Created at or after this time.' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Created at or before this time.' })
  until?: Date | null;
}
