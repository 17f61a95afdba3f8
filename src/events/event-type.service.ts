import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors';
import { Hook } from '../hooks/hook.entity';
import type { Orm } from '../db/database';
import { BUILT_IN_EVENT_TYPES, isBuiltInEventType, type EventTypeInfo } from './catalogue';
import { CustomEventType } from './event-type.entity';
import { isEventPattern, matchesEventPattern } from './event-pattern';

// Dotted names like Logto's (`Invoice.Paid`, `Billing.Plan.Changed`): at least two segments.
const CUSTOM_NAME = /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z][A-Za-z0-9_-]*)+$/;

/**
 * The event catalogue: Logto's built-in types plus the custom ones admins register.
 * Custom types are cached in memory and re-read on a miss, so a type registered by
 * another process is found the first time it is used here.
 */
export class EventTypeService {
  private custom = new Map<string, EventTypeInfo>();

  constructor(private readonly orm: Orm) {}

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

  /** True when a hook may list `entry`: a known type, or a pattern selecting at least one. */
  async isSelectable(entry: string): Promise<boolean> {
    if (!isEventPattern(entry)) return this.isKnown(entry);
    const names = (await this.list()).map((type) => type.name);
    return names.some((name) => matchesEventPattern(entry, name));
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
    return info;
  }

  /**
   * Removes a custom event type. Refused for a built-in type (BAD_USER_INPUT) and while a hook
   * names it exactly (CONFLICT: such a hook would list a type the catalogue no longer has);
   * stored events of the type stay, and patterns such as `Invoice.*` simply stop matching it.
   */
  async delete(name: string): Promise<EventTypeInfo> {
    if (isBuiltInEventType(name)) throw new BadUserInputError(`${name} is a built-in event type and cannot be deleted`, 'name');
    const em = this.orm.em.fork();
    const row = await em.findOne(CustomEventType, { name });
    if (!row) throw new NotFoundError('event type', name);
    const users = (await em.find(Hook, {}, { fields: ['id', 'name', 'events'] })).filter((hook) => hook.events.includes(name));
    if (users.length > 0) {
      throw new ConflictError(`${name} is named by ${users.length} hook(s) (${users.slice(0, 3).map((hook) => hook.name).join(', ')}); remove it from them first`);
    }
    await em.nativeDelete(CustomEventType, { name });
    this.custom.delete(name);
    return { name, group: 'CUSTOM', description: row.description };
  }

  private async reload(): Promise<void> {
    const rows = await this.orm.em.fork().find(CustomEventType, {});
    this.custom = new Map(rows.map((row) => [row.name, { name: row.name, group: 'CUSTOM', description: row.description }]));
  }
}
