/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type PurchaseStatus =
  | 'FAILED'
  | 'FULFILLED'
  | 'PARTIALLY_REFUNDED'
  | 'PENDING'
  | 'REFUNDED';

export type SetAutoRechargeInput = {
  /** Omitted: the caller's account; another account needs ADMIN */
  accountId?: string | number | null | undefined;
  enabled: boolean;
  monthlyLimitCents: number;
  packId?: string | number | null | undefined;
  targetBalanceMillicredits?: string | null | undefined;
  thresholdMillicredits: string;
};

export type CreditsPageQueryVariables = Exact<{ [key: string]: never; }>;


export type CreditsPageQuery = { me: { id: string, email: string, name: string | null, balance: { accountId: string, balanceMillicredits: string, availableMillicredits: string, heldMillicredits: string, updatedAt: string }, autoRecharge: { enabled: boolean, hasPaymentMethod: boolean, thresholdMillicredits: string, packId: string | null, targetBalanceMillicredits: string | null, monthlyLimitCents: number, spentThisMonthCents: number, notice: string | null, noticeAt: string | null } | null, purchases: Array<{ id: string, createdAt: string, packId: string, creditsMillicredits: string, amountCents: number, amountPaidCents: number | null, currency: string, status: PurchaseStatus, receiptUrl: string | null, refundedCents: number, kind: string }> }, creditPacks: Array<{ id: string, name: string, priceCents: number, creditsMillicredits: string }> };

export type CreditsUsageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type CreditsUsageQuery = { me: { id: string, usage: { edges: Array<{ node: { id: string, createdAt: string, model: string, chargedMillicredits: string, inputTokens: number, cachedInputTokens: number, outputTokens: number } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type CreditsBalanceSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type CreditsBalanceSubscription = { balanceUpdated: { accountId: string, balanceMillicredits: string, availableMillicredits: string, heldMillicredits: string, updatedAt: string } };

export type BuyPackMutationVariables = Exact<{
  packId: string | number;
  returnTo?: string | null | undefined;
}>;


export type BuyPackMutation = { createCheckoutSession: { id: string, url: string, testMode: boolean } };

export type RedeemPromoMutationVariables = Exact<{
  code: string;
}>;


export type RedeemPromoMutation = { redeemPromoCode: { id: string, amountMillicredits: string, balanceAfterMillicredits: string } };

export type SetOwnAutoRechargeMutationVariables = Exact<{
  input: SetAutoRechargeInput;
}>;


export type SetOwnAutoRechargeMutation = { setAutoRecharge: { enabled: boolean, hasPaymentMethod: boolean, thresholdMillicredits: string, packId: string | null, targetBalanceMillicredits: string | null, monthlyLimitCents: number, spentThisMonthCents: number, notice: string | null, noticeAt: string | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const CreditsPageDocument = new TypedDocumentString(`
    query CreditsPage {
  me {
    id
    email
    name
    balance {
      accountId
      balanceMillicredits
      availableMillicredits
      heldMillicredits
      updatedAt
    }
    autoRecharge {
      enabled
      hasPaymentMethod
      thresholdMillicredits
      packId
      targetBalanceMillicredits
      monthlyLimitCents
      spentThisMonthCents
      notice
      noticeAt
    }
    purchases {
      id
      createdAt
      packId
      creditsMillicredits
      amountCents
      amountPaidCents
      currency
      status
      receiptUrl
      refundedCents
      kind
    }
  }
  creditPacks {
    id
    name
    priceCents
    creditsMillicredits
  }
}
    `) as unknown as TypedDocumentString<CreditsPageQuery, CreditsPageQueryVariables>;
export const CreditsUsageDocument = new TypedDocumentString(`
    query CreditsUsage($first: Int!, $after: String) {
  me {
    id
    usage(first: $first, after: $after) {
      edges {
        node {
          id
          createdAt
          model
          chargedMillicredits
          inputTokens
          cachedInputTokens
          outputTokens
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CreditsUsageQuery, CreditsUsageQueryVariables>;
export const CreditsBalanceDocument = new TypedDocumentString(`
    subscription CreditsBalance {
  balanceUpdated {
    accountId
    balanceMillicredits
    availableMillicredits
    heldMillicredits
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<CreditsBalanceSubscription, CreditsBalanceSubscriptionVariables>;
export const BuyPackDocument = new TypedDocumentString(`
    mutation BuyPack($packId: ID!, $returnTo: String) {
  createCheckoutSession(packId: $packId, returnTo: $returnTo) {
    id
    url
    testMode
  }
}
    `) as unknown as TypedDocumentString<BuyPackMutation, BuyPackMutationVariables>;
export const RedeemPromoDocument = new TypedDocumentString(`
    mutation RedeemPromo($code: String!) {
  redeemPromoCode(code: $code) {
    id
    amountMillicredits
    balanceAfterMillicredits
  }
}
    `) as unknown as TypedDocumentString<RedeemPromoMutation, RedeemPromoMutationVariables>;
export const SetOwnAutoRechargeDocument = new TypedDocumentString(`
    mutation SetOwnAutoRecharge($input: SetAutoRechargeInput!) {
  setAutoRecharge(input: $input) {
    enabled
    hasPaymentMethod
    thresholdMillicredits
    packId
    targetBalanceMillicredits
    monthlyLimitCents
    spentThisMonthCents
    notice
    noticeAt
  }
}
    `) as unknown as TypedDocumentString<SetOwnAutoRechargeMutation, SetOwnAutoRechargeMutationVariables>;