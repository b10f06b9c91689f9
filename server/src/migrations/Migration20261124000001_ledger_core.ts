import { Migration } from '@mikro-orm/migrations';

/**
 * The ledger core: accounts with cached posted/pending balances, an append-only double-entry
 * journal (transactions + postings), API keys, rate cards, model switches, usage rows and the
 * audit log. Append-only and balanced postings are enforced here, in the database.
 */
export class Migration20261124000001_ledger_core extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create function creditmeter_reject_mutation() returns trigger language plpgsql as $$
begin
  raise exception 'table % is append-only: % is not allowed (post a reversal instead)', TG_TABLE_NAME, TG_OP
    using errcode = 'P0001', hint = 'append_only';
end $$;`);

    this.addSql(`
create table accounts (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('CUSTOMER', 'SYSTEM')),
  system_code text unique,
  email text,
  name text,
  posted bigint not null default 0,
  pending bigint not null default 0 check (pending >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((kind = 'SYSTEM') = (system_code is not null))
);`);
    this.addSql(`create unique index accounts_email_unique on accounts (lower(email)) where kind = 'CUSTOMER';`);
    this.addSql(`
insert into accounts (kind, system_code, name) values
  ('SYSTEM', 'sales', 'Credit pack sales'),
  ('SYSTEM', 'consumption', 'Metered usage'),
  ('SYSTEM', 'promotions', 'Bonus and promotional credits'),
  ('SYSTEM', 'adjustments', 'Staff adjustments'),
  ('SYSTEM', 'refunds', 'Refunds'),
  ('SYSTEM', 'expiry', 'Expired credits');`);

    this.addSql(`
create table api_keys (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id),
  role text not null check (role in ('USER', 'SUPPORT', 'FINANCE', 'ADMIN')),
  key_hash text not null unique,
  key_prefix text not null,
  label text,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);`);
    this.addSql(`create index api_keys_account on api_keys (account_id);`);

    this.addSql(`
create table ledger_transactions (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id),
  type text not null check (type in ('PURCHASE', 'USAGE', 'REFUND', 'ADJUSTMENT', 'BONUS', 'PROMO', 'REVERSAL', 'EXPIRY')),
  idempotency_key text,
  request_hash text,
  reference_id text,
  reason text,
  actor_key_id uuid,
  reversal_of_id uuid references ledger_transactions (id),
  created_at timestamptz not null default now(),
  constraint ledger_transactions_idempotency unique (account_id, idempotency_key)
);`);
    this.addSql(`create index ledger_transactions_reversal on ledger_transactions (reversal_of_id) where reversal_of_id is not null;`);
    this.addSql(`create unique index ledger_transactions_one_reversal on ledger_transactions (reversal_of_id) where type = 'REVERSAL';`);

    this.addSql(`
create table ledger_postings (
  id bigint generated always as identity primary key,
  transaction_id uuid not null references ledger_transactions (id),
  account_id uuid not null references accounts (id),
  amount bigint not null,
  balance_after bigint,
  created_at timestamptz not null default now()
);`);
    this.addSql(
      `comment on column ledger_postings.balance_after is 'customer accounts only: system account balances are derived, never cached';`,
    );
    this.addSql(`create index ledger_postings_account on ledger_postings (account_id, id desc);`);
    this.addSql(`create index ledger_postings_transaction on ledger_postings (transaction_id);`);

    // Every transaction must be balanced and have at least two postings, checked at commit.
    this.addSql(`
create function creditmeter_check_balanced() returns trigger language plpgsql as $$
declare
  tx uuid;
  total numeric;
  n int;
begin
  if TG_TABLE_NAME = 'ledger_transactions' then tx := NEW.id; else tx := NEW.transaction_id; end if;
  select coalesce(sum(amount), 0), count(*) into total, n from ledger_postings where transaction_id = tx;
  if total <> 0 or n < 2 then
    raise exception 'ledger transaction % is unbalanced (sum %, % postings)', tx, total, n
      using errcode = 'P0001', hint = 'unbalanced';
  end if;
  return null;
