import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { hasRole, ownAccountId } from '../auth/roles.js';
import type { Context } from '../graphql/context.js';
import { requirePrincipal } from '../graphql/guards.js';
import { forbidden } from '../shared/errors.js';
import { parseId } from '../shared/validate.js';
import { RecordUsageInput, UsageRecordGql, toUsageGql } from './usage.graphql.js';

@Resolver()
export class UsageResolver {
  @Mutation(() => UsageRecordGql, { description: 'Meters one model call; idempotent on idempotencyKey' })
  async recordUsage(@Arg('input', () => RecordUsageInput) input: RecordUsageInput, @Ctx() ctx: Context): Promise<UsageRecordGql> {
    const principal = requirePrincipal(ctx);
    const accountId = input.accountId != null ? parseId(input.accountId, 'accountId') : ownAccountId(principal);
    if (accountId !== principal.accountId && !hasRole(principal.role, 'ADMIN')) {
      throw forbidden('Recording usage for another account needs the ADMIN role');
    }
    return toUsageGql(await ctx.services.usage.record(principal, accountId, input));
  }
}
