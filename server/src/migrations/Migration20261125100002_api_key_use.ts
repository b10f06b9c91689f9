import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 8, defect 6: keys can be listed and revoked. `last_used_at` is written at most once a
 * minute per key (never a write per request); `bootstrap` marks the key that BOOTSTRAP_ADMIN_KEY
 * made, so a changed variable revokes the previous one (and only that one).
 */
export class Migration20261125100002_api_key_use extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table api_keys add column last_used_at timestamptz;`);
    this.addSql(`alter table api_keys add column bootstrap boolean not null default false;`);
    this.addSql(`update api_keys set bootstrap = true where label = 'bootstrap' and role = 'ADMIN';`);
  }
}