end $$;`);
    this.addSql(
      `create constraint trigger ledger_postings_balanced after insert on ledger_postings deferrable initially deferred for each row execute function creditmeter_check_balanced();`,
    );
    this.addSql(
      `create constraint trigger ledger_transactions_have_postings after insert on ledger_transactions deferrable initially deferred for each row execute function creditmeter_check_balanced();`,
    );

    this.addSql(`
create table rate_cards (
  id uuid primary key default gen_random_uuid(),
  version int generated always as identity unique,
  name text not null,
  enabled boolean not null default true,
  created_by uuid,
  created_at timestamptz not null default now()
);`);
    this.addSql(`
create table rate_card_activations (
  id bigint generated always as identity primary key,
  rate_card_id uuid not null references rate_cards (id),
  actor_key_id uuid,
  activated_at timestamptz not null default now()
);`);
    this.addSql(`
create table model_rates (
  rate_card_id uuid not null references rate_cards (id),
  model text not null,
  input_per1k bigint not null check (input_per1k >= 0),
  cached_input_per1k bigint not null check (cached_input_per1k >= 0),
  output_per1k bigint not null check (output_per1k >= 0),
  cost_input_per1k bigint not null check (cost_input_per1k >= 0),
  cost_cached_input_per1k bigint not null check (cost_cached_input_per1k >= 0),
  cost_output_per1k bigint not null check (cost_output_per1k >= 0),
  max_output_tokens int check (max_output_tokens > 0),
  primary key (rate_card_id, model)
);`);
    this.addSql(`comment on table model_rates is 'rates in millicredits per 1k tokens; costs in micro-dollars per 1k tokens';`);
    this.addSql(`
create table model_switches (
  model text primary key,
  enabled boolean not null,
  updated_at timestamptz not null default now()
);`);

    this.addSql(`
create table usage_records (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity unique,
  account_id uuid not null references accounts (id),
  transaction_id uuid not null references ledger_transactions (id),
  rate_card_id uuid not null references rate_cards (id),
  model text not null,
  input_tokens bigint not null check (input_tokens >= 0),
  cached_input_tokens bigint not null check (cached_input_tokens >= 0),
  output_tokens bigint not null check (output_tokens >= 0),
  input_per1k bigint not null,
  cached_input_per1k bigint not null,
  output_per1k bigint not null,
  cost_input_per1k bigint not null,
  cost_cached_input_per1k bigint not null,
  cost_output_per1k bigint not null,
  charged bigint not null check (charged >= 0),
  cost_micro_usd bigint not null check (cost_micro_usd >= 0),
  idempotency_key text not null,
  request_hash text not null,
  source text not null default 'API',
  api_key_id uuid,
  request_id text,
  latency_ms int,
  created_at timestamptz not null default now(),
  constraint usage_records_idempotency unique (account_id, idempotency_key)
);`);
    this.addSql(`create index usage_records_account on usage_records (account_id, seq desc);`);
    this.addSql(`create index usage_records_created on usage_records (created_at);`);

    this.addSql(`
create table audit_log (
  id bigint generated always as identity primary key,
  actor_key_id uuid,
  actor_account_id uuid,
  actor_role text,
  action text not null,
  target_type text not null,
  target_id text,
  before jsonb,
  after jsonb,
  reason text,
  created_at timestamptz not null default now()
);`);
    this.addSql(`create index audit_log_target on audit_log (target_type, target_id);`);

    for (const table of ['ledger_transactions', 'ledger_postings', 'usage_records', 'audit_log', 'rate_card_activations']) {
      this.addSql(
        `create trigger ${table}_append_only before update or delete on ${table} for each row execute function creditmeter_reject_mutation();`,
      );
      this.addSql(
        `create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function creditmeter_reject_mutation();`,
      );
    }
  }
}
