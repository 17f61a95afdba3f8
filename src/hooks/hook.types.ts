import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import type { HookHeader } from '../delivery/job';
import { Connection } from '../graphql/connection';

/** A custom header sent with every request to a hook. */
@ObjectType('HookHeader')
export class HookHeaderNode implements HookHeader {
  @Field(() => String)
  name!: string;

  @Field(() => String, {
    description: "A custom header's value is readable by ADMIN keys only; other keys read `[redacted]` (hookwire's own headers of an attempt stay readable).",
  })
  value!: string;
}

/** A replaced signing key that keeps signing until `expiresAt`. */
@ObjectType('RetiredSigningKey')
export class RetiredSigningKeyNode {
  @Field(() => String)
  key!: string;

  @Field(() => Date)
  expiresAt!: Date;
}

/** Logto's console numbers: attempts and successes over the last 24 hours. */
@ObjectType()
export class HookExecutionStats {
  @Field(() => Int)
  requestCount!: number;

  @Field(() => Int)
  successCount!: number;
}

/** An endpoint URL and the event types it receives. */
@ObjectType('Hook')
export class HookNode {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'Event types and patterns (`User.*`, `*`) this hook receives.' })
  events!: string[];

  @Field(() => String)
  url!: string;

  @Field(() => [HookHeaderNode])
  headers!: HookHeaderNode[];

  @Field(() => Boolean)
  enabled!: boolean;

  @Field(() => Boolean, { description: 'Deliveries go out strictly in event order, one at a time.' })
  ordered!: boolean;

  @Field(() => Int, { nullable: true, description: 'At most this many requests per second, if set.' })
  rateLimit!: number | null;

  @Authorized('ADMIN')
  @Field(() => String, { description: 'The secret receivers verify signatures with. Admin keys only.' })
  signingKey!: string;

  @Authorized('ADMIN')
  @Field(() => [RetiredSigningKeyNode], { description: 'Old keys still signing during a rotation. Admin keys only.' })
  retiredSigningKeys!: RetiredSigningKeyNode[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  disabledAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why hookwire disabled the hook, if it did.' })
  disabledReason!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the current run of failed attempts began; null after any success.' })
  failingSince!: Date | null;
}

/** A page of hooks. */
@ObjectType()
export class HookConnection extends Connection(HookNode, 'Hook') {}

/** The answer of the test button. */
@ObjectType()
export class TestHookResult {
  @Field(() => Boolean, { description: 'True for a 2xx answer within the timeout.' })
  ok!: boolean;

  @Field(() => String, { description: 'The endpoint the sample was sent to.' })
  url!: string;

  @Field(() => Int, { nullable: true })
  responseStatus!: number | null;

  @Field(() => String, { nullable: true, description: 'Truncated to HOOKWIRE_MAX_RESPONSE_BYTES.' })
  responseBody!: string | null;

  @Field(() => Int)
  durationMs!: number;

  @Field(() => String, { nullable: true, description: 'Why the test failed: an HTTP status, a timeout, a refused connection…' })
  error!: string | null;
}
