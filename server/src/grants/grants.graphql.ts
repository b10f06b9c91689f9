import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { graphqlEnum } from '../graphql/enums.js';
import { formatMillicredits } from '../money/money.js';
import { grantStatus } from './grants.rules.js';
import { GRANT_KINDS, GRANT_STATUSES, type ExpiryRun, type Grant, type GrantAllocation, type GrantKind, type GrantStatus } from './grants.types.js';

export const GrantKindEnum = graphqlEnum(GRANT_KINDS, { name: 'GrantKind', description: 'Where the credits of a grant came from' });
export const GrantStatusEnum = graphqlEnum(GRANT_STATUSES, { name: 'GrantStatus' });

@ObjectType('Grant', { description: 'Credits that arrived together; charges burn grants down in a fixed order' })
export class GrantGql {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => GrantKindEnum)
  kind!: GrantKind;

  @Field(() => GrantStatusEnum)
  status!: GrantStatus;

  @Field(() => MillicreditsScalar)
  amountMillicredits!: string;

  @Field(() => MillicreditsScalar, { description: 'Unused credits left in this grant' })
  remainingMillicredits!: string;

  @Field(() => Int, { description: 'Lower burns first; then soonest expiry, then oldest' })
  priority!: number;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The ledger transaction that brought these credits' })
  sourceTransactionId!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

export const toGrantGql = (g: Grant): GrantGql => ({
  id: g.id,
  accountId: g.accountId,
  kind: g.kind,
  status: grantStatus(g),
  amountMillicredits: formatMillicredits(g.amount),
  remainingMillicredits: formatMillicredits(g.remaining),
  priority: g.priority,
  expiresAt: g.expiresAt,
  sourceTransactionId: g.sourceTransactionId,
  createdAt: g.createdAt,
});

@ObjectType('GrantAllocation', { description: 'Which grant paid for which ledger transaction' })
export class GrantAllocationGql {
  @Field(() => ID)
  grantId!: string;

  @Field(() => ID)
  transactionId!: string;

  @Field(() => MillicreditsScalar)
  amountMillicredits!: string;

  @Field(() => String, { description: 'DEBIT: paid (part of) a debit; DEBT: a credit paid back an earlier unfunded debit' })
  purpose!: string;

  @Field(() => Date)
  createdAt!: Date;
}

export const toGrantAllocationGql = (a: GrantAllocation): GrantAllocationGql => ({
  grantId: a.grantId,
  transactionId: a.transactionId,
  amountMillicredits: formatMillicredits(a.amount),
  purpose: a.purpose,
  createdAt: a.createdAt,
});

@ObjectType('GrantExpiryRun')
export class GrantExpiryRunGql {
  @Field(() => Int)
  expiredGrants!: number;

  @Field(() => MillicreditsScalar)
  expiredMillicredits!: string;
}

export const toExpiryRunGql = (r: ExpiryRun): GrantExpiryRunGql => ({
  expiredGrants: r.expiredGrants,
  expiredMillicredits: formatMillicredits(r.expiredMillicredits),
});
