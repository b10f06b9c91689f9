import { Entity, EntityRepositoryType, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';

/** An account's Stripe customer and the card saved by its last Checkout (for auto-recharge). */
@Entity({ tableName: 'billing_customers', repository: () => BillingCustomersRepository })
export class BillingCustomerEntity {
  [EntityRepositoryType]?: BillingCustomersRepository;

  @PrimaryKey({ type: 'uuid' })
  accountId!: string;

  @Property({ type: 'text', fieldName: 'stripe_customer_id' })
  customerId!: string;

  @Property({ type: 'text', nullable: true })
  paymentMethodId!: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Opt<Date>;
}

/** `billing_customers`, one row per account. */
export class BillingCustomersRepository extends EntityRepository<BillingCustomerEntity> {
  ofAccount(accountId: string): Promise<BillingCustomerEntity | null> {
    return this.findOne({ accountId }, { disableIdentityMap: true });
  }

  /** An upsert, so two checkouts completing at once both land; a known card is kept when none is given. */
  async save(accountId: string, customerId: string, paymentMethodId: string | null): Promise<void> {
    await this.getEntityManager().execute(
      `insert into billing_customers (account_id, stripe_customer_id, payment_method_id) values (?::uuid, ?, ?)
       on conflict (account_id) do update set stripe_customer_id = excluded.stripe_customer_id,
         payment_method_id = coalesce(excluded.payment_method_id, billing_customers.payment_method_id), updated_at = now()`,
      [accountId, customerId, paymentMethodId],
    );
  }
}
