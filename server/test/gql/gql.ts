/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

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
    "\n  mutation Charge($input: RecordUsageInput!) {\n    recordUsage(input: $input) { id chargedMillicredits }\n  }\n": typeof types.ChargeDocument,
    "\n  mutation RecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id model inputTokens cachedInputTokens outputTokens inputPer1k cachedInputPer1k outputPer1k\n      chargedMillicredits costUsd idempotencyKey\n    }\n  }\n": typeof types.RecordUsageDocument,
    "\n  query MyBalance {\n    me { id balance { balanceMillicredits heldMillicredits availableMillicredits balanceCredits balanceUsd } }\n  }\n": typeof types.MyBalanceDocument,
};
const documents: Documents = {
    "\n  mutation Charge($input: RecordUsageInput!) {\n    recordUsage(input: $input) { id chargedMillicredits }\n  }\n": types.ChargeDocument,
    "\n  mutation RecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id model inputTokens cachedInputTokens outputTokens inputPer1k cachedInputPer1k outputPer1k\n      chargedMillicredits costUsd idempotencyKey\n    }\n  }\n": types.RecordUsageDocument,
    "\n  query MyBalance {\n    me { id balance { balanceMillicredits heldMillicredits availableMillicredits balanceCredits balanceUsd } }\n  }\n": types.MyBalanceDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Charge($input: RecordUsageInput!) {\n    recordUsage(input: $input) { id chargedMillicredits }\n  }\n"): (typeof documents)["\n  mutation Charge($input: RecordUsageInput!) {\n    recordUsage(input: $input) { id chargedMillicredits }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id model inputTokens cachedInputTokens outputTokens inputPer1k cachedInputPer1k outputPer1k\n      chargedMillicredits costUsd idempotencyKey\n    }\n  }\n"): (typeof documents)["\n  mutation RecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id model inputTokens cachedInputTokens outputTokens inputPer1k cachedInputPer1k outputPer1k\n      chargedMillicredits costUsd idempotencyKey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyBalance {\n    me { id balance { balanceMillicredits heldMillicredits availableMillicredits balanceCredits balanceUsd } }\n  }\n"): (typeof documents)["\n  query MyBalance {\n    me { id balance { balanceMillicredits heldMillicredits availableMillicredits balanceCredits balanceUsd } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;