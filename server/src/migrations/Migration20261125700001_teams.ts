import { Migration } from '@mikro-orm/migrations';

/**
 * Teams: a team is an account of kind TEAM (its balance lives on its `accounts` row like any
 * customer's), with one policy row (`teams`) and one allocation row per member (`team_members`).
 *
 * A member's allocation row carries what the member spent in the current period (`spent`, valid
 * for `period_start`) and what their calls in flight reserve (`held`). A charge moves the period
 * forward in the same conditional UPDATE that checks the allocation, so a reset needs no job:
 * the first charge of a new period starts it at zero. `held` equals the sum of the member's HELD
 * holds on the team; the trigger below keeps it so for every path that releases a hold (settle,
 * void, expiry), whichever module runs it.
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
  held bigint not null default 0 check (held >= 0),
  added_at timestamptz not null default now(),
  removed_at timestamptz,
  primary key (team_id, account_id)
);`);
    this.addSql(`comment on table team_members is 'amounts in millicredits; spent counts the period starting at period_start; monthly_allocation null = no cap';`);
    this.addSql(`create index team_members_account on team_members (account_id) where removed_at is null;`);

    this.addSql(`alter table usage_records add column member_account_id uuid references accounts (id);`);
    this.addSql(`create index usage_records_team_spend on usage_records (account_id, created_at) where member_account_id is not null;`);
    this.addSql(`alter table holds add column member_account_id uuid references accounts (id);`);
    this.addSql(`alter table api_keys add column team_id uuid references teams (account_id);`);

    this.addSql(`
create function creditmeter_release_member_hold() returns trigger language plpgsql as $$
begin
  update team_members set held = held - OLD.amount
   where team_id = OLD.account_id and account_id = OLD.member_account_id;
  return NEW;
end $$;`);
    this.addSql(`
create trigger holds_release_member_hold after update of state on holds
  for each row when (OLD.state = 'HELD' and NEW.state <> 'HELD' and OLD.member_account_id is not null)
  execute function creditmeter_release_member_hold();`);

    // The member half of a team charge or hold: one conditional UPDATE of the member's allocation
    // row. The period is the calendar month in the team's time zone (date_trunc with a zone follows
    // DST), taken from the caller's clock; a period never moves backwards, so two instances whose
    // clocks straddle midnight cannot reset an allocation twice. False (no row): not an active
    // member (unless p_require_active is off, as for settling a call already under way), or the
    // allocation cannot cover spent + held + this charge.
    this.addSql(`
create function creditmeter_team_member_spend(p_team uuid, p_member uuid, p_spend bigint, p_hold bigint, p_at timestamptz, p_require_active boolean)
returns boolean language sql volatile as $$
  update team_members m
     set spent = case when m.period_start >= p.start then m.spent else 0 end + p_spend,
         held = m.held + p_hold,
         period_start = greatest(m.period_start, p.start)
    from (select date_trunc('month', p_at, t.time_zone) as start from teams t where t.account_id = p_team) p
   where m.team_id = p_team and m.account_id = p_member
     and (m.removed_at is null or not p_require_active)
     and (m.monthly_allocation is null
          or case when m.period_start >= p.start then m.spent else 0 end + m.held + p_spend + p_hold <= m.monthly_allocation)
  returning true
$$;`);
  }
}
