import type { FilterQuery } from '@mikro-orm/core';
import type { Orm } from '../db/database';
import { findPage } from '../db/paginate';
import { NotFoundError } from '../errors';
import type { Page } from '../graphql/connection';
import { DeliveryAttempt } from './delivery-attempt.entity';
import { Delivery, type DeliveryStatus } from './delivery.entity';

/** Reads deliveries and their attempts. */
export class DeliveryService {
  constructor(private readonly orm: Orm) {}

  async get(id: string): Promise<Delivery> {
    const delivery = await this.orm.em.fork().findOne(Delivery, { id });
    if (!delivery) throw new NotFoundError('delivery', id);
    return delivery;
  }

  /** A hook's deliveries, newest first, optionally by status and event type. */
  async listForHook<N>(
    hookId: string,
    args: { first?: number | null; after?: string | null; status?: DeliveryStatus | null; event?: string | null },
    map: (delivery: Delivery) => N,
  ): Promise<Page<N>> {
    const where: FilterQuery<Delivery> = { hook: hookId };
    if (args.status) where.status = args.status;
    if (args.event) where.eventType = args.event;
    return findPage(this.orm.em.fork(), Delivery, where, args, map);
  }

  /** Every attempt of a delivery, first to last. */
  async attempts(deliveryId: string): Promise<DeliveryAttempt[]> {
    return this.orm.em.fork().find(DeliveryAttempt, { delivery: deliveryId }, { orderBy: { number: 'asc' } });
  }
}
