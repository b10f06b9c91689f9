/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type RecordUsageInput = {
  /** Omitted: the caller's account; another account needs ADMIN */
  accountId?: string | number | null | undefined;
  cachedInputTokens?: number | null | undefined;
  idempotencyKey: string;
  /** Uncached input tokens */
  inputTokens: number;
  model: string;
  outputTokens: number;
};

export type ChargeMutationVariables = Exact<{
  input: RecordUsageInput;
}>;


export type ChargeMutation = { recordUsage: { id: string, chargedMillicredits: string } };

export type RecordUsageMutationVariables = Exact<{
  input: RecordUsageInput;
}>;


export type RecordUsageMutation = { recordUsage: { id: string, model: string, inputTokens: number, cachedInputTokens: number, outputTokens: number, inputPer1k: string, cachedInputPer1k: string, outputPer1k: string, chargedMillicredits: string, costUsd: string, idempotencyKey: string } };

export type MyBalanceQueryVariables = Exact<{ [key: string]: never; }>;


export type MyBalanceQuery = { me: { id: string, balance: { balanceMillicredits: string, heldMillicredits: string, availableMillicredits: string, balanceCredits: number, balanceUsd: number } } };


export const ChargeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Charge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordUsageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordUsage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"chargedMillicredits"}}]}}]}}]} as unknown as DocumentNode<ChargeMutation, ChargeMutationVariables>;
export const RecordUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordUsage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordUsageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordUsage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"cachedInputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"inputPer1k"}},{"kind":"Field","name":{"kind":"Name","value":"cachedInputPer1k"}},{"kind":"Field","name":{"kind":"Name","value":"outputPer1k"}},{"kind":"Field","name":{"kind":"Name","value":"chargedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}}]}}]} as unknown as DocumentNode<RecordUsageMutation, RecordUsageMutationVariables>;
export const MyBalanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balanceMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"heldMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"availableMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"balanceCredits"}},{"kind":"Field","name":{"kind":"Name","value":"balanceUsd"}}]}}]}}]}}]} as unknown as DocumentNode<MyBalanceQuery, MyBalanceQueryVariables>;