import { Arg, Authorized, Ctx, ID, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import { principalOf } from '../graphql/auth.js';
import type { Context } from '../graphql/context.js';
import { withGraphQLErrors } from '../graphql/errors.js';
import type { BalanceSnapshot } from './ledger.types.js';
import { AdjustBalanceInput, BalanceGql, LedgerEntryGql, toBalanceGql } from './ledger.graphql.js';
import { IdArg, TextArg } from '../graphql/validation.js';

@Resolver()
export class LedgerResolver {
  @Authorized('ledger.adjust')
  @Mutation(() => LedgerEntryGql, { description: 'ADMIN, audited; reason required' })
  async adjustBalance(@Arg('input', () => AdjustBalanceInput) input: AdjustBalanceInput, @Ctx() ctx: Context): Promise<LedgerEntryGql> {
    return ctx.services.ledger.adjustBalance(principalOf(ctx), input);
  }

  @Authorized('ledger.adjust')
  @Mutation(() => LedgerEntryGql, { description: 'Posts the exact opposite of a transaction, linked by reversalOfId (ADMIN, audited)' })
  async reverseTransaction(
    @IdArg('transactionId') transactionId: string,
    @TextArg('reason', { max: 500, required: true }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<LedgerEntryGql> {
    return ctx.services.ledger.reverseTransaction(principalOf(ctx), transactionId, reason);
  }

  @Authorized('balance.watch')
  @Subscription(() => BalanceGql, {
    description: 'The current balance, then every change of it; own account, SUPPORT+ may name another',
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      // A team's members watch the team's balance like their own.
      return withGraphQLErrors(ctx, async () =>
        ctx.services.balanceWatch.watch(
          await ctx.services.teams.actingAccount(ctx.principal, 'balance.watch', args.accountId as string | undefined),
        ),
      );
    },
  })
  balanceUpdated(@Root() balance: BalanceSnapshot, @Arg('accountId', () => ID, { nullable: true }) _accountId?: string): BalanceGql {
    return toBalanceGql(balance);
  }
}
