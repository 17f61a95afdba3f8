import { Field, Int, ObjectType } from 'type-graphql';

/** Attempts that started in one hour, by outcome. */
@ObjectType()
export class AttemptHourNode {
  @Field(() => Date, { description: 'The start of the hour (UTC).' })
  hour!: Date;

  @Field(() => Int)
  succeeded!: number;

  @Field(() => Int)
  failed!: number;
}

/** The delivery queue at this moment. */
@ObjectType()
export class QueueStatus {
  @Field(() => Int, { description: 'Deliveries whose time has come, not yet claimed by a worker.' })
  due!: number;

  @Field(() => Int, { description: 'Deliveries not final yet: due, waiting for a retry, in flight, or parked on a disabled hook.' })
  open!: number;

  @Field(() => Date, { nullable: true, description: 'When the longest-waiting due delivery came due; null when none is due.' })
  oldestDueAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'How long, in seconds, that delivery has waited.' })
  oldestDueAgeSeconds!: number | null;
}
