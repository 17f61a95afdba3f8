import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { BadUserInputError, EventTypeInUseError, NotFoundError } from '../errors';
import type { Orm } from '../db/database';
import type { HookwirePubSub } from '../realtime/pubsub';
import { Hook } from '../db/tables/hook.entity';
import { BUILT_IN_EVENT_TYPES, isBuiltInEventType, type EventTypeInfo } from './catalogue';
import { CustomEventType } from '../db/tables/event-type.entity';
import { matchesEventPattern } from './event-pattern';
import { validateEventSelection } from './event-selection';

// Dotted names like Logto's (`Invoice.Paid`, `Billing.Plan.Changed`): at least two segments.
const CUSTOM_NAME = /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z][A-Za-z0-9_-]*)+$/;
// How many of the hooks still naming a type its deletion's refusal lists.
const MAX_LISTED_HOOKS = 10;

/**
 * The event catalogue: Logto's built-in types plus the custom ones admins register.
 * Custom types are cached in memory and re-read on a miss, so a type registered by
 * another process is found the first time it is used here. A hit is not re-read: so that a
 * type deleted by another process stops being valid here, every change is published as
 * EVENT_TYPE_CHANGED on the live pub/sub (Redis across api processes), which drops the name
 * from each process's cache; after a feed outage, when messages may have been lost, the
 * whole cache is re-read.
 */
export class EventTypeService {
  private custom = new Map<string, EventTypeInfo>();
  // Bumped by every change heard of: a reload that raced one reads again.
  private generation = 0;

  constructor(
    private readonly orm: Orm,
    private readonly pubSub: HookwirePubSub,
    onLiveFeedReconnect: (listener: () => void) => unknown = () => {},
  ) {
    const changes = pubSub.subscribe('EVENT_TYPE_CHANGED');
    void (async () => {
      for await (const { name } of changes) this.forget(name);
    })();
    onLiveFeedReconnect(() => {
      this.generation += 1;
      void this.reload().catch(() => {});
    });
  }

  /** Every type, built-in first, then custom ones by name. */
  async list(): Promise<EventTypeInfo[]> {
    await this.reload();
    return [...BUILT_IN_EVENT_TYPES, ...[...this.custom.values()].sort((a, b) => a.name.localeCompare(b.name))];
  }

  /** True when `name` is an exact event type in the catalogue. */
  async isKnown(name: string): Promise<boolean> {
    if (isBuiltInEventType(name) || this.custom.has(name)) return true;
    await this.reload();
    return this.custom.has(name);
  }

  /** Throws BAD_USER_INPUT on `field` unless `name` is an exact event type in the catalogue. */
  async requireKnown(name: string, field: string): Promise<void> {
    if (!(await this.isKnown(name))) throw new BadUserInputError(`"${name}" is not an event type in the catalogue`, field);
  }

  /**
   * Validates a selection of types and patterns (a hook's `events`, the `types` of the
   * `events` query and of the live feed) against the catalogue: each entry a known type or a
   * pattern selecting at least one. Re-reads the custom types only when the cache falls short.
   */
  async validateSelection(entries: readonly string[], field: string): Promise<string[]> {
    if (!entries.every((entry) => this.selectsNow(entry))) await this.reload();
    return validateEventSelection(entries, (entry) => this.selectsNow(entry), field);
  }

  /** Registers a custom event type. */
  async create(name: string, description: string): Promise<EventTypeInfo> {
    if (!CUSTOM_NAME.test(name) || name.length > 256) {
      throw new BadUserInputError('an event type name is dotted, like `Invoice.Paid` (letters, digits, _ and -)', 'name');
    }
    if (description.length > 1024) throw new BadUserInputError('description is longer than 1024 characters', 'description');
    if (await this.isKnown(name)) throw new BadUserInputError(`event type ${name} already exists`, 'name');
    const em = this.orm.em.fork();
    try {
      await em.insert(CustomEventType, { name, description, createdAt: new Date() });
    } catch (error) {
      // Another request registered the same name between our check and insert.
      if (error instanceof UniqueConstraintViolationException) throw new BadUserInputError(`event type ${name} already exists`, 'name');
      throw error;
    }
    const info: EventTypeInfo = { name, group: 'CUSTOM', description };
    this.custom.set(name, info);
    this.pubSub.publish('EVENT_TYPE_CHANGED', { name });
    return info;
  }

  /** Whether `entry` names or matches a type known to this process right now. */
  private selectsNow(entry: string): boolean {
    const matches = (name: string) => matchesEventPattern(entry, name);
    return BUILT_IN_EVENT_TYPES.some((type) => matches(type.name)) || [...this.custom.keys()].some(matches);
  }

  /**
   * Deletes a custom event type and returns it. Refused for built-in and operational types
   * (BAD_USER_INPUT), and while any hook names it exactly (EVENT_TYPE_IN_USE, listing up to
   * 10 of them); a pattern such as `Invoice.*` does not hold it. Stored events of the type and
   * their deliveries stay: they are history, and stay readable and redeliverable.
   */
  async delete(name: string): Promise<EventTypeInfo> {
    if (isBuiltInEventType(name)) throw new BadUserInputError(`${name} is a built-in event type; only custom types can be deleted`, 'name');
    // One transaction, the type's row locked first (PostgreSQL; SQLite has one writer): the
    // check that no hook names it and the delete see the same hooks.
    const row = await this.orm.em.fork().transactional(async (em) => {
      const found = await em.findOne(CustomEventType, { name }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!found) throw new NotFoundError('event type', name);
      const hooks = await em.find(Hook, {}, { fields: ['id', 'name', 'events'], orderBy: { id: 'asc' } });
      const naming = hooks.filter((hook) => hook.events.includes(name));
      if (naming.length > 0) throw new EventTypeInUseError(inUseMessage(name, naming));
      await em.nativeDelete(CustomEventType, { name });
      return found;
    });
    this.forget(name);
    this.pubSub.publish('EVENT_TYPE_CHANGED', { name });
    return { name, group: 'CUSTOM', description: row.description };
  }

  /** Drops `name` from the cache (it was created or deleted, here or elsewhere): its next use reads the database. */
  private forget(name: string): void {
    this.generation += 1;
    this.custom.delete(name);
  }

  private async reload(): Promise<void> {
    for (;;) {
      const generation = this.generation;
      const rows = await this.orm.em.fork().find(CustomEventType, {});
      // A change heard of while reading may be missing from the rows: read again.
      if (generation !== this.generation) continue;
      this.custom = new Map(rows.map((row) => [row.name, { name: row.name, group: 'CUSTOM', description: row.description }]));
      return;
    }
  }
}

function inUseMessage(name: string, hooks: readonly Pick<Hook, 'id' | 'name'>[]): string {
  const listed = hooks.slice(0, MAX_LISTED_HOOKS).map((hook) => `${hook.id} (${JSON.stringify(hook.name)})`);
  const more = hooks.length > MAX_LISTED_HOOKS ? ` and ${hooks.length - MAX_LISTED_HOOKS} more` : '';
  const count = hooks.length === 1 ? '1 hook' : `${hooks.length} hooks`;
  return `event type ${name} is named by ${count}: ${listed.join(', ')}${more}; remove it from their events first`;
}
