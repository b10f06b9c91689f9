import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { accountInScope, principalOf } from '../graphql/auth.js';
import type { Context } from '../graphql/context.js';
import { RecordUsageInput, RecordUsageResultGql, UsageRecordGql, toRecordUsageResultGql, toUsageGql } from './usage.graphql.js';

@Resolver()
export class UsageResolver {
  @Authorized('usage.record')
  @Mutation(() => UsageRecordGql, { description: 'Meters one model call; idempotent on idempotencyKey' })
  async recordUsage(@Arg('input', () => RecordUsageInput) input: RecordUsageInput, @Ctx() ctx: Context): Promise<UsageRecordGql> {
    const accountId = accountInScope(ctx, 'usage.record', input.accountId);
    return toUsageGql(await ctx.services.usage.record(principalOf(ctx), accountId, input));
  }

  @Authorized('usage.record')
  @Mutation(() => [RecordUsageResultGql], { description: 'Meters up to 1,000 calls; each row on its own (its own key, its own result)' })
  async recordUsageBatch(
    // Not refused as a whole: the service checks each row and answers each on its own.
    @Arg('inputs', () => [RecordUsageInput], { validate: false }) inputs: RecordUsageInput[],
    @Ctx() ctx: Context,
  ): Promise<RecordUsageResultGql[]> {
    const results = await ctx.services.usage.recordBatch(principalOf(ctx), inputs, (id) => accountInScope(ctx, 'usage.record', id));
    return results.map(toRecordUsageResultGql);
  }
}
