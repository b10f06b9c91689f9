import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { RevenueRollForwardGql, toRevenueRollForwardGql } from './revenue.graphql.js';

/** Revenue recognition (FINANCE+); the month's journal is at GET /reports/journal/YYYY-MM.csv. */
@Resolver()
export class RevenueResolver {
  @Authorized('finance.read')
  @Query(() => RevenueRollForwardGql, {
    description: 'Deferred revenue roll-forward of one UTC month ("YYYY-MM"), paid vs promotional, tied to the ledger (FINANCE+)',
  })
  async revenueRollForward(@Arg('month', () => String) month: string, @Ctx() ctx: Context): Promise<RevenueRollForwardGql> {
    return toRevenueRollForwardGql(await ctx.services.revenue.rollForward(month));
  }
}
