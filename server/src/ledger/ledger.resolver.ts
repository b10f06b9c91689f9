import { Arg, Authorized, Ctx, ID, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import { Role } from '../auth/roles.js';
import { principalOf } from '../graphql/auth.js';
import type { Context } from '../graphql/context.js';
import { toGraphQLError } from '../graphql/errors.js';
import { DomainError } from '../shared/errors.js';
import { fromPayload, type BalanceEventPayload } from './balance-events.js';
import { AdjustBalanceInput, BalanceGql, LedgerEntryGql, toBalanceGql, toLedgerEntryGql } from './ledger.graphql.js';

@Resolver()
export class LedgerResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => LedgerEntryGql, { description: 'ADMIN, audited; reason required' })
  async adjustBalance(@Arg('input', () => AdjustBalanceInput) input: AdjustBalanceInput, @Ctx() ctx: Context): Promise<LedgerEntryGql> {
    return toLedgerEntryGql(await ctx.services.ledger.adjustBalance(principalOf(ctx), input));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => LedgerEntryGql, { description: 'Posts the exact opposite of a transaction, linked by reversalOfId (ADMIN, audited)' })
  async reverseTransaction(
    @Arg('transactionId', () => ID) transactionId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ): Promise<LedgerEntryGql> {
    return toLedgerEntryGql(await ctx.services.ledger.reverseTransaction(principalOf(ctx), transactionId, reason));
  }

  @Subscription(() => BalanceGql, {
    description: 'The current balance, then every change of it; own account, SUPPORT+ may name another',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      try {
        // A team's members watch the team's balance like their own.
        const accountId = await ctx.services.teams.actingAccount(principalOf(ctx), args.accountId as string | undefined, Role.SUPPORT, false);
        return await ctx.services.balanceWatch.watch(accountId);
      } catch (err) {
        // Middlewares wrap resolvers, not `subscribe`: map domain errors here.
        if (err instanceof DomainError) throw toGraphQLError(err, ctx.services.config.PUBLIC_APP_URL, null);
        throw err;
      }
    },
  })
  balanceUpdated(
    @Root() payload: BalanceEventPayload,
    @Arg('accountId', () => ID, { nullable: true }) _accountId?: string,
  ): BalanceGql {
    return toBalanceGql(fromPayload(payload));
  }
}
