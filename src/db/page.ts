/**
 * Pages of a list, newest first, as storage reads them: ids are ULID-based, so ordering by id
 * is ordering by creation, and a cursor is the last id seen. Nothing here knows GraphQL: a bad
 * argument is a {@link PageArgumentError}, which the API reports as BAD_USER_INPUT.
 */

/** The page size of a list when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 20;
/** The largest `first` a list accepts. */
export const MAX_PAGE_SIZE = 100;

/** Where a page ends and whether another follows. */
export interface PageEnd {
  endCursor: string | null;
  hasNextPage: boolean;
}

/** One page of a list, newest first. */
export interface Page<T> {
  nodes: T[];
  pageInfo: PageEnd;
  totalCount: number;
}

/** A page argument (`first` or `after`) that no page can be read for; `argument` names it. */
export class PageArgumentError extends Error {
  constructor(
    message: string,
    readonly argument: 'first' | 'after',
  ) {
    super(message);
    this.name = 'PageArgumentError';
  }
}

/** Cursors are opaque to clients; inside they are the id of the last node of a page. */
export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

/** Reads a cursor back into an id, rejecting anything that is not one of ours. */
export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z]+_[0-9A-Z]{26}$/.test(id)) throw new PageArgumentError('`after` is not a cursor from this API', 'after');
  return id;
}

/** Validates `first`, the page size. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new PageArgumentError(`\`first\` must be from 1 to ${MAX_PAGE_SIZE}`, 'first');
  }
  return size;
}

/** Turns `size + 1` fetched rows into a page: the extra row only says another page exists. */
export function toPage<T extends { id: string }, N>(rows: T[], size: number, totalCount: number, map: (row: T) => N): Page<N> {
  const hasNextPage = rows.length > size;
  const pageRows = hasNextPage ? rows.slice(0, size) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    nodes: pageRows.map(map),
    pageInfo: { endCursor: last ? encodeCursor(last.id) : null, hasNextPage },
    totalCount,
  };
}
