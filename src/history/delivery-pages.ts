import type { AbstractSqlConnection, Knex } from '@mikro-orm/knex';
import type { Orm } from '../db/database';
import { decodeCursor, pageSize, toPage, type Page } from '../db/page';
import type { DeliveryStatus } from '../db/tables/delivery-status';
import { Delivery } from '../db/tables/delivery.entity';

/** The arguments of a page of deliveries under a hook or an event. */
export interface DeliveryPageArgs {
  first?: number | null;
  after?: string | null;
  status?: DeliveryStatus | null;
  event?: string | null;
}

/** {@link DeliveryPageArgs}, checked: the page size and the id the cursor names. */
export interface CheckedPageArgs {
  size: number;
  after: string | null;
  status: DeliveryStatus | null;
  eventType: string | null;
}

/** Whose deliveries: a hook's or an event's. */
export type DeliveryParent = 'hook' | 'event';

/**
 * Checks a page's arguments before anything is queued, so a bad `first` or `after` fails its
 * own field, as `findPage` does, and returns them in the form {@link DeliveryPages.load} takes.
 */
export function checkDeliveryPageArgs(args: DeliveryPageArgs): CheckedPageArgs {
  return { size: pageSize(args.first), after: args.after ? decodeCursor(args.after) : null, status: args.status ?? null, eventType: args.event ?? null };
}

/** Reads pages of deliveries for many hooks or events at once (`Hook.deliveries`, `Event.deliveries`). */
export class DeliveryPages {
  constructor(private readonly orm: Orm) {}

  /**
   * The same page of deliveries (newest first) of many hooks or events, in two statements: the
   * pages, numbered per parent with `row_number()` (SQLite and PostgreSQL alike), and the totals,
   * grouped by parent. The answer for each parent is what `findPage` gives for it alone.
   */
  async load<N>(
    parent: DeliveryParent,
    parentIds: readonly string[],
    args: CheckedPageArgs,
    map: (delivery: Delivery) => N,
  ): Promise<Map<string, Page<N>>> {
    const em = this.orm.em.fork();
    const meta = em.getMetadata().get(Delivery.name);
    const column = (property: string) => meta.properties[property as keyof typeof meta.properties]!.fieldNames[0]!;
    const [parentColumn, idColumn] = [column(parent), column('id')];
    const knex = (em.getConnection() as AbstractSqlConnection).getKnex();
    const matching = (query: Knex.QueryBuilder, withCursor: boolean) => {
      query.whereIn(parentColumn, [...parentIds]);
      if (args.status) query.where(column('status'), args.status);
      if (args.eventType) query.where(column('eventType'), args.eventType);
      if (withCursor && args.after) query.where(idColumn, '<', args.after);
    };
    const ranked = knex(meta.tableName)
      .select('*', knex.raw('row_number() over (partition by ?? order by ?? desc) as page_row', [parentColumn, idColumn]))
      .modify(matching, true);
    const [rows, totals] = await Promise.all([
      knex.select('*').from(ranked.as('ranked')).where('page_row', '<=', args.size + 1).orderBy(idColumn, 'desc') as Promise<Array<Record<string, unknown>>>,
      knex(meta.tableName).select(parentColumn).count({ total: '*' }).modify(matching, false).groupBy(parentColumn) as Promise<Array<Record<string, unknown>>>,
    ]);
    const byParent = new Map<string, Delivery[]>(parentIds.map((id) => [id, []]));
    for (const { page_row: _rank, ...row } of rows) byParent.get(String(row[parentColumn]))?.push(em.map(Delivery, row));
    // PostgreSQL answers count(*) as a bigint string.
    const total = new Map(totals.map((row) => [String(row[parentColumn]), Number(row.total)]));
    return new Map(parentIds.map((id) => [id, toPage(byParent.get(id)!, args.size, total.get(id) ?? 0, map)]));
  }
}
