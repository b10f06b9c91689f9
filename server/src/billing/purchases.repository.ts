import { BigIntType, Entity, EntityRepositoryType, LockMode, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { toBigInt } from '../db/values.js';
import { graphqlEnum } from '../graphql/enums.js';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { formatMillicredits } from '../money/money.js';
import type { PageWindow } from '../shared/paging.js';
import { refundableCents, revenueCents } from './billing.rules.js';
import { PURCHASE_STATUSES, type Purchase, type PurchaseKind, type PurchaseStatus } from './billing.types.js';
import { findPack, TOP_UP_PACK_ID } from './packs.js';

export const PurchaseStatusEnum = graphqlEnum(PURCHASE_STATUSES, { name: 'PurchaseStatus' });

const optionalNumber = (v: bigint | null): number | null => (v === null ? null : Number(v));

/** A purchase: the row, the domain object and the GraphQL `Purchase` in one class (money stays bigint; Int fields are getters). */
@ObjectType('Purchase')
@Entity({ tableName: 'purchases', repository: () => PurchasesRepository })
export class PurchaseEntity implements Purchase {
  [EntityRepositoryType]?: PurchasesRepository;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  accountId!: string;

  @Field(() => String, { description: 'CHECKOUT, AUTO_RECHARGE or TEST_CHECKOUT' })
  @Property({ type: 'text' })
  kind!: PurchaseKind;

  @Field(() => ID)
  @Property({ type: 'text' })
  packId!: string;

  @Field(() => PurchaseStatusEnum)
  @Property({ type: 'text', defaultRaw: `'PENDING'` })
  status!: PurchaseStatus;

  @Property({ type: new BigIntType('bigint') })
  amountCents!: bigint;

  @Field(() => String)
  @Property({ type: 'text', defaultRaw: `'usd'` })
  currency!: string;

  @Property({ type: new BigIntType('bigint') })
  credits!: bigint;

  @Property({ type: new BigIntType('bigint'), nullable: true })
  amountPaidCents!: bigint | null;

  @Property({ type: new BigIntType('bigint'), defaultRaw: '0' })
  discountCents!: bigint;

  @Property({ type: new BigIntType('bigint'), defaultRaw: '0' })
  refundedCents!: bigint;

  @Property({ type: new BigIntType('bigint'), defaultRaw: '0' })
  refundedCredits!: bigint;

  @Property({ type: new BigIntType('bigint'), defaultRaw: '0' })
  lostDisputeCents!: bigint;

  @Property({ type: new BigIntType('bigint'), nullable: true })
  subtotalCents!: bigint | null;

  @Property({ type: new BigIntType('bigint'), nullable: true })
  taxCents!: bigint | null;

  @Property({ type: new BigIntType('bigint'), nullable: true })
  totalCents!: bigint | null;

  @Property({ type: 'text', nullable: true })
  stripeInvoiceId!: string | null;

  @Field(() => String, { nullable: true, description: "The Stripe invoice's hosted page" })
  @Property({ type: 'text', nullable: true })
  invoiceUrl!: string | null;

  @Field(() => String, { nullable: true, description: "The Stripe invoice's PDF" })
  @Property({ type: 'text', nullable: true })
  invoicePdfUrl!: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  stripeCheckoutSessionId!: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  stripePaymentIntentId!: string | null;

  @Property({ type: 'text', nullable: true })
  stripeCustomerId!: string | null;

  @Field(() => String, { nullable: true, description: 'Stripe receipt of the charge' })
  @Property({ type: 'text', nullable: true })
  receiptUrl!: string | null;

  @Field(() => ID, { nullable: true, description: 'The PURCHASE ledger entry' })
  @Property({ type: 'uuid', nullable: true })
  transactionId!: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  failureReason!: string | null;

  @Property({ type: 'text', nullable: true })
  returnTo!: string | null;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Opt<Date>;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  fulfilledAt!: Date | null;

  @Field(() => String, { description: "The pack's name (Starter, Pro, …; Top-up for a target-balance auto-recharge)" })
  get packName(): string {
    return findPack(this.packId)?.name ?? (this.packId === TOP_UP_PACK_ID ? 'Top-up' : this.packId);
  }

  @Field(() => Int, { name: 'amountCents', description: 'Price of the pack' })
  get amountCentsField(): number {
    return Number(this.amountCents);
  }

  @Field(() => Int, { name: 'amountPaidCents', nullable: true, description: 'What was actually paid (after a Stripe promotion code)' })
  get amountPaidCentsField(): number | null {
    return optionalNumber(this.amountPaidCents);
  }

  @Field(() => Int, { name: 'refundedCents', description: 'Refunded to the card so far (tax included, as Stripe refunds it)' })
  get refundedCentsField(): number {
    return Number(this.refundedCents);
  }

  @Field(() => Int, { name: 'subtotalCents', nullable: true, description: 'Pre-tax amount before discounts (null until paid)' })
  get subtotalCentsField(): number | null {
    return optionalNumber(this.subtotalCents);
  }

  @Field(() => Int, {
    name: 'taxCents',
    nullable: true,
    description: 'Tax Stripe computed: never credits, revenue or liability (null until paid)',
  })
  get taxCentsField(): number | null {
    return optionalNumber(this.taxCents);
  }

  @Field(() => Int, { name: 'totalCents', nullable: true, description: 'What the card was charged, tax included (null until paid)' })
  get totalCentsField(): number | null {
    return optionalNumber(this.totalCents);
  }

  @Field(() => Int, {
    name: 'revenueCents',
    nullable: true,
    description: 'Revenue: the total less tax, less the pre-tax share of refunds and disputes lost (tax is never revenue; null until paid)',
  })
  get revenueCentsField(): number | null {
    return optionalNumber(revenueCents(this));
  }

  @Field(() => Int, { name: 'refundableCents', description: 'What may still be refunded (total charged less refunds and disputes lost)' })
  get refundableCentsField(): number {
    return Number(refundableCents(this));
  }

  @Field(() => Int, {
    name: 'lostDisputeCents',
    description: 'Taken back by disputes closed lost, tax included (the dispute fee is not in it)',
  })
  get lostDisputeCentsField(): number {
    return Number(this.lostDisputeCents);
  }

  @Field(() => MillicreditsScalar)
  get creditsMillicredits(): string {
    return formatMillicredits(this.credits);
  }

  @Field(() => MillicreditsScalar)
  get refundedCreditsMillicredits(): string {
    return formatMillicredits(this.refundedCredits);
  }
}

export interface PurchaseFilter {
  status?: PurchaseStatus | null;
  accountId?: string | null;
  from?: Date | null;
  to?: Date | null;
  /** PENDING purchases that reached Stripe and are older than this many minutes (stuck after an outage?). */
  staleAfterMinutes?: number | null;
}

export type PurchaseOrder = 'CREATED_AT' | 'AMOUNT';

/** The WHERE of a filter (validated by the caller) and its parameters. */
function purchaseWhere(f: PurchaseFilter): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (part: string, param: unknown) => {
    parts.push(part);
    params.push(param);
  };
  if (f.status) add(`status = ?`, f.status);
  if (f.accountId) add(`account_id = ?::uuid`, f.accountId);
  if (f.from) add(`created_at >= ?::timestamptz`, f.from.toISOString());
  if (f.to) add(`created_at < ?::timestamptz`, f.to.toISOString());
  if (f.staleAfterMinutes != null)
    add(
      `status = 'PENDING' and kind <> 'TEST_CHECKOUT' and (stripe_checkout_session_id is not null or stripe_payment_intent_id is not null)
      and created_at < now() - make_interval(mins => ?::int)`,
      f.staleAfterMinutes,
    );
  return { where: parts.length ? `where ${parts.join(' and ')}` : '', params };
}

