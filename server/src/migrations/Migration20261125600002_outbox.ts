import { Migration } from '@mikro-orm/migrations';

/**
 * Telling people: a transactional outbox, webhook endpoints, deliveries with their attempt log,
 * and low-balance alerting decided by the database.
 *
 * - `outbox_events` rows are written in the transaction of the change that causes them, so a
 *   rolled-back change sends nothing and a committed one is never lost. An insert NOTIFYs the
 *   delivery workers at commit (only event-writing transactions notify; a charge that crosses no
 *   threshold never does).
 * - `balance.low` is decided by a BEFORE UPDATE trigger on `accounts` whose WHEN clause compares
 *   the new available balance with the account's threshold and its `low_balance_alerted` flag:
 *   the whole cost of an ordinary charge is that comparison. Only a crossing runs the function,
 *   which flips the flag (re-armed when available is back at or above the threshold) and writes
 *   the one outbox row. Whatever statement moves the balance (charge, hold, group commit), the
 *   rule holds, and racing charges see the flag under the row lock they already take.
 *   Re-arming needs credits added (posted up) or a new threshold: a hold that is released does
 *   not re-arm, so an account hovering at its threshold under proxied calls is not told per call.
 */
export class Migration20261125600002_outbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table notify_settings (
  singleton boolean primary key default true check (singleton),
  default_low_balance_threshold bigint not null default 0 check (default_low_balance_threshold >= 0),
  updated_at timestamptz not null default now()
);`);
    this.addSql(`insert into notify_settings (default_low_balance_threshold) values (0);`);
    this.addSql(`comment on table notify_settings is 'the default low-balance threshold (millicredits), written from config at start';`);

    this.addSql(`
alter table accounts
  add column low_balance_threshold bigint not null default 0 check (low_balance_threshold >= 0),
  add column low_balance_threshold_custom boolean not null default false,
  add column low_balance_alerted boolean not null default false;`);

    this.addSql(`
create table outbox_events (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity unique,
  account_id uuid references accounts (id),
  type text not null,
  data jsonb not null,
  created_at timestamptz not null default now(),
  dispatched_at timestamptz
);`);
    this.addSql(`create index outbox_events_undispatched on outbox_events (seq) where dispatched_at is null;`);
    this.addSql(`create index outbox_events_account on outbox_events (account_id, seq desc);`);
    this.addSql(`comment on table outbox_events is 'events written with the change that caused them; account_id null = operator-wide';`);

    this.addSql(`
create function outbox_notify() returns trigger language plpgsql as $$
begin
  perform pg_notify('creditmeter_outbox', '');
  return null;
end $$;`);
    this.addSql(`create trigger outbox_events_notify after insert on outbox_events for each statement execute function outbox_notify();`);

    this.addSql(`
create function accounts_low_balance_init() returns trigger language plpgsql as $$
begin
  if not new.low_balance_threshold_custom then
    select default_low_balance_threshold into new.low_balance_threshold from notify_settings;
  end if;
  -- A new account starts disarmed when it is already below: only a crossing alerts.
  new.low_balance_alerted := new.posted - new.pending < new.low_balance_threshold;
  return new;
end $$;`);
    this.addSql(
      `create trigger accounts_low_balance_init before insert on accounts for each row when (new.kind <> 'SYSTEM') execute function accounts_low_balance_init();`,
    );

    this.addSql(`
create function accounts_low_balance() returns trigger language plpgsql as $$
begin
  if new.posted - new.pending < new.low_balance_threshold then
    new.low_balance_alerted := true;
    insert into outbox_events (account_id, type, data)
    values (new.id, 'balance.low', jsonb_build_object(
      'accountId', new.id,
      'availableMillicredits', (new.posted - new.pending)::text,
      'balanceMillicredits', new.posted::text,
      'heldMillicredits', new.pending::text,
      'thresholdMillicredits', new.low_balance_threshold::text));
  else
    new.low_balance_alerted := false;
  end if;
  return new;
end $$;`);
    this.addSql(`
create trigger accounts_low_balance before update of posted, pending, low_balance_threshold on accounts for each row
  when (new.kind <> 'SYSTEM' and (
    (not new.low_balance_alerted and new.posted - new.pending < new.low_balance_threshold)
    or (new.low_balance_alerted and new.posted - new.pending >= new.low_balance_threshold
        and (new.posted > old.posted or new.low_balance_threshold <> old.low_balance_threshold))))
  execute function accounts_low_balance();`);

    // credits.exhausted: at most one per account per hour, claimed by a conditional upsert.
    this.addSql(`
create table credits_exhausted_notices (
  account_id uuid primary key references accounts (id),
  notified_at timestamptz not null
);`);

    this.addSql(`
create table webhook_endpoints (
  id uuid primary key default gen_random_uuid(),
  account_id uuid references accounts (id),
  url text not null,
  events text[] not null check (cardinality(events) > 0),
  description text,
  secret_enc text not null,
  previous_secret_enc text,
  previous_secret_expires_at timestamptz,
  created_by_key_id uuid,
  created_at timestamptz not null default now(),
  disabled_at timestamptz,
  disabled_reason text,
  failing_since timestamptz,
  last_success_at timestamptz,
  last_failure_at timestamptz,
  deleted_at timestamptz
);`);
    this.addSql(`create index webhook_endpoints_account on webhook_endpoints (account_id, created_at desc) where deleted_at is null;`);
    this.addSql(
      `comment on table webhook_endpoints is 'account_id null = the operator''s endpoint for every account; secrets AES-256-GCM encrypted, never logged';`,
    );

    this.addSql(`
create table notification_deliveries (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity unique,
  event_id uuid not null references outbox_events (id),
  channel text not null check (channel in ('WEBHOOK', 'EMAIL')),
  endpoint_id uuid references webhook_endpoints (id),
  recipient text,
  status text not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null,
  last_attempt_at timestamptz,
  last_status_code int,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  check ((channel = 'WEBHOOK') = (endpoint_id is not null)),
  check ((channel = 'EMAIL') = (recipient is not null))
);`);
    this.addSql(
      `create unique index notification_deliveries_endpoint_once on notification_deliveries (event_id, endpoint_id) where endpoint_id is not null;`,
    );
    this.addSql(
      `create unique index notification_deliveries_email_once on notification_deliveries (event_id, recipient) where recipient is not null;`,
    );
    this.addSql(`create index notification_deliveries_due on notification_deliveries (next_attempt_at) where status = 'PENDING';`);
    this.addSql(`create index notification_deliveries_endpoint on notification_deliveries (endpoint_id, seq desc);`);

    this.addSql(`
create table notification_attempts (
  id bigint generated always as identity primary key,
  delivery_id uuid not null references notification_deliveries (id),
  attempted_at timestamptz not null,
  status_code int,
  error text,
  duration_ms int,
  response_excerpt text
);`);
    this.addSql(`create index notification_attempts_delivery on notification_attempts (delivery_id, id desc);`);
  }
}
