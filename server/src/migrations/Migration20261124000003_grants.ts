import { Migration } from '@mikro-orm/migrations';

/**
 * Grants (every credit that arrives, burned down by debits in a fixed order), the append-only
 * record of which grant paid for which debit, and promo codes with their redemptions.
 * Grant rows are mutable state like `accounts` (their `remaining` is a cache of the allocations);
 * every write to them happens under the owning account row's lock.
 */
export class Migration20261124000003_grants extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table grants (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id),
  kind text not null check (kind in ('PURCHASE', 'PROMO', 'BONUS', 'ADJUSTMENT', 'REVERSAL', 'OPENING')),
  source_transaction_id uuid unique references ledger_transactions (id),
  amount bigint not null check (amount > 0),
  remaining bigint not null check (remaining >= 0 and remaining <= amount),
  priority int not null,
  expires_at timestamptz,
  expired_at timestamptz,
  voided_at timestamptz,
  created_at timestamptz not null default clock_timestamp()
);`);
    this.addSql(`comment on column grants.priority is 'lower burns first; then soonest expiry (nulls last), oldest, id';`);
    this.addSql(`create index grants_burn_order on grants (account_id, priority, expires_at, created_at, id) where remaining > 0;`);
    this.addSql(`create index grants_account on grants (account_id, created_at desc);`);
    this.addSql(`create index grants_due on grants (expires_at) where remaining > 0 and expires_at is not null;`);

    this.addSql(`
create table grant_allocations (
  id bigint generated always as identity primary key,
  account_id uuid not null references accounts (id),
  grant_id uuid not null references grants (id),
  transaction_id uuid not null references ledger_transactions (id),
  amount bigint not null check (amount > 0),
  purpose text not null check (purpose in ('DEBIT', 'DEBT')),
  created_at timestamptz not null default now()
);`);
    this.addSql(
      `comment on column grant_allocations.purpose is 'DEBIT: the grant paid (part of) the debit transaction_id; DEBT: the credit transaction_id (this grant''s own) covered an earlier unfunded debit';`,
    );
    this.addSql(`create index grant_allocations_grant on grant_allocations (grant_id);`);
    this.addSql(`create index grant_allocations_transaction on grant_allocations (transaction_id);`);

    this.addSql(`
create table promo_codes (
  id uuid primary key default gen_random_uuid(),
  code text not null,
  credits bigint not null check (credits > 0),
  max_redemptions int check (max_redemptions > 0),
  redemptions int not null default 0 check (redemptions >= 0),
  expires_at timestamptz,
  grant_valid_days int check (grant_valid_days > 0),
  created_by uuid,
  created_at timestamptz not null default now(),
  check (max_redemptions is null or redemptions <= max_redemptions)
);`);
    this.addSql(`create unique index promo_codes_code on promo_codes (upper(code));`);
    this.addSql(`
create table promo_redemptions (
  id bigint generated always as identity primary key,
  promo_code_id uuid not null references promo_codes (id),
  account_id uuid not null references accounts (id),
  transaction_id uuid not null references ledger_transactions (id),
  created_at timestamptz not null default now(),
  constraint promo_redemptions_once unique (account_id, promo_code_id)
);`);

    for (const table of ['grant_allocations', 'promo_redemptions']) {
      this.addSql(
        `create trigger ${table}_append_only before update or delete on ${table} for each row execute function creditmeter_reject_mutation();`,
      );
      this.addSql(
        `create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function creditmeter_reject_mutation();`,
      );
    }

    // Credits that predate grants become one opening grant per account, so the invariant
    // (sum of remainders = posted balance when >= 0) holds from the first charge on.
    this.addSql(`
insert into grants (account_id, kind, amount, remaining, priority)
select id, 'OPENING', posted, posted, 100 from accounts where kind = 'CUSTOMER' and posted > 0;`);
  }
}
