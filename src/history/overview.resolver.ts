import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { AttemptHourNode, QueueStatus } from './overview.types';

/** The numbers of the console's overview: attempts per hour and the queue. */
@Resolver()
export class OverviewResolver {
  @Authorized('READ')
  @Query(() => [AttemptHourNode], {
    description: 'Delivery attempts per hour over the last `hours` hours (default 24, at most 168), oldest first, the current hour last.',
  })
  async attemptSeries(
    @Arg('hours', () => Int, { defaultValue: 24 }) hours: number,
    @Ctx() { services }: GraphQLContext,
  ): Promise<AttemptHourNode[]> {
    return services.overview.attemptSeries(hours);
  }

  @Authorized('READ')
  @Query(() => QueueStatus, { description: 'The delivery queue now: depth and the age of the oldest due delivery.' })
  async queue(@Ctx() { services }: GraphQLContext): Promise<QueueStatus> {
    const now = new Date();
    const snapshot = await services.overview.queueNow(now);
    const oldestDueAgeSeconds = snapshot.oldestDueAt ? Math.max(0, Math.round((now.getTime() - snapshot.oldestDueAt.getTime()) / 1000)) : null;
    return { ...snapshot, oldestDueAgeSeconds };
  }
}
