import { Migration } from '@mikro-orm/migrations';

/**
 * Per-key budgets and model scopes.
 *
 * - `spend_limit_millicredits` (null: no limit) over a period that `limit_reset` names (DAILY,
 *   WEEKLY, MONTHLY in the account's time zone, or NEVER); `allowed_models` (null: every model).
 * - `period_spent` / `period_start`: what the key was charged in its current period, kept by the
 *   engine's key step (ledger/sql/creditmeter_key_step.sql) inside every hold and charge, the way a
 *   team member's allocation is; a new period starts lazily at the first step in it. The key's
 *   HELD holds count on top, so a limit is enforced against spent + held + the new worst case.
 * - The partial index finds a key's HELD holds in that step; the usage index sums a key's usage
 *   for `GET /v1/key`.
 */
export class Migration20261208040001_key_budgets extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table api_keys
  add column spend_limit_millicredits bigint check (spend_limit_millicredits >= 0),
  add column limit_reset text not null default 'NEVER' check (limit_reset in ('DAILY', 'WEEKLY', 'MONTHLY', 'NEVER')),
  add column allowed_models text[],
  add column period_spent bigint not null default 0,
  add column period_start timestamptz not null default '-infinity';`);
    this.addSql(`create index holds_api_key_held on holds (api_key_id) where state = 'HELD' and api_key_id is not null;`);
    this.addSql(`create index usage_records_api_key on usage_records (api_key_id, created_at) where api_key_id is not null;`);
  }
}
