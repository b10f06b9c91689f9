import { Migration } from '@mikro-orm/migrations';

/**
 * Finance truth: rollup tables filled asynchronously from a watermark (never by the charge
 * itself, so no row is shared by every charge), and reconciliation runs with their findings.
 */
export class Migration20261124000005_finance extends Migration {
  override async up(): Promise<void> {
    // One row: the highest usage seq / posting id already folded into the rollups.
    this.addSql(`
create table finance_rollup_state (
  id int primary key check (id = 1),
  usage_seq bigint not null default 0,
  posting_id bigint not null default 0,
  runs bigint not null default 0,
  updated_at timestamptz not null default now()
);`);
    this.addSql(`insert into finance_rollup_state (id) values (1);`);

    // api_key_id: the team member who made the call ('00000000-...' when unknown).
    this.addSql(`
create table finance_usage_daily (
  day date not null,
  account_id uuid not null references accounts (id),
  model text not null,
  api_key_id uuid not null,
  calls bigint not null,
  input_tokens bigint not null,
  cached_input_tokens bigint not null,
  output_tokens bigint not null,
  charged bigint not null,
  cost_micro_usd bigint not null,
  primary key (day, account_id, model, api_key_id)
);`);
    this.addSql(`create index finance_usage_daily_account on finance_usage_daily (account_id, day);`);

    // Customer postings per day, account, entry type and the system account on the other side.
    this.addSql(`
create table finance_ledger_daily (
  day date not null,
  account_id uuid not null references accounts (id),
  type text not null,
  counterparty text not null,
  entries bigint not null,
  amount bigint not null,
  primary key (day, account_id, type, counterparty)
);`);
    this.addSql(`create index finance_ledger_daily_account on finance_ledger_daily (account_id, counterparty);`);

    // The same, summed over accounts: what the daily dashboard and per-model lists read (a few
    // rows per day, however many accounts). Written only by the rollup job, never by a charge.
    this.addSql(`
create table finance_usage_day_model (
  day date not null,
  model text not null,
  calls bigint not null,
  input_tokens bigint not null,
  cached_input_tokens bigint not null,
  output_tokens bigint not null,
  charged bigint not null,
  cost_micro_usd bigint not null,
  primary key (day, model)
);`);
    this.addSql(`
create table finance_ledger_day (
  day date not null,
  type text not null,
  counterparty text not null,
  entries bigint not null,
  amount bigint not null,
  primary key (day, type, counterparty)
);`);

    this.addSql(`
create table reconciliation_runs (
  id uuid primary key default gen_random_uuid(),
  day date not null,
  trigger text not null check (trigger in ('SCHEDULED', 'MANUAL')),
  status text not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
  actor_key_id uuid,
  step text,
  progress_done int not null default 0,
  progress_total int not null default 0,
  checks jsonb not null default '[]'::jsonb,
  mismatch_count int not null default 0,
  error text,
  started_at timestamptz not null default now(),
  finished_at timestamptz
);`);
    this.addSql(`create index reconciliation_runs_started on reconciliation_runs (started_at desc);`);
    this.addSql(`create index reconciliation_runs_day on reconciliation_runs (day, trigger);`);

    this.addSql(`
create table reconciliation_findings (
  id bigint generated always as identity primary key,
  run_id uuid not null references reconciliation_runs (id),
  check_name text not null,
  account_id uuid,
  subject text,
  expected text,
  actual text,
  drift_millicredits bigint,
  drift_tokens bigint,
  details jsonb,
  created_at timestamptz not null default now()
);`);
    this.addSql(`create index reconciliation_findings_run on reconciliation_findings (run_id, id);`);
    for (const table of ['reconciliation_findings']) {
      this.addSql(
        `create trigger ${table}_append_only before update or delete on ${table} for each row execute function creditmeter_reject_mutation();`,
      );
      this.addSql(
        `create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function creditmeter_reject_mutation();`,
      );
    }
  }
}
