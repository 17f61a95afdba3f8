import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { EmitReadable } from '../auth/emit-readable';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageEnd } from '../db/page';

/** Where a page ends and whether another follows. */
@ObjectType()
export class PageInfo implements PageEnd {
  @EmitReadable()
  @Field(() => String, { nullable: true, description: 'Pass as `after` to read the next page.' })
  endCursor!: string | null;

  @EmitReadable()
  @Field(() => Boolean)
  hasNextPage!: boolean;
}

/** `first` (default 20, at most 100) and `after`, as every list takes them. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
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
