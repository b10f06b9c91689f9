import { Migration } from '@mikro-orm/migrations';

/**
 * From here on the engine's functions live in `server/src/ledger/sql/<name>.sql` and are applied
 * by the repeatable step of every migrate (ledger/engine-functions.ts), which records here the
 * SHA-256 of each file it applied. The migrations before this one that define them are history.
 */
export class Migration20261207180001_engine_sql_checksums extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table engine_sql_checksums (
  name text primary key,
  sha256 text not null,
  applied_at timestamptz not null default clock_timestamp()
);`);
  }
}
