import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId } from '../../util/ids';

/** What a key may do: `admin` everything, `emit` only emitEvent, `read` queries and subscriptions. */
export type Scope = 'ADMIN' | 'EMIT' | 'READ';

/** An API key; only the SHA-256 of the secret is stored, the secret is shown once. */
@Entity({ tableName: 'api_keys' })
export class ApiKey {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'string', length: 40 })
  id: string = newId('key');

  @Property({ type: 'string', length: 256 })
  name!: string;

  @Unique()
  @Property({ type: 'string', length: 64, hidden: true })
  keyHash!: string;

  @Property({ type: 'json' })
  scopes!: Scope[];

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
