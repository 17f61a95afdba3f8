import type { EntityManager } from '@mikro-orm/core';
import { matchesAnyEventPattern } from '../events/event-pattern';
import type { Event } from '../events/event.entity';
import { Hook } from '../hooks/hook.entity';
import { newId } from '../util/ids';
import { Delivery } from './delivery.entity';

/**
 * Writes one delivery per hook that wants each event, inside the caller's transaction, so
 * events and their deliveries commit together or not at all: PENDING for an enabled hook,
 * SKIPPED for a disabled one (so it can be recovered once the hook is enabled again).
 * Returns how many PENDING deliveries were written.
 */
export async function enqueueDeliveries(em: EntityManager, events: readonly Event[]): Promise<number> {
  if (events.length === 0) return 0;
  const hooks = await em.find(Hook, {}, { fields: ['id', 'events', 'enabled'] });
  const now = new Date();
  const rows = events.flatMap((event) =>
    hooks
      .filter((hook) => matchesAnyEventPattern(hook.events, event.type))
      .map((hook) => ({
        id: newId('dlv'),
        event: event.id,
        hook: hook.id,
        eventType: event.type,
        status: hook.enabled ? ('PENDING' as const) : ('SKIPPED' as const),
        attemptCount: 0,
        roundOffset: 0,
        nextTrigger: 'SCHEDULED' as const,
        nextAttemptAt: hook.enabled ? now : null,
        createdAt: now,
        updatedAt: now,
      })),
  );
  // Bounded statements: SQLite takes at most 32,766 parameters in one.
  for (let start = 0; start < rows.length; start += 1_000) {
    await em.insertMany(Delivery, rows.slice(start, start + 1_000));
  }
  return rows.filter((row) => row.status === 'PENDING').length;
}
