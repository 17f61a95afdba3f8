import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { EmitReadable } from '../auth/emit-readable';
import { BadUserInputError } from '../errors';

/** Where a page ends and whether another follows. */
@ObjectType()
export class PageInfo {
  @EmitReadable()
  @Field(() => String, { nullable: true, description: 'Pass as `after` to read the next page.' })
  endCursor!: string | null;

  @EmitReadable()
  @Field(() => Boolean)
  hasNextPage!: boolean;
}

/** The page size of a list when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 20;
/** The largest `first` a list accepts. */
export const MAX_PAGE_SIZE = 100;

/** `first` (default 20, at most 100) and `after`, as every list takes them. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}

/** One page of a list, newest first. */
export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the `XConnection` type for a node type: `{ nodes, pageInfo, totalCount }`. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Connection`)
  abstract class ConnectionType implements Page<T> {
    @EmitReadable()
    @Field(() => [node])
    nodes!: T[];

    @EmitReadable()
    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @EmitReadable()
    @Field(() => Int, { description: 'How many items match, across all pages.' })
    totalCount!: number;
  }
  return ConnectionType;
}

/** Cursors are opaque to clients; inside they are the id of the last node of a page. */
export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

/** Reads a cursor back into an id, rejecting anything that is not one of ours. */
export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z]+_[0-9A-Z]{26}$/.test(id)) throw new BadUserInputError('`after` is not a cursor from this API', 'after');
  return id;
}

/** Validates `first`, the page size. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`\`first\` must be from 1 to ${MAX_PAGE_SIZE}`, 'first');
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
