import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import {
  BreakageMonthGql,
  FinanceBreakdownGql,
  FinanceDayGql,
  FinanceRankingArgs,
  FinanceRollupStatusGql,
  LiabilityGql,
  RefusalDayGql,
} from './finance.graphql.js';

/** Finance dashboards (FINANCE+), all from rollups plus the tail above the watermark. */
@Resolver()
export class FinanceResolver {
  @Authorized('finance.read')
  @Query(() => [FinanceDayGql], { description: 'Per UTC day: revenue, COGS, margin, credits purchased vs deducted (FINANCE+)' })
  async financeDaily(@Arg('from', () => Date) from: Date, @Arg('to', () => Date) to: Date, @Ctx() ctx: Context): Promise<FinanceDayGql[]> {
    return ctx.services.finance.daily(from, to);
  }

  @Authorized('finance.read')
  @Query(() => [RefusalDayGql], { description: 'Per UTC day of [from, to): requests refused for credits (402), by source (FINANCE+)' })
  async refusalsDaily(@Arg('from', () => Date) from: Date, @Arg('to', () => Date) to: Date, @Ctx() ctx: Context): Promise<RefusalDayGql[]> {
    return ctx.services.refusals.daily(from, to);
  }

  @Authorized('finance.read')
  @Query(() => LiabilityGql, { description: 'Outstanding credit liability (FINANCE+)' })
  async liability(@Ctx() ctx: Context): Promise<LiabilityGql> {
    return ctx.services.finance.liability();
  }

  @Authorized('finance.read')
  @Query(() => [FinanceBreakdownGql], { description: 'Top models by revenue, cost or margin (FINANCE+)' })
  async financeByModel(@Args(() => FinanceRankingArgs) args: FinanceRankingArgs, @Ctx() ctx: Context): Promise<FinanceBreakdownGql[]> {
    return ctx.services.finance.byModel(args.from, args.to, args.orderBy, args.limit);
  }

  @Authorized('finance.read')
  @Query(() => [FinanceBreakdownGql], { description: 'Top accounts by spend (REVENUE), cost or margin (FINANCE+)' })
  async financeByAccount(@Args(() => FinanceRankingArgs) args: FinanceRankingArgs, @Ctx() ctx: Context): Promise<FinanceBreakdownGql[]> {
    return ctx.services.finance.byAccount(args.from, args.to, args.orderBy, args.limit);
  }

  @Authorized('finance.read')
  @Query(() => [FinanceBreakdownGql], { description: 'Margin per team member (API key), optionally of one account (FINANCE+)' })
  async financeByMember(
    @Args(() => FinanceRankingArgs) args: FinanceRankingArgs,
    @Arg('accountId', () => String, { nullable: true }) accountId: string | null,
    @Ctx() ctx: Context,
  ): Promise<FinanceBreakdownGql[]> {
    return ctx.services.finance.byMember(args.from, args.to, accountId, args.orderBy, args.limit);
  }

  @Authorized('finance.read')
  @Query(() => [BreakageMonthGql], { description: 'Credits expired unused, per month (FINANCE+)' })
  async breakageByMonth(
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Ctx() ctx: Context,
  ): Promise<BreakageMonthGql[]> {
    return ctx.services.finance.breakage(from, to);
  }

  @Authorized('finance.read')
  @Query(() => FinanceRollupStatusGql, { description: 'Watermark of the finance rollups (FINANCE+)' })
  async financeRollupStatus(@Ctx() ctx: Context): Promise<FinanceRollupStatusGql> {
    return ctx.services.finance.rollupState();
  }
}
