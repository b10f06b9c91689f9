import { Migration } from '@mikro-orm/migrations';

/**
 * Several low-balance thresholds per account (a team is an account), and `credits.expiring`.
 *
 * - `low_balance_thresholds` holds the account's thresholds, highest first (the configured default
 *   alone while `low_balance_threshold_custom` is false); `low_balance_alerted_thresholds` the ones
 *   that fired and are not re-armed yet. The BEFORE UPDATE trigger's WHEN clause stays one
 *   comparison per charge: `low_balance_next` (the highest armed threshold) and `low_balance_rearm`
 *   (the lowest alerted one) are derived by the function whenever it runs. Crossing a threshold
 *   fires `balance.low` once for it (data.thresholdMillicredits); it re-arms when credits are added
 *   (posted up) and available is at or above it again, or when the list changes. Racing charges
 *   see the state under the row lock they already take, so a crossing fires exactly once.
 * - `low_balance_threshold` / `low_balance_alerted` stay as the highest threshold and its state
 *   (what `setLowBalanceThreshold` and `Account.lowBalanceAlert` speak of).
 * - `grant_expiry_notices`: one row per grant and lead time (7 or 1 day), claimed by the job with
 *   the outbox row in one statement, so each notice is sent once however often the job runs.
 */
export class Migration20261207210002_alert_thresholds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop trigger accounts_low_balance on accounts;`);
    this.addSql(`
alter table accounts
  add column low_balance_thresholds bigint[] not null default '{}',
  add column low_balance_alerted_thresholds bigint[] not null default '{}',
  add column low_balance_next bigint,
  add column low_balance_rearm bigint;`);
    this.addSql(`
update accounts set
  low_balance_thresholds = array[low_balance_threshold],
  low_balance_alerted_thresholds = case when low_balance_alerted then array[low_balance_threshold] else '{}' end,
  low_balance_next = case when low_balance_alerted then null else low_balance_threshold end,
  low_balance_rearm = case when low_balance_alerted then low_balance_threshold end
 where kind <> 'SYSTEM';`);

    // The derived columns, from the list and the alerted set (both triggers end with it).
    this.addSql(`
create function accounts_low_balance_derive(a accounts, alerted bigint[]) returns accounts language plpgsql immutable as $$
begin
  a.low_balance_alerted_thresholds := alerted;
  a.low_balance_next := (select max(t) from unnest(a.low_balance_thresholds) t where t <> all(alerted));
  a.low_balance_rearm := (select min(t) from unnest(alerted) t);
  a.low_balance_threshold := coalesce((select max(t) from unnest(a.low_balance_thresholds) t), 0);
  a.low_balance_alerted := a.low_balance_threshold = any(alerted);
  return a;
end $$;`);

    this.addSql(`
create or replace function accounts_low_balance_init() returns trigger language plpgsql as $$
begin
  if not new.low_balance_threshold_custom then
    select array[default_low_balance_threshold] into new.low_balance_thresholds from notify_settings;
  end if;
  -- A new account starts disarmed for the thresholds it is already below: only a crossing alerts.
  return accounts_low_balance_derive(new,
    coalesce((select array_agg(t) from unnest(new.low_balance_thresholds) t where new.posted - new.pending < t), '{}'));
end $$;`);

    this.addSql(`
create or replace function accounts_low_balance() returns trigger language plpgsql as $$
declare
  v_available bigint := new.posted - new.pending;
  -- Credits added (a top-up, a refund of usage) or a new list re-arm what available is back above.
  v_rearm boolean := new.posted > old.posted or new.low_balance_thresholds is distinct from old.low_balance_thresholds;
  v_alerted bigint[] := '{}';
  t bigint;
begin
  foreach t in array new.low_balance_thresholds loop
    if v_available < t then
      if t <> all(new.low_balance_alerted_thresholds) then
        insert into outbox_events (account_id, type, data)
        values (new.id, 'balance.low', jsonb_build_object(
          'accountId', new.id,
          'availableMillicredits', v_available::text,
          'balanceMillicredits', new.posted::text,
          'heldMillicredits', new.pending::text,
          'thresholdMillicredits', t::text));
      end if;
      v_alerted := v_alerted || t;
    elsif t = any(new.low_balance_alerted_thresholds) and not v_rearm then
      -- A released hold does not re-arm: an account hovering at a threshold is not told per call.
      v_alerted := v_alerted || t;
    end if;
  end loop;
  return accounts_low_balance_derive(new, v_alerted);
end $$;`);
    this.addSql(`
create trigger accounts_low_balance before update of posted, pending, low_balance_thresholds on accounts for each row
  when (new.kind <> 'SYSTEM' and (
    new.posted - new.pending < new.low_balance_next
    or (new.posted > old.posted and new.posted - new.pending >= new.low_balance_rearm)
    or new.low_balance_thresholds is distinct from old.low_balance_thresholds))
  execute function accounts_low_balance();`);

    this.addSql(`
create table grant_expiry_notices (
  grant_id uuid not null references grants (id),
  lead_days int not null check (lead_days in (7, 1)),
  -- Claimed and sent by one statement (the claim's row first): checked at commit.
  event_id uuid not null references outbox_events (id) deferrable initially deferred,
  created_at timestamptz not null default now(),
  primary key (grant_id, lead_days)
);`);
  }
}