/**
 * `purchases`. Reads go through the ORM; the writes that decide something (a status change only
 * from the expected status, a refund only over the refunds read, Stripe ids never overwritten)
 * stay one conditional UPDATE each, so two deliveries of one event never both win.
 */
export class PurchasesRepository extends EntityRepository<PurchaseEntity> {
  private rows(text: string, params: unknown[]): Promise<PurchaseEntity[]> {
    return this.getEntityManager()
      .execute<Record<string, unknown>[]>(text, params)
      .then((rows) => rows.map((r) => this.map(r)));
  }

  async add(p: {
    accountId: string;
    kind: PurchaseKind;
    packId: string;
    amountCents: bigint;
    credits: bigint;
    returnTo: string | null;
    stripeCustomerId: string | null;
  }): Promise<PurchaseEntity> {
    // `returning *`: the row with its defaults (status, currency, dates) in one round trip.
    const [row] = await this.rows(
      `insert into purchases (account_id, kind, pack_id, amount_cents, credits, return_to, stripe_customer_id)
       values (?::uuid, ?, ?, ?::bigint, ?::bigint, ?, ?) returning *`,
      [p.accountId, p.kind, p.packId, p.amountCents.toString(), p.credits.toString(), p.returnTo, p.stripeCustomerId],
    );
    return row;
  }

