import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { ConnectionType } from '../graphql/connection.js';
import { LedgerEntryTypeEnum } from '../graphql/enums.js';
import { formatMillicredits, toCreditsNumber, toUsdNumber } from '../money/money.js';
import type { BalanceSnapshot, LedgerEntryType } from './ledger.types.js';
import { IsId, OptionalText, RequiredText } from '../shared/validate.js';

@ObjectType('Balance')
export class BalanceGql {
  @Field(() => ID)
  accountId!: string;

  @Field(() => MillicreditsScalar, { description: 'Posted balance in millicredits (decimal string)' })
  balanceMillicredits!: string;

  @Field(() => MillicreditsScalar, { description: 'Reserved by calls in flight' })
  heldMillicredits!: string;

  @Field(() => MillicreditsScalar, { description: 'balance - held' })
  availableMillicredits!: string;

  @Field(() => Float, { description: 'Display only: balance in credits' })
  balanceCredits!: number;

  @Field(() => Float, { description: 'Display only: approximate USD, rounded half-up to cents' })
  balanceUsd!: number;

  @Field(() => Date)
  updatedAt!: Date;
}

export const toBalanceGql = (s: BalanceSnapshot): BalanceGql => ({
  accountId: s.accountId,
  balanceMillicredits: formatMillicredits(s.posted),
  heldMillicredits: formatMillicredits(s.pending),
  availableMillicredits: formatMillicredits(s.posted - s.pending),
  balanceCredits: toCreditsNumber(s.posted),
  balanceUsd: toUsdNumber(s.posted),
  updatedAt: s.updatedAt,
});

/** One customer account's view of a ledger transaction: the domain object and the GraphQL `LedgerEntry` in one class. */
@ObjectType('LedgerEntry')
export class LedgerEntry {
  @Field(() => ID)
  id!: string;

  /** The posting's sequence number: the cursor. */
  seq!: bigint;

  accountId!: string;

  @Field(() => LedgerEntryTypeEnum)
  type!: LedgerEntryType;

  @Field(() => MillicreditsScalar)
  amountMillicredits!: bigint;

  @Field(() => MillicreditsScalar)
  balanceAfterMillicredits!: bigint;

  @Field(() => ID, { nullable: true })
  reversalOfId!: string | null;

  @Field(() => String, { nullable: true })
  referenceId!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

/** The resolvers' name for it. */
export { LedgerEntry as LedgerEntryGql };

@ObjectType('LedgerConnection')
export class LedgerConnectionGql extends ConnectionType('Ledger', LedgerEntry) {}

@InputType()
export class AdjustBalanceInput {
  @IsId()
  @Field(() => ID)
  accountId!: string;

  @Field(() => String, { description: 'Signed millicredits: positive credits the account, negative debits it' })
  amountMillicredits!: string;

  @RequiredText()
  @Field(() => String)
  reason!: string;

  @OptionalText(200)
  @Field(() => String, { nullable: true })
  referenceId?: string | null;

  @OptionalText(200)
  @Field(() => String, { nullable: true, description: 'Makes a retried adjustment apply once' })
  idempotencyKey?: string | null;
}
