import { Migration } from '@mikro-orm/migrations';

/**
 * Low-balance thresholds per API key, on what is left of its budget (`spend_limit_millicredits -
 * period_spent`, the key step's settled spend of the period), in millicredits or in percent of the
 * limit: the same state as a team member's (Migration20261208070001). The engine's key step
 * updates the key's row under its lock in every charge, so racing charges see each other's spend
 * and a crossing fires `balance.low` once, to the key's account with data.apiKeyId. It re-arms
 * when the remaining budget rises back to the threshold (a new period, a larger limit). No limit,
 * no thresholds.
 *
 * `low_balance_cross` is the crossing step both triggers share: which thresholds are alerted after
 * this change, inserting `balance.low` for each newly crossed one.
 */
export class Migration20261208070003_key_low_balance extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create function low_balance_cross(
  p_thresholds bigint[], p_alerted bigint[], p_remaining bigint, p_rearm boolean, p_account uuid, p_data jsonb
) returns bigint[] language plpgsql as $$
declare
  v_alerted bigint[] := '{}';
  t bigint;
begin
  foreach t in array p_thresholds loop
    if p_remaining < t then
      if t <> all(p_alerted) then
        insert into outbox_events (account_id, type, data)
        values (p_account, 'balance.low', p_data || jsonb_build_object('thresholdMillicredits', t::text));
      end if;
      v_alerted := v_alerted || t;
    elsif t = any(p_alerted) and not p_rearm then
      v_alerted := v_alerted || t;
    end if;
  end loop;
  return v_alerted;
end $$;`);

    this.addSql(`
create or replace function team_members_low_balance() returns trigger language plpgsql as $$
declare
  v_remaining bigint := new.monthly_allocation - new.spent;
begin
  new.low_balance_thresholds := low_balance_effective(new.low_balance_credit_thresholds, new.low_balance_percents, new.monthly_allocation);
  new.low_balance_alerted_thresholds := low_balance_cross(
    new.low_balance_thresholds, new.low_balance_alerted_thresholds, v_remaining,
    -- The remaining allocation rose (a new period, a larger allocation) or the list changed: what it is back above re-arms.
    v_remaining > coalesce(old.monthly_allocation - old.spent, -1)
      or new.low_balance_credit_thresholds is distinct from old.low_balance_credit_thresholds
      or new.low_balance_percents is distinct from old.low_balance_percents,
    new.team_id,
    jsonb_build_object(
      'accountId', new.team_id,
      'teamId', new.team_id,
      'memberAccountId', new.account_id,
      'availableMillicredits', v_remaining::text,
      'remainingAllocationMillicredits', v_remaining::text,
      'monthlyAllocationMillicredits', new.monthly_allocation::text));
  new.low_balance_next := (select max(x) from unnest(new.low_balance_thresholds) x where x <> all(new.low_balance_alerted_thresholds));
  new.low_balance_rearm := (select min(x) from unnest(new.low_balance_alerted_thresholds) x);
  return new;
end $$;`);

    this.addSql(`
alter table api_keys
  add column low_balance_credit_thresholds bigint[] not null default '{}',
  add column low_balance_percents int[] not null default '{}',
  add column low_balance_thresholds bigint[] not null default '{}',
  add column low_balance_alerted_thresholds bigint[] not null default '{}',
  add column low_balance_next bigint,
  add column low_balance_rearm bigint;`);

    this.addSql(`
create function api_keys_low_balance() returns trigger language plpgsql as $$
declare
  v_remaining bigint := new.spend_limit_millicredits - new.period_spent;
begin
  new.low_balance_thresholds := low_balance_effective(new.low_balance_credit_thresholds, new.low_balance_percents, new.spend_limit_millicredits);
  new.low_balance_alerted_thresholds := low_balance_cross(
    new.low_balance_thresholds, new.low_balance_alerted_thresholds, v_remaining,
    v_remaining > coalesce(old.spend_limit_millicredits - old.period_spent, -1)
      or new.low_balance_credit_thresholds is distinct from old.low_balance_credit_thresholds
      or new.low_balance_percents is distinct from old.low_balance_percents,
    new.account_id,
    jsonb_build_object(
      'accountId', new.account_id,
      'apiKeyId', new.id,
      'availableMillicredits', v_remaining::text,
      'remainingBudgetMillicredits', v_remaining::text,
      'spendLimitMillicredits', new.spend_limit_millicredits::text));
  new.low_balance_next := (select max(x) from unnest(new.low_balance_thresholds) x where x <> all(new.low_balance_alerted_thresholds));
  new.low_balance_rearm := (select min(x) from unnest(new.low_balance_alerted_thresholds) x);
  return new;
end $$;`);
    // One comparison per charge while nothing crosses; no limit, nothing to watch.
    this.addSql(`
create trigger api_keys_low_balance
  before update of period_spent, spend_limit_millicredits, low_balance_credit_thresholds, low_balance_percents on api_keys for each row
  when (new.spend_limit_millicredits is not null and (
    new.spend_limit_millicredits - new.period_spent < new.low_balance_next
    or (new.spend_limit_millicredits - new.period_spent > old.spend_limit_millicredits - old.period_spent
        and new.spend_limit_millicredits - new.period_spent >= new.low_balance_rearm)
    or new.spend_limit_millicredits is distinct from old.spend_limit_millicredits
    or new.low_balance_credit_thresholds is distinct from old.low_balance_credit_thresholds
    or new.low_balance_percents is distinct from old.low_balance_percents))
  execute function api_keys_low_balance();`);
  }
}
