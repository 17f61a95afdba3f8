import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { HookHeader } from '../../delivery/job';
import type { RetiredSigningKey } from '../../delivery/signer';
import { newId } from '../../util/ids';

/** An endpoint and the event types it wants, as in Logto: `{ name, events, config: { url, headers }, signingKey, enabled }`. */
@Entity({ tableName: 'hooks' })
export class Hook {
  [OptionalProps]?: 'id' | 'headers' | 'enabled' | 'retiredSigningKeys' | 'createdAt' | 'updatedAt' | 'ordered' | 'consecutiveFailures';

  @PrimaryKey({ type: 'string', length: 40 })
  id: string = newId('hook');

  @Property({ type: 'string', length: 256 })
  name!: string;

  /** Event type names and patterns (`User.*`, `*`). */
  @Property({ type: 'json' })
  events!: string[];

  @Property({ type: 'text' })
  url!: string;

  @Property({ type: 'json' })
  headers: HookHeader[] = [];

  @Index()
  @Property({ type: 'boolean' })
  enabled: boolean = true;

  /** Never serialised: only the signer and the admin-only GraphQL field read it. */
  @Property({ type: 'string', length: 64, hidden: true })
  signingKey!: string;

  @Property({ type: 'json', hidden: true })
  retiredSigningKeys: RetiredSigningKey[] = [];

  /** Deliver strictly in event order, one at a time; a failing head blocks the rest. */
  @Property({ type: 'boolean' })
  ordered: boolean = false;

  /** At most this many requests per second to the endpoint; null for no limit. */
  @Property({ type: 'integer', nullable: true })
  rateLimit?: number | null;

  /** When the current run of failed attempts began; null after any success. */
  @Property({ type: 'datetime', nullable: true })
  failingSince?: Date | null;

  /** Failed attempts since the last success. */
  @Property({ type: 'integer' })
  consecutiveFailures: number = 0;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  disabledAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  disabledReason?: string | null;
}
