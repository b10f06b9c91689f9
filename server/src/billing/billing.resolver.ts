import { IdArg, TextArg } from '../graphql/validation.js';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AccountGql } from '../accounts/accounts.graphql.js';
import { LedgerEntryGql } from '../ledger/ledger.graphql.js';
import type { Context } from '../graphql/context.js';
import { accountInScope, principalOf } from '../graphql/auth.js';
import {
  AutoRechargeGql,
  CheckoutSessionGql,
  CreditPackGql,
  NegativeBalanceGql,
  PurchaseDisputeGql,
  PurchaseGql,
  RefulfilResultGql,
  ReplayResultGql,
  SetAutoRechargeInput,
  StripeEventGql,
} from './billing.graphql.js';

@Resolver()
export class BillingResolver {
  @Authorized('billing.packs')
  @Query(() => [CreditPackGql], { description: 'The packs on sale; prices are the server’s, never the client’s' })
  creditPacks(@Ctx() ctx: Context): CreditPackGql[] {
    return [...ctx.services.billing.packs()];
  }

  @Authorized('billing.checkout')
  @Mutation(() => CheckoutSessionGql, {
    description: "Starts a Stripe Checkout for a pack on the caller's account, or on a team the caller owns (accountId)",
  })
  async createCheckoutSession(
    @Arg('packId', () => ID) packId: string,
    @Arg('returnTo', () => String, { nullable: true }) returnTo: string | null,
    @Ctx() ctx: Context,
    @IdArg('accountId', { nullable: true, description: "A team's id (its OWNERs, or ADMIN); omitted: the caller's account" })
    accountId?: string | null,
  ): Promise<CheckoutSessionGql> {
    const target = await ctx.services.teams.actingAccount(ctx.principal, 'billing.checkout', accountId);
    return ctx.services.billing.checkout.create(principalOf(ctx), packId, returnTo, target);
  }

  @Authorized('purchase.read')
  @Query(() => PurchaseGql, { nullable: true, description: 'One purchase (own account, or SUPPORT+)' })
  async purchase(@IdArg('id') id: string, @Ctx() ctx: Context): Promise<PurchaseGql | null> {
    const purchase = await ctx.services.billing.purchase(id);
    if (!purchase) return null;
    accountInScope(ctx, 'purchase.read', purchase.accountId);
    return purchase;
  }

  @Authorized('billing.autoRecharge')
  @Mutation(() => AutoRechargeGql, { description: 'Threshold + pack or target balance + monthly limit' })
  async setAutoRecharge(
    @Arg('input', () => SetAutoRechargeInput) input: SetAutoRechargeInput,
    @Ctx() ctx: Context,
  ): Promise<AutoRechargeGql> {
    const accountId = accountInScope(ctx, 'billing.autoRecharge', input.accountId);
    return ctx.services.billing.autoRecharge.set(principalOf(ctx), accountId, input);
  }

