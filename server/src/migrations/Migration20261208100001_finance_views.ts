import { Migration } from '@mikro-orm/migrations';

/**
 * The read-only door through which finance/, statements/ and reconciliation/ see other features'
 * tables (issue 21: "reports read views or a read model, never another feature's tables"). Each
 * view names only the columns the reports read, so an owner can change the rest freely and the
 * reports' dependency on each table is written down here. They are plain projections: PostgreSQL
 * inlines them into the query, so the plans (and their indexes) are those of the tables.
 */
const VIEWS: { name: string; purpose: string; select: string }[] = [
  {
    name: 'finance_accounts_v',
    purpose: 'Accounts as the reports see them: who (name, email), customer or SYSTEM (which one), cached balances.',
    select: `select id, kind, system_code, name, email, posted, pending from accounts`,
  },
  {
    name: 'finance_api_keys_v',
    purpose: 'An API key as a report row names it: its label, else its public prefix.',
    select: `select id, coalesce(label, key_prefix) as label from api_keys`,
  },
  {
    name: 'finance_usage_v',
    purpose: 'Usage rows: the rollups fold them by seq, statements and reconciliation read them by time.',
    select: `select seq, id, transaction_id, created_at, account_id, model, api_key_id, member_account_id,
                    input_tokens, cached_input_tokens, output_tokens, cache_write_input_tokens, cache_write_1h_input_tokens,
                    audio_input_tokens, audio_output_tokens, image_input_tokens, reasoning_tokens,
                    charged, cost_micro_usd, input_per1k, cached_input_per1k, output_per1k
               from usage_records`,
  },
  {
    name: 'finance_postings_v',
    purpose: "The ledger's postings (amounts signed, balance after), folded by the rollups and read by statements.",
    select: `select id, transaction_id, account_id, amount, balance_after, created_at from ledger_postings`,
  },
  {
    name: 'finance_transactions_v',
    purpose: "The ledger's entries: type, what they refer to (a purchase), why, and when.",
    select: `select id, account_id, type, reference_id, reason, idempotency_key, reversal_of_id, created_at from ledger_transactions`,
  },
  {
    name: 'finance_grants_v',
    purpose: 'Grants and their remainders: which credits are paid, promotional or goodwill (liability, deferred revenue).',
    select: `select id, kind, amount, remaining, expires_at, expired_at, voided_at, source_transaction_id, created_at from grants`,
  },
  {
    name: 'finance_grant_allocations_v',
    purpose: 'Which grant each debit burned, for the deferred revenue sections.',
    select: `select grant_id, transaction_id, account_id, purpose, amount, created_at from grant_allocations`,
  },
  {
    name: 'finance_purchases_v',
    purpose: 'Purchases: what was paid in cents (tax, refunds), the receipt and invoice, and the entry that fulfilled it.',
    select: `select id, account_id, status, kind, credits, amount_cents, amount_paid_cents, total_cents, tax_cents, refunded_cents,
                    receipt_url, invoice_url, stripe_payment_intent_id, transaction_id, fulfilled_at
               from purchases`,
  },
  {
    name: 'finance_purchase_disputes_v',
    purpose: 'Disputes: the credits and cents taken back, and the entries that took and gave them back.',
    select: `select id, account_id, purchase_id, status, credits, amount_cents, debit_transaction_id, restore_transaction_id
               from purchase_disputes`,
  },
  {
    name: 'finance_audit_log_v',
    purpose: 'Audit rows by action, for the check that every discretionary ledger entry was audited.',
    select: `select id, action, after from audit_log`,
  },
];

export class Migration20261208100001_finance_views extends Migration {
  override async up(): Promise<void> {
    for (const v of VIEWS) {
      this.addSql(`create view ${v.name} as ${v.select};`);
      this.addSql(`comment on view ${v.name} is '${v.purpose.replace(/'/g, "''")}';`);
    }
  }

  override async down(): Promise<void> {
    for (const v of [...VIEWS].reverse()) this.addSql(`drop view if exists ${v.name};`);
  }
}
