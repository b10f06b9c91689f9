import { Migration } from '@mikro-orm/migrations';

/**
 * Staff users (console sign-in), cookie sessions for staff and for the customers' Credits page,
 * and the single-use portal tokens that open a Credits page session. Session and portal tokens
 * are 256-bit random values stored only as sha256 hashes. The audit log learns a staff actor.
 */
export class Migration20261125300001_staff_sessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table staff_users (
  id uuid primary key default gen_random_uuid(),
  email text not null check (length(email) between 3 and 320),
  name text,
  role text not null check (role in ('SUPPORT', 'FINANCE', 'ADMIN')),
  password_hash text not null,
  disabled boolean not null default false,
  last_sign_in_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);`);
    this.addSql(`create unique index staff_users_email_unique on staff_users (lower(email));`);

    // A session is either a staff user's (any staff role) or one account's (Credits page, USER).
    this.addSql(`
create table sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  kind text not null check (kind in ('STAFF', 'PORTAL')),
  staff_user_id uuid references staff_users (id),
  account_id uuid references accounts (id),
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  check ((kind = 'STAFF') = (staff_user_id is not null)),
  check ((kind = 'PORTAL') = (account_id is not null))
);`);
    this.addSql(`create index sessions_staff_user on sessions (staff_user_id) where revoked_at is null;`);
    this.addSql(`create index sessions_expires on sessions (expires_at);`);

    this.addSql(`
create table portal_tokens (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  account_id uuid not null references accounts (id),
  return_to text,
  created_by_key_id uuid,
  created_by_staff_user_id uuid references staff_users (id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);`);

    this.addSql(`alter table audit_log add column actor_staff_user_id uuid;`);
    this.addSql(`create index audit_log_created on audit_log (created_at desc, id desc);`);
    this.addSql(`create index audit_log_action on audit_log (action, created_at desc);`);

    // 402s per UTC day and source (graphql, proxy), for the dashboard; counted in memory, flushed by upsert.
    this.addSql(`
create table refusals_daily (
  day date not null,
  source text not null,
  count bigint not null check (count >= 0),
  primary key (day, source)
);`);
  }
}
