import { inject } from 'vitest';

/** GraphQL from the test itself (setting up data, checking figures), with a key. */
export async function gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, key = inject('adminKey')): Promise<T> {
  const res = await fetch(`${inject('baseUrl')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (body.errors?.length) throw Object.assign(new Error(body.errors[0].message), { code: body.errors[0].extensions?.code });
  return body.data as T;
}

let n = 0;
/** A fresh customer account with a USER key and an opening balance (ADMIN adjustment). */
export async function customer(millicredits: bigint, label = 'customer') {
  const email = `${label}-${Date.now()}-${++n}@e2e.test`;
  const { createAccount } = await gql<{ createAccount: { id: string } }>(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, { input: { email, name: `${label} ${n}` } });
  const { createApiKey } = await gql<{ createApiKey: { key: string } }>(`mutation($id: ID!) { createApiKey(accountId: $id, role: USER) { key } }`, { id: createAccount.id });
  if (millicredits !== 0n)
    await gql(`mutation($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`, {
      input: { accountId: createAccount.id, amountMillicredits: millicredits.toString(), reason: 'e2e opening balance' },
    });
  return { id: createAccount.id, email, key: createApiKey.key };
}

export async function charge(key: string, model: string, inputTokens: number, outputTokens: number) {
  return gql<{ recordUsage: { chargedMillicredits: string } }>(
    `mutation($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }`,
    { input: { model, inputTokens, outputTokens, idempotencyKey: `e2e-${Date.now()}-${Math.random()}` } },
    key,
  );
}