  @Authorized('billing.repair')
  @Mutation(() => PurchaseGql, { description: 'ADMIN, audited: re-runs fulfilment from the payment as Stripe reports it' })
  async refulfillPurchase(
    @IdArg('purchaseId') purchaseId: string,
    @TextArg('reason', { max: 500, required: true }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<PurchaseGql> {
    const actor = principalOf(ctx);
    const outcome = await ctx.services.billing.webhooks.refulfil(actor, purchaseId, reason);
    return outcome.purchase;
  }

  @Authorized('billing.refund')
  @Mutation(() => PurchaseGql, {
    description:
      "FINANCE+, audited with the reason: refunds through Stripe's refund API (amountCents omitted: all that is left, tax included). " +
      'The charge.refunded webhook debits the credits, as for a refund made in Stripe.',
  })
  async refundPurchase(
    @IdArg('purchaseId') purchaseId: string,
    @Arg('amountCents', () => Int, { nullable: true }) amountCents: number | null,
    @TextArg('reason', { max: 500, required: true }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<PurchaseGql> {
    return ctx.services.billing.refunds.refundPurchase(principalOf(ctx), purchaseId, amountCents, reason);
  }

  @Authorized('billing.repair')
  @Mutation(() => ReplayResultGql, { description: 'ADMIN, audited: processes a stored webhook event again (idempotent)' })
  async replayStripeEvent(
    @Arg('eventId', () => ID) eventId: string,
    @TextArg('reason', { max: 500, required: true }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<ReplayResultGql> {
    const actor = principalOf(ctx);
    const { event, result } = await ctx.services.billing.webhooks.replay(actor, eventId, reason);
    return { event, outcome: result.outcome };
  }

  @Authorized('billing.inspect')
  @Query(() => [StripeEventGql], { description: 'SUPPORT+: webhook events that failed or never finished, newest first' })
  async failedStripeEvents(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
  ): Promise<StripeEventGql[]> {
    return ctx.services.billing.webhooks.unprocessed(first);
  }

  @Authorized('billing.inspect')
  @Query(() => [PurchaseGql], {
    description: 'SUPPORT+: PENDING purchases that reached Stripe and are older than N minutes (stuck after an outage?)',
  })
  async stalePurchases(
    @Ctx() ctx: Context,
    @Arg('olderThanMinutes', () => Int, { nullable: true, defaultValue: 15 }) olderThanMinutes: number,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first: number,
  ): Promise<PurchaseGql[]> {
    return ctx.services.billing.webhooks.stalePurchases(olderThanMinutes, first);
  }

  @Authorized('billing.repair')
  @Mutation(() => [RefulfilResultGql], {
    description: 'ADMIN, audited: refulfillPurchase for every stale PENDING purchase (outage recovery)',
  })
  async refulfillStalePurchases(
    @TextArg('reason', { max: 500, required: true }) reason: string,
    @Ctx() ctx: Context,
    @Arg('olderThanMinutes', () => Int, { nullable: true, defaultValue: 15 }) olderThanMinutes: number,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first: number,
  ): Promise<RefulfilResultGql[]> {
    return ctx.services.billing.webhooks.refulfilStale(principalOf(ctx), olderThanMinutes, first, reason);
  }

  @Authorized('billing.inspect')
  @Query(() => [NegativeBalanceGql], { description: 'SUPPORT+ (FINANCE, ADMIN): accounts below zero (refunds of spent credits)' })
  async negativeBalances(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first: number,
  ): Promise<NegativeBalanceGql[]> {
    return ctx.services.billing.negativeBalances(first);
  }
}

@Resolver(() => AccountGql)
export class AccountBillingResolver {
  @FieldResolver(() => [PurchaseGql], { description: 'Newest first' })
  async purchases(@Root() account: AccountGql, @Ctx() ctx: Context): Promise<PurchaseGql[]> {
    return ctx.services.billing.purchases(account.id);
  }

  @FieldResolver(() => AutoRechargeGql, { nullable: true, description: 'Null until set' })
  async autoRecharge(@Root() account: AccountGql, @Ctx() ctx: Context): Promise<AutoRechargeGql | null> {
    return ctx.services.billing.autoRecharge.settings(account.id);
  }
}

/** What the console's purchase page shows beside the purchase: whose it is, its ledger entries, its disputes. */
@Resolver(() => PurchaseGql)
export class PurchaseDetailsResolver {
  /** Whoever may read the purchase (its account, SUPPORT+) may see whose it is. */
  @FieldResolver(() => String, { nullable: true, description: "The buyer's email (a team's name for a team purchase)" })
  async accountEmail(@Root() purchase: PurchaseGql, @Ctx() ctx: Context): Promise<string | null> {
    const account = await ctx.loaders.account.load(purchase.accountId);
    return account?.email ?? account?.name ?? null;
  }

  @FieldResolver(() => [LedgerEntryGql], { description: 'The PURCHASE entry, then its REFUND and REVERSAL entries, oldest first' })
  async ledgerEntries(@Root() purchase: PurchaseGql, @Ctx() ctx: Context): Promise<LedgerEntryGql[]> {
    return ctx.services.ledger.entriesReferencing(purchase.accountId, purchase.id);
  }

  @FieldResolver(() => [PurchaseDisputeGql], { description: 'Oldest first' })
  async disputes(@Root() purchase: PurchaseGql, @Ctx() ctx: Context): Promise<PurchaseDisputeGql[]> {
    return ctx.services.billing.disputesOf(purchase.id);
  }
}
