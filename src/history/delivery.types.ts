import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EmitReadable } from '../auth/emit-readable';
import { Connection, PageArgs } from '../graphql/connection';
import { HookHeaderNode } from '../hooks/hook.types';
import { DeliveryStatus } from '../db/tables/delivery-status';

registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description:
    'PENDING waits for its first attempt, RETRYING for a later one; SUCCEEDED and FAILED are final until redelivered; SKIPPED was recorded while the hook was disabled.',
});

/** The request as it was sent, signatures kept, secrets in custom headers redacted. */
@ObjectType()
export class AttemptRequest {
  @Field(() => String)
  url!: string;

  @Field(() => [HookHeaderNode])
  headers!: HookHeaderNode[];

  /** The attempt this request was sent for: `body` is read by it (attempt-text.resolver.ts). */
  attemptId!: string;
}

/** One HTTP attempt of a delivery. */
@ObjectType('DeliveryAttempt')
export class DeliveryAttemptNode {
  @EmitReadable()
  @Field(() => ID)
  id!: string;

  @EmitReadable()
  @Field(() => Int, { description: '1 for the first attempt.' })
  number!: number;

  @EmitReadable()
  @Field(() => String, { description: 'SCHEDULED, or MANUAL for a redelivery asked for by hand.' })
  trigger!: string;

  @EmitReadable()
  @Field(() => Date)
  startedAt!: Date;

  @EmitReadable()
  @Field(() => Int)
  durationMs!: number;

  @EmitReadable()
  @Field(() => Boolean)
  succeeded!: boolean;

  @Field(() => AttemptRequest)
  request!: AttemptRequest;

  @EmitReadable()
  @Field(() => Int, { nullable: true })
  responseStatus!: number | null;

  @EmitReadable()
  @Field(() => String, { nullable: true, description: '`http`, `timeout`, `network` or `blocked`; null on success.' })
  errorKind!: string | null;

  @Field(() => String, { nullable: true })
  errorMessage!: string | null;
}

/** One event on its way to one hook. */
@ObjectType('Delivery')
export class DeliveryNode {
  @EmitReadable()
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  hookId!: string;

  @EmitReadable()
  @Field(() => ID)
  eventId!: string;

  @EmitReadable()
  @Field(() => String, { description: 'The event type.' })
  event!: string;

  @EmitReadable()
  @Field(() => DeliveryStatus)
  status!: DeliveryStatus;

  @EmitReadable()
  @Field(() => Int)
  attemptCount!: number;

  @EmitReadable()
  @Field(() => Date, { nullable: true })
  nextAttemptAt!: Date | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @EmitReadable()
  @Field(() => Date)
  createdAt!: Date;

  @EmitReadable()
  @Field(() => Date)
  updatedAt!: Date;
}

/** A page of deliveries. */
@ObjectType()
export class DeliveryConnection extends Connection(DeliveryNode, 'Delivery') {}

/** The arguments of `Hook.deliveries`. */
@ArgsType()
export class DeliveriesArgs extends PageArgs {
  @Field(() => DeliveryStatus, { nullable: true })
  status?: DeliveryStatus | null;

  @Field(() => String, { nullable: true, description: 'Only deliveries of this event type.' })
  event?: string | null;
}

/** The arguments of the top-level `deliveries`: the whole history, across hooks. */
@ArgsType()
export class AllDeliveriesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only this hook's deliveries." })
  hookId?: string | null;

  @Field(() => DeliveryStatus, { nullable: true })
  status?: DeliveryStatus | null;

  @Field(() => String, { nullable: true, description: 'An event type, or a pattern such as `User.*`.' })
  event?: string | null;

  @Field(() => Date, { nullable: true, description: 'Created at or after this time.' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Created at or before this time.' })
  until?: Date | null;
}

/** A finished attempt, pushed on `deliveryUpdated`. */
@ObjectType()
export class DeliveryUpdate {
  @Field(() => ID)
  deliveryId!: string;

  @Field(() => ID)
  hookId!: string;

  @Field(() => ID)
  eventId!: string;

  @Field(() => String)
  event!: string;

  @Field(() => DeliveryStatus, { description: 'The delivery status after this attempt.' })
  status!: string;

  @Field(() => Int)
  attemptNumber!: number;

  @Field(() => Boolean)
  succeeded!: boolean;

  @Field(() => Int, { nullable: true })
  responseStatus!: number | null;

  @Field(() => String, { nullable: true })
  errorKind!: string | null;

  @Field(() => String, { nullable: true })
  errorMessage!: string | null;

  @Field(() => Int)
  durationMs!: number;

  @Field(() => Date, { nullable: true })
  nextAttemptAt!: Date | null;

  @Field(() => Date)
  startedAt!: Date;
}
