import { Migration } from '@mikro-orm/migrations';

/**
 * Invoices and tax: what Stripe's Checkout Session (or invoice) says a purchase cost, split into
 * the pre-tax subtotal (the pack's price, before a promotion code), the tax and the total charged,
 * and the invoice's hosted page and PDF. Tax is never credits, revenue or liability: the credits
 * stay the pack's, and revenue is `total_cents - tax_cents`. Purchases paid before this migration
 * carried no tax, so their split is known and backfilled.
 */
export class Migration20261207200101_purchase_invoices extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table purchases
  add column subtotal_cents bigint check (subtotal_cents >= 0),
  add column tax_cents bigint check (tax_cents >= 0),
  add column total_cents bigint check (total_cents >= 0),
  add column stripe_invoice_id text,
  add column invoice_url text,
  add column invoice_pdf_url text,
  add constraint purchases_tax_within_total check (tax_cents is null or total_cents is null or tax_cents <= total_cents);`);
    this.addSql(`
update purchases set subtotal_cents = amount_cents, tax_cents = 0, total_cents = amount_paid_cents
 where amount_paid_cents is not null;`);
    this.addSql(`comment on column purchases.subtotal_cents is 'pre-tax amount before discounts (Stripe amount_subtotal)';`);
    this.addSql(`comment on column purchases.tax_cents is 'tax collected for the tax authority: never credits, revenue or liability';`);
    this.addSql(`comment on column purchases.total_cents is 'what the card was charged, tax included (= amount_paid_cents)';`);
  }

  override async down(): Promise<void> {
    this.addSql(`
alter table purchases drop constraint purchases_tax_within_total,
  drop column subtotal_cents, drop column tax_cents, drop column total_cents,
  drop column stripe_invoice_id, drop column invoice_url, drop column invoice_pdf_url;`);
  }
}
