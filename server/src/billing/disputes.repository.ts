import { BigIntType, Entity, EntityRepositoryType, LockMode, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { toBigInt } from '../db/values.js';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { formatMillicredits } from '../money/money.js';

export type DisputeStatus = 'OPEN' | 'WON' | 'LOST';

/** A Stripe dispute of a purchase: the row, the domain object and the GraphQL `PurchaseDispute` in one class. */
@ObjectType('PurchaseDispute', { description: "A Stripe dispute (chargeback) of a purchase's payment" })
@Entity({ tableName: 'purchase_disputes', repository: () => DisputesRepository })
export class DisputeEntity {
  [EntityRepositoryType]?: DisputesRepository;

  @Field(() => ID, { description: "Stripe's dispute id" })
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'uuid' })
  purchaseId!: string;

  @Property({ type: 'uuid' })
  accountId!: string;

  @Property({ type: new BigIntType('bigint') })
  amountCents!: bigint;

  @Property({ type: new BigIntType('bigint') })
  credits!: bigint;

  @Field(() => String, { description: 'OPEN, WON or LOST' })
  @Property({ type: 'text' })
  status!: DisputeStatus;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reason!: string | null;

  @Property({ type: 'uuid', nullable: true })
  debitTransactionId!: string | null;

  @Property({ type: 'uuid', nullable: true })
  restoreTransactionId!: Opt<string | null>;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  openedAt!: Opt<Date>;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt!: Opt<Date | null>;

  @Field(() => Int, { name: 'amountCents', description: 'Disputed, tax included' })
  get amountCentsField(): number {
    return Number(this.amountCents);
  }

  @Field(() => MillicreditsScalar, { description: 'Credits taken back while it is open or after it is lost' })
  get creditsMillicredits(): string {
    return formatMillicredits(this.credits);
  }
}

export type Dispute = DisputeEntity;

/**
 * `purchase_disputes`. Opening and closing stay one SQL statement each: a dispute closed lost adds
 * its cents to its purchase's in the same statement (the CTE below), so the two never disagree.
 */
export class DisputesRepository extends EntityRepository<DisputeEntity> {
  /** The dispute, locked until the caller's transaction ends. */
  lock(id: string): Promise<DisputeEntity | null> {
    return this.findOne({ id }, { lockMode: LockMode.PESSIMISTIC_WRITE, disableIdentityMap: true });
  }

  byId(id: string): Promise<DisputeEntity | null> {
    return this.findOne({ id }, { disableIdentityMap: true });
  }

  ofPurchase(purchaseId: string): Promise<DisputeEntity[]> {
    return this.find({ purchaseId }, { orderBy: [{ openedAt: 'asc' }, { id: 'asc' }], disableIdentityMap: true });
  }

  /** Credits the purchase's other disputes hold (open or lost; a won one gave them back). */
  async creditsHeld(purchaseId: string): Promise<bigint> {
    const [row] = await this.em.execute<{ s: string }[]>(
      `select coalesce(sum(credits), 0) s from purchase_disputes where purchase_id = ?::uuid and status <> 'WON'`,
      [purchaseId],
    );
    return toBigInt(row.s);
  }

  async open(
    d: Pick<DisputeEntity, 'id' | 'purchaseId' | 'accountId' | 'amountCents' | 'credits' | 'status' | 'reason' | 'debitTransactionId'>,
  ): Promise<void> {
    await this.em.execute(
      `with d as (
         insert into purchase_disputes (id, purchase_id, account_id, amount_cents, credits, status, reason, debit_transaction_id, closed_at)
         values (?, ?::uuid, ?::uuid, ?::bigint, ?::bigint, ?, ?, ?::uuid, case when ? = 'OPEN' then null else now() end)
         returning purchase_id, amount_cents, status
       )
       ${LOST_ON_PURCHASE}`,
      [d.id, d.purchaseId, d.accountId, d.amountCents.toString(), d.credits.toString(), d.status, d.reason, d.debitTransactionId, d.status],
    );
  }

  async close(id: string, status: 'WON' | 'LOST', restoreTransactionId: string | null): Promise<void> {
    await this.em.execute(
      `with d as (
         update purchase_disputes set status = ?, restore_transaction_id = ?::uuid, closed_at = now() where id = ? and status = 'OPEN'
         returning purchase_id, amount_cents, status
       )
       ${LOST_ON_PURCHASE}`,
      [status, restoreTransactionId, id],
    );
  }
}

/** A dispute closed lost (the CTE `d`) adds its cents to the purchase's, in the same statement. */
const LOST_ON_PURCHASE = `update purchases p set lost_dispute_cents = p.lost_dispute_cents + d.amount_cents, updated_at = now()
   from d where p.id = d.purchase_id and d.status = 'LOST'`;
