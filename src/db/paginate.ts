import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import { decodeCursor, pageSize, toPage, type Page } from './page';

/**
 * Reads one page of a list, newest first. Ids are ULID-based, so ordering by id is
 * ordering by creation, and a cursor is just the last id seen.
 */
export async function findPage<T extends { id: string }, N>(
  em: EntityManager,
  entity: EntityName<T>,
  /** The condition; a function when it holds raw fragments, which MikroORM lets each query use once. */
  where: FilterQuery<T> | (() => FilterQuery<T>),
  args: { first?: number | null; after?: string | null },
  map: (row: T) => N,
  /** Columns left out of the rows, e.g. a large one read later and only when asked for. */
  exclude: readonly string[] = [],
): Promise<Page<N>> {
  const size = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after) : undefined;
  const condition = typeof where === 'function' ? where : () => where;
  const pageWhere = (after ? { $and: [condition(), { id: { $lt: after } }] } : condition()) as FilterQuery<T>;
  const [rows, total] = await Promise.all([
    em.find(entity, pageWhere, { orderBy: { id: 'desc' } as never, limit: size + 1, exclude: exclude as never }),
    em.count(entity, condition()),
  ]);
  return toPage(rows as T[], size, total, map);
}
