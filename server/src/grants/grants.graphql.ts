import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { graphqlEnum } from '../graphql/enums.js';
import { formatMillicredits } from '../money/money.js';
import { grantStatus } from './grants.rules.js';
import { GRANT_KINDS, GRANT_STATUSES, type Grant, type GrantKind, type GrantStatus } from './grants.types.js';

export const GrantKindEnum = graphqlEnum(GRANT_KINDS, { name: 'GrantKind', description: 'Where the credits of a grant came from' });
export const GrantStatusEnum = graphqlEnum(GRANT_STATUSES, { name: 'GrantStatus' });

/** A grant as its queries read it: the record and the GraphQL `Grant` in one class. */
@ObjectType('Grant', { description: 'Credits that arrived together; charges burn grants down in a fixed order' })
export class GrantGql implements Grant {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => GrantKindEnum)
  kind!: GrantKind;

  @Field(() => GrantStatusEnum)
  get status(): GrantStatus {
    return grantStatus(this);
  }

  @Field(() => MillicreditsScalar)
  get amountMillicredits(): string {
    return formatMillicredits(this.amount);
  }

  @Field(() => MillicreditsScalar, { description: 'Unused credits left in this grant' })
  get remainingMillicredits(): string {
    return formatMillicredits(this.remaining);
  }

  @Field(() => Int, { description: 'Lower burns first; then soonest expiry, then oldest' })
  priority!: number;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The ledger transaction that brought these credits' })
  sourceTransactionId!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  amount!: bigint;
  remaining!: bigint;
  expiredAt!: Date | null;
  voidedAt!: Date | null;
}

@ObjectType('GrantAllocation', { description: 'Which grant paid for which ledger transaction' })
export class GrantAllocationGql {
  @Field(() => ID)
  grantId!: string;

  @Field(() => ID)
  transactionId!: string;

  @Field(() => MillicreditsScalar)
  get amountMillicredits(): string {
    return formatMillicredits(this.amount);
  }

  @Field(() => String, { description: 'DEBIT: paid (part of) a debit; DEBT: a credit paid back an earlier unfunded debit' })
  purpose!: 'DEBIT' | 'DEBT';

  @Field(() => Date)
  createdAt!: Date;

  id!: bigint;
  amount!: bigint;
}

@ObjectType('GrantExpiryRun')
export class GrantExpiryRunGql {
  @Field(() => Int)
  expiredGrants!: number;

  @Field(() => MillicreditsScalar)
  expiredMillicredits!: bigint;
}
