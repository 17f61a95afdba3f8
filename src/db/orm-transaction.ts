import type { EntityManager } from '@mikro-orm/core';

/**
 * Runs `work` in a transaction on `em` (a fork), committed (after a flush) if it resolves and
 * rolled back if it throws. In place of MikroORM's `em.transactional`, which runs its callback
 * inside an AsyncLocalStorage: the first call turns Node's promise hooks on for the rest of the
 * process, and from then every promise of every request and delivery paid for them (~4 % of the
 * server's CPU in the bench's profiles, after a single `createHook`).
 */
export async function inTransaction<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  await em.begin();
  try {
    const result = await work(em);
    await em.commit();
    return result;
  } catch (error) {
    await em.rollback().catch(() => undefined);
    throw error;
  }
}
