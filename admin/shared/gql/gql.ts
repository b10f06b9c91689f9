/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query CreditsPage {\n    me {\n      id\n      email\n      name\n      balance { accountId balanceMillicredits availableMillicredits heldMillicredits updatedAt }\n      autoRecharge {\n        enabled hasPaymentMethod thresholdMillicredits packId targetBalanceMillicredits\n        monthlyLimitCents spentThisMonthCents notice noticeAt\n      }\n      purchases {\n        id createdAt packId creditsMillicredits amountCents amountPaidCents currency status\n        receiptUrl refundedCents kind\n      }\n    }\n    creditPacks { id name priceCents creditsMillicredits }\n  }\n": typeof types.CreditsPageDocument,
    "\n  query CreditsUsage($first: Int!, $after: String) {\n    me {\n      id\n      usage(first: $first, after: $after) {\n        edges { node { id createdAt model chargedMillicredits inputTokens cachedInputTokens outputTokens } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.CreditsUsageDocument,
    "\n  subscription CreditsBalance {\n    balanceUpdated { accountId balanceMillicredits availableMillicredits heldMillicredits updatedAt }\n  }\n": typeof types.CreditsBalanceDocument,
    "\n  mutation BuyPack($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) { id url testMode }\n  }\n": typeof types.BuyPackDocument,
    "\n  mutation RedeemPromo($code: String!) {\n    redeemPromoCode(code: $code) { id amountMillicredits balanceAfterMillicredits }\n  }\n": typeof types.RedeemPromoDocument,
    "\n  mutation SetOwnAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) {\n      enabled hasPaymentMethod thresholdMillicredits packId targetBalanceMillicredits\n      monthlyLimitCents spentThisMonthCents notice noticeAt\n    }\n  }\n": typeof types.SetOwnAutoRechargeDocument,
};
const documents: Documents = {
    "\n  query CreditsPage {\n    me {\n      id\n      email\n      name\n      balance { accountId balanceMillicredits availableMillicredits heldMillicredits updatedAt }\n      autoRecharge {\n        enabled hasPaymentMethod thresholdMillicredits packId targetBalanceMillicredits\n        monthlyLimitCents spentThisMonthCents notice noticeAt\n      }\n      purchases {\n        id createdAt packId creditsMillicredits amountCents amountPaidCents currency status\n        receiptUrl refundedCents kind\n      }\n    }\n    creditPacks { id name priceCents creditsMillicredits }\n  }\n": types.CreditsPageDocument,
    "\n  query CreditsUsage($first: Int!, $after: String) {\n    me {\n      id\n      usage(first: $first, after: $after) {\n        edges { node { id createdAt model chargedMillicredits inputTokens cachedInputTokens outputTokens } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.CreditsUsageDocument,
    "\n  subscription CreditsBalance {\n    balanceUpdated { accountId balanceMillicredits availableMillicredits heldMillicredits updatedAt }\n  }\n": types.CreditsBalanceDocument,
    "\n  mutation BuyPack($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) { id url testMode }\n  }\n": types.BuyPackDocument,
    "\n  mutation RedeemPromo($code: String!) {\n    redeemPromoCode(code: $code) { id amountMillicredits balanceAfterMillicredits }\n  }\n": types.RedeemPromoDocument,
    "\n  mutation SetOwnAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) {\n      enabled hasPaymentMethod thresholdMillicredits packId targetBalanceMillicredits\n      monthlyLimitCents spentThisMonthCents notice noticeAt\n    }\n  }\n": types.SetOwnAutoRechargeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditsPage {\n    me {\n      id\n      email\n      name\n      balance { accountId balanceMillicredits availableMillicredits heldMillicredits updatedAt }\n      autoRecharge {\n        enabled hasPaymentMethod thresholdMillicredits packId targetBalanceMillicredits\n        monthlyLimitCents spentThisMonthCents notice noticeAt\n      }\n      purchases {\n        id createdAt packId creditsMillicredits amountCents amountPaidCents currency status\n        receiptUrl refundedCents kind\n      }\n    }\n    creditPacks { id name priceCents creditsMillicredits }\n  }\n"): typeof import('./graphql.js').CreditsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditsUsage($first: Int!, $after: String) {\n    me {\n      id\n      usage(first: $first, after: $after) {\n        edges { node { id createdAt model chargedMillicredits inputTokens cachedInputTokens outputTokens } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql.js').CreditsUsageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CreditsBalance {\n    balanceUpdated { accountId balanceMillicredits availableMillicredits heldMillicredits updatedAt }\n  }\n"): typeof import('./graphql.js').CreditsBalanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BuyPack($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) { id url testMode }\n  }\n"): typeof import('./graphql.js').BuyPackDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeemPromo($code: String!) {\n    redeemPromoCode(code: $code) { id amountMillicredits balanceAfterMillicredits }\n  }\n"): typeof import('./graphql.js').RedeemPromoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOwnAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) {\n      enabled hasPaymentMethod thresholdMillicredits packId targetBalanceMillicredits\n      monthlyLimitCents spentThisMonthCents notice noticeAt\n    }\n  }\n"): typeof import('./graphql.js').SetOwnAutoRechargeDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
