import { Migration } from '@mikro-orm/migrations';

/**
 * Low-balance thresholds in percent, and per team member.
 *
 * - A threshold is given in millicredits or in percent of a base. An account's base is its last
 *   purchase (`low_balance_percent_base`, kept by the purchases trigger when one is fulfilled); a
 *   member's is their monthly allocation. `low_balance_effective` turns both lists into one list of
 *   millicredit amounts, highest first, without duplicates: what the crossing triggers compare.
 * - Accounts: `low_balance_thresholds` stays that effective list (the accounts trigger of the
 *   alert_thresholds migration is unchanged); `low_balance_credit_thresholds` and
 *   `low_balance_percents` are what was set. A new purchase recomputes the list, which re-arms what
 *   available is back above, as any change of the list does. Before any purchase a percent is 0.
 * - Team members: the same state on `team_members`, on the remaining allocation
 *   (`monthly_allocation - spent`, settled spend of the period). The engine's member step already
 *   updates the row under its lock, so racing charges see each other's spend and a crossing fires
 *   `balance.low` once (to the team's account, with data.memberAccountId). It re-arms when the
 *   remaining allocation rises back to the threshold (a new period, a larger allocation). No
 *   allocation, no thresholds.
 */
export class Migration20261208070001_member_low_balance extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create function low_balance_effective(credits bigint[], percents int[], base bigint) returns bigint[] language sql immutable as $$
  select coalesce(array_agg(v order by v desc), '{}') from (
    select unnest(credits) as v
    union
    select coalesce(base, 0) * p / 100 from unnest(percents) p) s
$$;`);

    this.addSql(`
alter table accounts
  add column low_balance_credit_thresholds bigint[] not null default '{}',
  add column low_balance_percents int[] not null default '{}',
  add column low_balance_percent_base bigint;`);
    this.addSql(`
update accounts a set
  low_balance_credit_thresholds = case when a.low_balance_threshold_custom then a.low_balance_thresholds else '{}' end,
  low_balance_percent_base = (select p.credits from purchases p
                               where p.account_id = a.id and p.status in ('FULFILLED', 'PARTIALLY_REFUNDED', 'REFUNDED')
                               order by p.fulfilled_at desc nulls last limit 1)
 where a.kind <> 'SYSTEM';`);

    this.addSql(`
create function purchases_low_balance_base() returns trigger language plpgsql as $$
begin
  update accounts
     set low_balance_percent_base = new.credits,
         low_balance_thresholds = low_balance_effective(low_balance_credit_thresholds, low_balance_percents, new.credits)
   where id = new.account_id and low_balance_percents <> '{}';
  update accounts set low_balance_percent_base = new.credits where id = new.account_id and low_balance_percents = '{}';
  return null;
end $$;`);
    this.addSql(`
create trigger purchases_low_balance_base after update of status on purchases for each row
  when (new.status = 'FULFILLED' and old.status <> 'FULFILLED')
  execute function purchases_low_balance_base();`);

    this.addSql(`
alter table team_members
  add column low_balance_credit_thresholds bigint[] not null default '{}',
  add column low_balance_percents int[] not null default '{}',
  add column low_balance_thresholds bigint[] not null default '{}',
  add column low_balance_alerted_thresholds bigint[] not null default '{}',
  add column low_balance_next bigint,
  add column low_balance_rearm bigint;`);

    this.addSql(`
create function team_members_low_balance() returns trigger language plpgsql as $$
declare
  v_remaining bigint := new.monthly_allocation - new.spent;
  -- The remaining allocation rose (a new period, a larger allocation) or the list changed: what it is back above re-arms.
  v_rearm boolean := v_remaining > coalesce(old.monthly_allocation - old.spent, -1)
    or new.low_balance_credit_thresholds is distinct from old.low_balance_credit_thresholds
    or new.low_balance_percents is distinct from old.low_balance_percents;
  v_alerted bigint[] := '{}';
  t bigint;
begin
  new.low_balance_thresholds := low_balance_effective(new.low_balance_credit_thresholds, new.low_balance_percents, new.monthly_allocation);
  foreach t in array new.low_balance_thresholds loop
    if v_remaining < t then
      if t <> all(new.low_balance_alerted_thresholds) then
        insert into outbox_events (account_id, type, data)
        values (new.team_id, 'balance.low', jsonb_build_object(
          'accountId', new.team_id,
          'teamId', new.team_id,
          'memberAccountId', new.account_id,
          'availableMillicredits', v_remaining::text,
          'remainingAllocationMillicredits', v_remaining::text,
          'monthlyAllocationMillicredits', new.monthly_allocation::text,
          'thresholdMillicredits', t::text));
      end if;
      v_alerted := v_alerted || t;
    elsif t = any(new.low_balance_alerted_thresholds) and not v_rearm then
      v_alerted := v_alerted || t;
    end if;
  end loop;
  new.low_balance_alerted_thresholds := v_alerted;
  new.low_balance_next := (select max(x) from unnest(new.low_balance_thresholds) x where x <> all(v_alerted));
  new.low_balance_rearm := (select min(x) from unnest(v_alerted) x);
  return new;
end $$;`);
    // One comparison per charge while nothing crosses; no allocation, nothing to watch.
    this.addSql(`
create trigger team_members_low_balance
  before update of spent, monthly_allocation, low_balance_credit_thresholds, low_balance_percents on team_members for each row
  when (new.monthly_allocation is not null and (
    new.monthly_allocation - new.spent < new.low_balance_next
    or (new.monthly_allocation - new.spent > old.monthly_allocation - old.spent and new.monthly_allocation - new.spent >= new.low_balance_rearm)
    or new.monthly_allocation is distinct from old.monthly_allocation
    or new.low_balance_credit_thresholds is distinct from old.low_balance_credit_thresholds
    or new.low_balance_percents is distinct from old.low_balance_percents))
  execute function team_members_low_balance();`);
  }
}