  byId(id: string): Promise<PurchaseEntity | null> {
    return this.findOne({ id }, { disableIdentityMap: true });
  }

  /** The purchase, locked until the caller's transaction ends (refunds and disputes recompute under it). */
  lock(id: string): Promise<PurchaseEntity | null> {
    return this.findOne({ id }, { lockMode: LockMode.PESSIMISTIC_WRITE, disableIdentityMap: true });
  }

  byPaymentIntent(paymentIntentId: string): Promise<PurchaseEntity | null> {
    return this.findOne({ stripePaymentIntentId: paymentIntentId }, { disableIdentityMap: true });
  }

  ofAccount(accountId: string, limit = 100): Promise<PurchaseEntity[]> {
    return this.find({ accountId }, { orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], limit, disableIdentityMap: true });
  }

  /** Stripe ids learnt along the way; never overwrites a known id with null. */
  async recordStripeRefs(
    id: string,
    refs: {
      checkoutSessionId?: string | null;
      paymentIntentId?: string | null;
      customerId?: string | null;
      receiptUrl?: string | null;
      invoiceId?: string | null;
      invoiceUrl?: string | null;
      invoicePdfUrl?: string | null;
    },
  ): Promise<void> {
    await this.getEntityManager().execute(
      `update purchases set
         stripe_checkout_session_id = coalesce(stripe_checkout_session_id, ?),
         stripe_payment_intent_id = coalesce(stripe_payment_intent_id, ?),
         stripe_customer_id = coalesce(?, stripe_customer_id),
         receipt_url = coalesce(?, receipt_url),
         stripe_invoice_id = coalesce(stripe_invoice_id, ?),
         invoice_url = coalesce(?, invoice_url),
         invoice_pdf_url = coalesce(?, invoice_pdf_url),
         updated_at = now()
       where id = ?::uuid`,
      [
        refs.checkoutSessionId ?? null,
        refs.paymentIntentId ?? null,
        refs.customerId ?? null,
        refs.receiptUrl ?? null,
        refs.invoiceId ?? null,
        refs.invoiceUrl ?? null,
        refs.invoicePdfUrl ?? null,
        id,
      ],
    );
  }

  /** PENDING (or, for staff, FAILED) -> FULFILLED; false when another fulfilment got there first. */
  async markFulfilled(
    id: string,
    f: {
      transactionId: string;
      amountPaidCents: bigint;
      discountCents: bigint;
      subtotalCents: bigint;
      taxCents: bigint;
      fromStatuses: PurchaseStatus[];
    },
  ): Promise<boolean> {
    const rows = await this.getEntityManager().execute(
      `update purchases set status = 'FULFILLED', transaction_id = ?::uuid, amount_paid_cents = ?::bigint,
              discount_cents = ?::bigint, subtotal_cents = ?::bigint, tax_cents = ?::bigint, total_cents = ?::bigint,
              failure_reason = null, fulfilled_at = now(), updated_at = now()
        where id = ?::uuid and status = any(?::text[]) returning id`,
      [
        f.transactionId,
        f.amountPaidCents.toString(),
        f.discountCents.toString(),
        f.subtotalCents.toString(),
        f.taxCents.toString(),
        f.amountPaidCents.toString(),
        id,
        `{${f.fromStatuses.join(',')}}`,
      ],
    );
    return rows.length > 0;
  }

  async markFailed(id: string, reason: string): Promise<boolean> {
    const rows = await this.getEntityManager().execute(
      `update purchases set status = 'FAILED', failure_reason = ?, updated_at = now()
        where id = ?::uuid and status = 'PENDING' returning id`,
      [reason.slice(0, 500), id],
    );
    return rows.length > 0;
  }

  /** Optimistic: applies only if nobody recorded another refund since `expectedRefundedCredits` was read. */
  async recordRefund(
    id: string,
    r: { expectedRefundedCredits: bigint; refundedCents: bigint; refundedCredits: bigint; status: PurchaseStatus },
  ): Promise<boolean> {
    const rows = await this.getEntityManager().execute(
      `update purchases set refunded_cents = greatest(refunded_cents, ?::bigint), refunded_credits = ?::bigint,
              status = ?, updated_at = now()
        where id = ?::uuid and refunded_credits = ?::bigint returning id`,
      [r.refundedCents.toString(), r.refundedCredits.toString(), r.status, id, r.expectedRefundedCredits.toString()],
    );
    return rows.length > 0;
  }

  /** What this month's auto-recharges cost (an aggregate). */
  async autoRechargeSpentSince(accountId: string, since: Date): Promise<bigint> {
    const rows = await this.getEntityManager().execute<{ spent: string | null }[]>(
      `select coalesce(sum(amount_cents), 0) as spent from purchases
        where account_id = ?::uuid and kind = 'AUTO_RECHARGE' and status <> 'FAILED' and created_at >= ?::timestamptz`,
      [accountId, since.toISOString()],
    );
    return toBigInt(rows[0]?.spent);
  }

  /** Counted against the database's clock (the demo clock may move it), like `created_at` itself. */
  async pendingAutoRecharges(accountId: string): Promise<number> {
    const rows = await this.getEntityManager().execute<{ n: string }[]>(
      `select count(*) as n from purchases where account_id = ?::uuid and kind = 'AUTO_RECHARGE' and status = 'PENDING'
          and created_at > now() - interval '1 day'`,
      [accountId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** PENDING purchases that reached Stripe and are older than `minutes`: the stuck-user candidates. */
  stale(minutes: number, limit: number): Promise<PurchaseEntity[]> {
    return this.rows(
      `select * from purchases
        where status = 'PENDING' and kind <> 'TEST_CHECKOUT'
          and (stripe_checkout_session_id is not null or stripe_payment_intent_id is not null)
          and created_at < now() - make_interval(mins => ?::int)
        order by created_at limit ?::int`,
      [minutes, limit],
    );
  }

  /** Purchases of every account matching the filter, in the asked order (then id); `limit + 1` rows. */
  filtered(f: PurchaseFilter, order: PurchaseOrder, direction: 'ASC' | 'DESC', window: PageWindow): Promise<PurchaseEntity[]> {
    const { where, params } = purchaseWhere(f);
    const column = order === 'AMOUNT' ? 'amount_cents' : 'created_at';
    const dir = direction === 'ASC' ? 'asc' : 'desc';
    return this.rows(`select * from purchases ${where} order by ${column} ${dir}, id ${dir} limit ? offset ?`, [
      ...params,
      window.limit + 1,
      window.offset,
    ]);
  }

  async countFiltered(f: PurchaseFilter): Promise<number> {
    const { where, params } = purchaseWhere(f);
    return Number((await this.getEntityManager().execute<{ n: string }[]>(`select count(*) n from purchases ${where}`, params))[0].n);
  }
}
