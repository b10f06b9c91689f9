import { Migration } from '@mikro-orm/migrations';

/** An account's own requests-per-minute limit per API key (null: the configured default). */
export class Migration20261125200002_rate_limits extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table proxy_settings add column requests_per_minute int check (requests_per_minute >= 0);`);
    this.addSql(`comment on column proxy_settings.requests_per_minute is 'per API key, GraphQL and proxy; null = RATE_LIMIT_PER_MINUTE; 0 = unlimited';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table proxy_settings drop column requests_per_minute;`);
  }
}
