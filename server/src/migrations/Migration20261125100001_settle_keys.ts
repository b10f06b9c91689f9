import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 8, defect 1: the proxy's settle key lived in the same namespace as client idempotency
 * keys, so a client could claim it first and get the call for free. Usage keys are now unique
 * per scope: rows the proxy writes (source PROXY) are in scope 'proxy', every client-facing
 * source shares scope 'client'. The scope is derived by PostgreSQL from `source`, which no client
 * input sets. (Generated, so the append-only table needs no UPDATE of its existing rows.)
 * A settle that cannot land keeps its hold, never expiring, with the reason in `settle_error`.
 */
export class Migration20261125100001_settle_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table usage_records
  add column key_scope text not null generated always as (case when source = 'PROXY' then 'proxy' else 'client' end) stored;`);
    this.addSql(`alter table usage_records drop constraint usage_records_idempotency;`);
    this.addSql(`alter table usage_records add constraint usage_records_idempotency unique (account_id, key_scope, idempotency_key);`);
    this.addSql(`alter table holds add column settle_error text;`);
    this.addSql(`comment on column holds.settle_error is 'why the settle of this call failed; such a hold stays HELD (expires_at = infinity) until an operator settles or voids it';`);
  }
}
