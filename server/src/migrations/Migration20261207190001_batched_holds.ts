import { Migration } from '@mikro-orm/migrations';

/**
 * Holds go through group commit (creditmeter_batch): `creditmeter_hold` now takes the hold's id
 * from its caller, so a retried batch answers its holds again instead of holding twice. The old
 * signature is dropped here; the engine step recreates the function from ledger/sql.
 */
export class Migration20261207190001_batched_holds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop function if exists creditmeter_hold(uuid, bigint, bigint, text, uuid, text, bigint, int, int, uuid, timestamptz);`);
  }
}
