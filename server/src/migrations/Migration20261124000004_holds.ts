import { Migration } from '@mikro-orm/migrations';

/**
 * Holds (pending reservations of credits by proxied model calls) and per-account proxy settings.
 * A hold moves HELD -> SETTLED | VOIDED | EXPIRED exactly once; the account's cached `pending`
 * is raised when the hold is placed and lowered by the statement that makes that transition,
 * so `pending` always equals the sum of the account's HELD holds.
 */
export class Migration20261124000004_holds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table holds (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts (id),
  amount bigint not null check (amount >= 0),
  state text not null default 'HELD' check (state in ('HELD', 'SETTLED', 'VOIDED', 'EXPIRED')),
  charged bigint check (charged >= 0),
  model text not null,
  api_key_id uuid,
  session_id text,
  request_id text,
  partial boolean not null default false,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  released_at timestamptz,
  check ((state = 'HELD') = (released_at is null))
);`);
    this.addSql(`comment on table holds is 'amounts in millicredits; accounts.pending = sum(amount) of HELD holds';`);
    this.addSql(`create index holds_expiring on holds (expires_at) where state = 'HELD';`);
    this.addSql(`create index holds_account on holds (account_id, created_at desc);`);
    this.addSql(`create index holds_session on holds (account_id, session_id, created_at) where session_id is not null;`);

    this.addSql(`
create table proxy_settings (
  account_id uuid primary key references accounts (id),
  request_cap bigint check (request_cap > 0),
  session_cap bigint check (session_cap > 0),
  session_window_seconds int not null default 3600 check (session_window_seconds > 0),
  streaming_holds boolean not null default false,
  min_output_tokens int not null default 256 check (min_output_tokens > 0),
  updated_at timestamptz not null default now()
);`);
    this.addSql(
      `comment on table proxy_settings is 'caps in millicredits; streaming_holds = opt-in to partial holds cut while streaming';`,
    );
  }
}
