import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Role } from '../auth/roles.js';
import { accountInScope, principalOf } from '../graphql/auth.js';
import type { Context } from '../graphql/context.js';
import { RecordUsageInput, UsageRecordGql, toUsageGql } from './usage.graphql.js';

@Resolver()
export class UsageResolver {
  @Authorized()
  @Mutation(() => UsageRecordGql, { description: 'Meters one model call; idempotent on idempotencyKey' })
  async recordUsage(@Arg('input', () => RecordUsageInput) input: RecordUsageInput, @Ctx() ctx: Context): Promise<UsageRecordGql> {
    const accountId = accountInScope(ctx, input.accountId, Role.ADMIN);
    return toUsageGql(await ctx.services.usage.record(principalOf(ctx), accountId, input));
  }
}
