import { Migration } from '@mikro-orm/migrations';

/**
 * Stripe purchases: purchase rows (the server's own record of what a session must pay and
 * credit), the webhook inbox (event id unique: an outage or crash loses nothing, a repeat is seen),
 * saved Stripe customers and auto-recharge settings. The ledger stays the truth for credits;
 * a purchase row's status is a convenience view and is updated in the ledger's transaction.
 */
export class Migration20261124000002_billing extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table purchases (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id),
  kind text not null check (kind in ('CHECKOUT', 'AUTO_RECHARGE', 'TEST_CHECKOUT')),
  pack_id text not null,
  status text not null default 'PENDING'
    check (status in ('PENDING', 'FULFILLED', 'REFUNDED', 'PARTIALLY_REFUNDED', 'FAILED')),
  amount_cents bigint not null check (amount_cents > 0),
  currency text not null default 'usd',
  credits bigint not null check (credits > 0),
  amount_paid_cents bigint check (amount_paid_cents >= 0),
  discount_cents bigint not null default 0 check (discount_cents >= 0),
  refunded_cents bigint not null default 0 check (refunded_cents >= 0),
  refunded_credits bigint not null default 0 check (refunded_credits >= 0 and refunded_credits <= credits),
  stripe_checkout_session_id text unique,
  stripe_payment_intent_id text unique,
  stripe_customer_id text,
  receipt_url text,
  transaction_id uuid references ledger_transactions (id),
  failure_reason text,
  return_to text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  fulfilled_at timestamptz
);`);
    this.addSql(`create index purchases_account on purchases (account_id, created_at desc);`);
    this.addSql(`create index purchases_pending on purchases (created_at) where status = 'PENDING';`);

    this.addSql(`
create table stripe_events (
  id text primary key,
  type text not null,
  source text not null default 'STRIPE' check (source in ('STRIPE', 'TEST_MODE', 'STAFF')),
  livemode boolean not null default false,
  payload jsonb not null,
  status text not null default 'RECEIVED' check (status in ('RECEIVED', 'PROCESSED', 'FAILED', 'IGNORED')),
  attempts int not null default 0,
  last_error text,
  purchase_id uuid,
  received_at timestamptz not null default now(),
  processed_at timestamptz
);`);
    this.addSql(`create index stripe_events_failed on stripe_events (received_at desc) where status in ('FAILED', 'RECEIVED');`);
    this.addSql(
      `comment on table stripe_events is 'webhook inbox: every verified event, stored before it is processed; payload is never logged';`,
    );

    this.addSql(`
create table billing_customers (
  account_id uuid primary key references accounts (id),
  stripe_customer_id text not null unique,
  payment_method_id text,
  updated_at timestamptz not null default now()
);`);

    this.addSql(`
create table auto_recharge_settings (
  account_id uuid primary key references accounts (id),
  enabled boolean not null default false,
  threshold bigint not null check (threshold >= 0),
  pack_id text,
  target_balance bigint check (target_balance > 0),
  monthly_limit_cents bigint not null check (monthly_limit_cents >= 0),
  last_attempt_at timestamptz,
  notice text,
  notice_at timestamptz,
  updated_at timestamptz not null default now(),
  check ((pack_id is null) <> (target_balance is null))
);`);
  }
}
