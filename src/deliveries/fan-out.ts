import type { EntityManager } from '@mikro-orm/core';
import { matchesAnyEventPattern } from '../events/event-pattern';
import type { Event } from '../events/event.entity';
import { Hook } from '../hooks/hook.entity';
import { newId } from '../util/ids';
import { Delivery } from './delivery.entity';

/**
 * Writes one PENDING delivery per enabled hook that wants the event, inside the caller's
 * transaction, so the event and its deliveries commit together or not at all.
 * Returns how many deliveries were written.
 */
export async function enqueueDeliveries(em: EntityManager, event: Event): Promise<number> {
  const hooks = await em.find(Hook, { enabled: true }, { fields: ['id', 'events'] });
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
      status: 'PENDING' as const,
      attemptCount: 0,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    })),
  );
  return matching.length;
}
