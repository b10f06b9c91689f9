import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { AccountGql } from '../accounts/accounts.graphql.js';
import type { Context } from '../graphql/context.js';
import { accountInScope, principalOf } from '../graphql/auth.js';
import { GrantAllocationGql, GrantExpiryRunGql, GrantGql } from './grants.graphql.js';
import { IdArg, TextArg } from '../graphql/validation.js';

@Resolver()
export class GrantsResolver {
  @Authorized('grant.manage')
  @Mutation(() => GrantGql, { description: "Posts the grant's unused remainder away as an ADJUSTMENT (ADMIN, audited)" })
  async voidGrant(
    @IdArg('grantId') grantId: string,
    @TextArg('reason', { max: 500, required: true }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<GrantGql> {
    const { grant } = await ctx.services.grants.voidGrant(principalOf(ctx), grantId, reason);
    return grant;
  }

  @Authorized('grant.manage')
  @Mutation(() => GrantExpiryRunGql, { description: 'Runs the grant expiry job now (ADMIN, audited)' })
  async expireGrantsNow(@Ctx() ctx: Context): Promise<GrantExpiryRunGql> {
    return ctx.services.grants.expireNow(principalOf(ctx));
  }
}

@Resolver(() => AccountGql)
export class AccountGrantsResolver {
  @FieldResolver(() => [GrantGql], { description: 'In burn order; spent, expired and voided grants only with includeClosed' })
  async grants(
    @Root() account: AccountGql,
    @Ctx() ctx: Context,
    @Arg('includeClosed', () => Boolean, { nullable: true, defaultValue: false }) includeClosed: boolean,
  ): Promise<GrantGql[]> {
    accountInScope(ctx, 'account.details', account.id);
    return ctx.services.grants.list(account.id, includeClosed);
  }
}

@Resolver(() => GrantGql)
export class GrantAllocationsResolver {
  @FieldResolver(() => [GrantAllocationGql], { description: 'What this grant paid for, oldest first' })
  async allocations(@Root() grant: GrantGql, @Ctx() ctx: Context): Promise<GrantAllocationGql[]> {
    accountInScope(ctx, 'account.details', grant.accountId);
    return ctx.services.grants.allocations({ grantId: grant.id });
  }
}
