import { Migration } from '@mikro-orm/migrations';

/**
 * What lost disputes took from a purchase, in cents (tax included, as Stripe withdraws it): kept on
 * the purchase beside `refunded_cents` by the dispute's own statement, so the purchase's revenue
 * (`revenueCents`) and what may still be refunded leave it out, as they leave out refunds.
 */
export class Migration20261208070002_lost_dispute_cents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table purchases add column lost_dispute_cents bigint not null default 0 check (lost_dispute_cents >= 0);`);
    this.addSql(`
update purchases p set lost_dispute_cents = d.cents
  from (select purchase_id, sum(amount_cents) as cents from purchase_disputes where status = 'LOST' group by 1) d
 where d.purchase_id = p.id;`);
  }
}
