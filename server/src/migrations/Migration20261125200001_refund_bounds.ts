import { Migration } from '@mikro-orm/migrations';

/** A purchase can never record more refunded than was paid (the webhook refuses such events too). */
export class Migration20261125200001_refund_bounds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table purchases add constraint purchases_refund_within_payment
  check (refunded_cents <= coalesce(amount_paid_cents, amount_cents));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table purchases drop constraint purchases_refund_within_payment;`);
  }
}
