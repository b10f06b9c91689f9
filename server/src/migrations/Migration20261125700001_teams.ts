import { Migration } from '@mikro-orm/migrations';

/**
 * Teams: a team is an account of kind TEAM (its balance lives on its `accounts` row like any
 * customer's), with one policy row (`teams`) and one allocation row per member (`team_members`).
 *
 * A member's allocation row carries what the member spent in the current period (`spent`, valid
 * for `period_start`). A charge moves the period forward in the same conditional UPDATE that
 * checks the allocation, so a reset needs no job: the first charge of a new period starts it at
 * zero. What the member's calls in flight reserve is the sum of their HELD holds on the team
 * (`holds.member_account_id`), so releasing a hold (settle, void, expiry) never touches the member
 * row. The engine's functions take the member step (Migration20261125700002).
 */
export class Migration20261125700001_teams extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table accounts drop constraint accounts_kind_check;`);
    this.addSql(`alter table accounts add constraint accounts_kind_check check (kind in ('CUSTOMER', 'SYSTEM', 'TEAM'));`);

    this.addSql(`
create table teams (
  account_id uuid primary key references accounts (id),
  time_zone text not null default 'UTC',
  request_cap bigint check (request_cap > 0),
  session_cap bigint check (session_cap > 0),
  session_window_seconds int not null default 3600 check (session_window_seconds > 0),
  allowed_models text[],
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);`);
    this.addSql(`comment on column teams.allowed_models is 'null: every enabled model; otherwise only these';`);

    this.addSql(`
create table team_members (
  team_id uuid not null references teams (account_id),
  account_id uuid not null references accounts (id),
  role text not null check (role in ('OWNER', 'MEMBER')),
  monthly_allocation bigint check (monthly_allocation >= 0),
  period_start timestamptz not null default '-infinity',
  spent bigint not null default 0 check (spent >= 0),
  added_at timestamptz not null default now(),
  removed_at timestamptz,
  primary key (team_id, account_id)
);`);
    this.addSql(`comment on table team_members is 'amounts in millicredits; spent counts the period starting at period_start; monthly_allocation null = no cap';`);
    this.addSql(`create index team_members_account on team_members (account_id) where removed_at is null;`);

    // No foreign keys on the member columns: like the engine's postings, a charge must not take a
    // KEY SHARE lock on another account's row (the member's own, busy with their own charges).
    this.addSql(`alter table usage_records add column member_account_id uuid;`);
    this.addSql(`create index usage_records_team_spend on usage_records (account_id, created_at) where member_account_id is not null;`);
    this.addSql(`alter table holds add column member_account_id uuid;`);
    this.addSql(`create index holds_member_held on holds (account_id, member_account_id) where state = 'HELD' and member_account_id is not null;`);
    this.addSql(`alter table api_keys add column team_id uuid references teams (account_id);`);
  }
}
