import type { EntityManager } from '@mikro-orm/core';
import { matchesAnyEventPattern } from '../events/event-pattern';
import type { Event } from '../events/event.entity';
import { Hook } from '../hooks/hook.entity';
import { newId } from '../util/ids';
import { Delivery } from './delivery.entity';

/**
 * Writes one delivery per hook that wants the event, inside the caller's transaction, so
 * the event and its deliveries commit together or not at all: PENDING for an enabled hook,
 * SKIPPED for a disabled one (so it can be recovered once the hook is enabled again).
 * Returns how many PENDING deliveries were written.
 */
export async function enqueueDeliveries(em: EntityManager, event: Event): Promise<number> {
  const hooks = await em.find(Hook, {}, { fields: ['id', 'events', 'enabled'] });
  const matching = hooks.filter((hook) => matchesAnyEventPattern(hook.events, event.type));
  if (matching.length === 0) return 0;
  const now = new Date();
  await em.insertMany(
    Delivery,
    matching.map((hook) => ({
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
  return matching.filter((hook) => hook.enabled).length;
}
