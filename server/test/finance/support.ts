import { randomUUID } from 'node:crypto';
import type { TestDatabase } from '../support/db.js';

/**
 * Posts a balanced customer movement at a chosen time with raw SQL (the ledger is append-only, so
 * back-dated history can only be written this way in tests). One statement: the account's cached
 * balance, the transaction and both postings move together, like the real posting statement.
 */
export async function postAt(
  db: TestDatabase,
  accountId: string,
  type: string,
  counterparty: string,
  delta: bigint,
  at: Date,
  referenceId: string | null = null,
): Promise<string> {
  const txId = randomUUID();
  await db.query(
    `with acct as (
       update accounts set posted = posted + $1::bigint where id = $2::uuid returning id, posted
     ), tx as (
       insert into ledger_transactions (id, account_id, type, reference_id, reason, created_at)
       select $3::uuid, id, $4, $6, 'back-dated test entry', $5::timestamptz from acct returning id
     )
     insert into ledger_postings (transaction_id, account_id, amount, balance_after, created_at)
     select tx.id, acct.id, $1::bigint, acct.posted, $5::timestamptz from tx, acct
     union all
     select tx.id, (select id from accounts where system_code = $7), -($1::bigint), null, $5::timestamptz from tx`,
    [delta.toString(), accountId, txId, type, at.toISOString(), referenceId, counterparty],
  );
  return txId;
}

/** A usage row (with its USAGE transaction and postings) at a chosen time, priced like test-model. */
export async function usageAt(
  db: TestDatabase,
  accountId: string,
  model: string,
  charged: bigint,
  cost: bigint,
  at: Date,
  tokens = { i: 100n, c: 0n, o: 10n },
) {
  const txId = randomUUID();
  await db.query(
    `with acct as (
       update accounts set posted = posted - $1::bigint where id = $2::uuid returning id, posted
     ), tx as (
       insert into ledger_transactions (id, account_id, type, idempotency_key, created_at)
       select $3::uuid, id, 'USAGE', 'usage:' || $3, $4::timestamptz from acct returning id
     ), postings as (
       insert into ledger_postings (transaction_id, account_id, amount, balance_after, created_at)
       select tx.id, acct.id, -($1::bigint), acct.posted, $4::timestamptz from tx, acct
       union all
       select tx.id, (select id from accounts where system_code = 'consumption'), $1::bigint, null, $4::timestamptz from tx
       returning id
     )
     insert into usage_records (account_id, transaction_id, rate_card_id, model, input_tokens, cached_input_tokens, output_tokens,
       input_per1k, cached_input_per1k, output_per1k, cost_input_per1k, cost_cached_input_per1k, cost_output_per1k,
       charged, cost_micro_usd, idempotency_key, request_hash, created_at)
     select acct.id, tx.id, (select id from rate_cards order by version desc limit 1), $5, $7::bigint, $8::bigint, $9::bigint,
       2400, 1200, 9600, 1000, 500, 4000, $1::bigint, $6::bigint, $3::text, 'x', $4::timestamptz from tx, acct`,
    [
      charged.toString(),
      accountId,
      txId,
      at.toISOString(),
      model,
      cost.toString(),
      tokens.i.toString(),
      tokens.c.toString(),
      tokens.o.toString(),
    ],
  );
  return txId;
}
