import { Migration } from '@mikro-orm/migrations';

/**
 * Stripe disputes (chargebacks) of purchases: one row per Stripe dispute id, the credits it took
 * back (a REFUND entry linked to the purchase) and, when the dispute was won, the REVERSAL that
 * gave them back. The ids make both movements happen once whatever Stripe redelivers.
 */
export class Migration20261125900001_disputes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table purchase_disputes (
  id text primary key check (id <> '' and length(id) <= 255),
  purchase_id uuid not null references purchases (id),
  account_id uuid not null references accounts (id),
  amount_cents bigint not null check (amount_cents >= 0),
  credits bigint not null check (credits >= 0),
  status text not null check (status in ('OPEN', 'WON', 'LOST')),
  reason text,
  debit_transaction_id uuid unique references ledger_transactions (id),
  restore_transaction_id uuid unique references ledger_transactions (id),
  opened_at timestamptz not null default now(),
  closed_at timestamptz,
  check ((credits = 0) = (debit_transaction_id is null)),
  check ((status = 'WON' and credits > 0) = (restore_transaction_id is not null)),
  check ((status = 'OPEN') = (closed_at is null))
);`);
    this.addSql(`create index purchase_disputes_purchase on purchase_disputes (purchase_id);`);
    this.addSql(`create index purchase_disputes_account on purchase_disputes (account_id, opened_at desc);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table purchase_disputes;`);
  }
}
