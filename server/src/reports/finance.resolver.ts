import { Arg, Args, ArgsType, Authorized, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { Role } from '../auth/roles.js';
import { formatMillicredits, toUsdNumber } from '../money/money.js';
import {
  BreakageMonthGql,
  FinanceBreakdownGql,
  FinanceDayGql,
  FinanceOrderEnum,
  FinanceRollupStatusGql,
  LiabilityGql,
  toBreakdownGql,
  toFinanceDayGql,
  toLiabilityGql,
} from './finance.graphql.js';
import type { FinanceOrder } from './finance.rules.js';

/** A period and a ranking: shared by the breakdown queries. */
@ArgsType()
class FinanceRankingArgs {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => FinanceOrderEnum, { defaultValue: FinanceOrderEnum.REVENUE })
  orderBy!: FinanceOrder;

  @Field(() => Int, { nullable: true })
  limit!: number | null;
}

/** Finance dashboards (FINANCE+), all from rollups plus the tail above the watermark. */
@Resolver()
export class FinanceResolver {
  @Authorized(Role.FINANCE)
  @Query(() => [FinanceDayGql], { description: 'Per UTC day: revenue, COGS, margin, credits purchased vs deducted (FINANCE+)' })
  async financeDaily(@Arg('from', () => Date) from: Date, @Arg('to', () => Date) to: Date, @Ctx() ctx: Context): Promise<FinanceDayGql[]> {
    return (await ctx.services.finance.daily(from, to)).map(toFinanceDayGql);
  }

  @Authorized(Role.FINANCE)
  @Query(() => LiabilityGql, { description: 'Outstanding credit liability (FINANCE+)' })
  async liability(@Ctx() ctx: Context): Promise<LiabilityGql> {
    return toLiabilityGql(await ctx.services.finance.liability());
  }

  @Authorized(Role.FINANCE)
  @Query(() => [FinanceBreakdownGql], { description: 'Top models by revenue, cost or margin (FINANCE+)' })
  async financeByModel(@Args(() => FinanceRankingArgs) args: FinanceRankingArgs, @Ctx() ctx: Context): Promise<FinanceBreakdownGql[]> {
    return (await ctx.services.finance.byModel(args.from, args.to, args.orderBy, args.limit)).map(toBreakdownGql('model'));
  }

  @Authorized(Role.FINANCE)
  @Query(() => [FinanceBreakdownGql], { description: 'Top accounts by spend (REVENUE), cost or margin (FINANCE+)' })
  async financeByAccount(@Args(() => FinanceRankingArgs) args: FinanceRankingArgs, @Ctx() ctx: Context): Promise<FinanceBreakdownGql[]> {
    return (await ctx.services.finance.byAccount(args.from, args.to, args.orderBy, args.limit)).map(toBreakdownGql('account'));
  }

  @Authorized(Role.FINANCE)
  @Query(() => [FinanceBreakdownGql], { description: 'Margin per team member (API key), optionally of one account (FINANCE+)' })
  async financeByMember(
    @Args(() => FinanceRankingArgs) args: FinanceRankingArgs,
    @Arg('accountId', () => String, { nullable: true }) accountId: string | null,
    @Ctx() ctx: Context,
  ): Promise<FinanceBreakdownGql[]> {
    return (await ctx.services.finance.byMember(args.from, args.to, accountId, args.orderBy, args.limit)).map(toBreakdownGql('member'));
  }

  @Authorized(Role.FINANCE)
  @Query(() => [BreakageMonthGql], { description: 'Credits expired unused, per month (FINANCE+)' })
  async breakageByMonth(@Arg('from', () => Date) from: Date, @Arg('to', () => Date) to: Date, @Ctx() ctx: Context): Promise<BreakageMonthGql[]> {
    return (await ctx.services.finance.breakage(from, to)).map((b) => ({
      month: b.month,
      expiredMillicredits: formatMillicredits(b.expired),
      expiredUsd: toUsdNumber(b.expired),
      entries: Number(b.entries),
    }));
  }

  @Authorized(Role.FINANCE)
  @Query(() => FinanceRollupStatusGql, { description: 'Watermark of the finance rollups (FINANCE+)' })
  async financeRollupStatus(@Ctx() ctx: Context): Promise<FinanceRollupStatusGql> {
    const s = await ctx.services.finance.rollupState();
    return { usageSeq: s.usageSeq.toString(), postingId: s.postingId.toString(), updatedAt: s.updatedAt, lagRows: s.lagRows.toString() };
  }
}
