import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import { decodeCursor, pageSize, toPage, type Page } from '../graphql/connection';

/**
 * Reads one page of a list, newest first. Ids are ULID-based, so ordering by id is
 * ordering by creation, and a cursor is just the last id seen.
 */
export async function findPage<T extends { id: string }, N>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: { first?: number | null; after?: string | null },
  map: (row: T) => N,
): Promise<Page<N>> {
  const size = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after) : undefined;
  const pageWhere = (after ? { $and: [where, { id: { $lt: after } }] } : where) as FilterQuery<T>;
  const [rows, total] = await Promise.all([
    em.find(entity, pageWhere, { orderBy: { id: 'desc' } as never, limit: size + 1 }),
    em.count(entity, where),
  ]);
  return toPage(rows as T[], size, total, map);
}
