import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { UsageGroupEnum, UsageReportRowGql } from './usage-report.graphql.js';
import { IdArg } from '../graphql/validation.js';

@Resolver()
export class UsageReportResolver {
  @Authorized('usage.report')
  @Query(() => [UsageReportRowGql], {
    description:
      "Usage grouped by any of DAY, MODEL, API_KEY, TEAM_MEMBER, ACCOUNT over the UTC days [from, to) touches (at most 366). Own account (a team's OWNERs: the team); SUPPORT+ any account, or all when accountId is omitted. Includes today's calls.",
  })
  async usageReport(
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('groupBy', () => [UsageGroupEnum]) groupBy: UsageGroupEnum[],
    @IdArg('accountId', { nullable: true }) accountId: string | null,
    @Ctx() ctx: Context,
  ): Promise<UsageReportRowGql[]> {
    return ctx.services.usageReport.report(ctx.principal, { from, to, groupBy, accountId });
  }
}
