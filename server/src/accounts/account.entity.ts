import { ArrayType, BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

@Entity({ tableName: 'accounts' })
export class AccountEntity {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'text' })
  kind!: 'CUSTOMER' | 'SYSTEM' | 'TEAM';

  @Property({ type: 'text', nullable: true })
  systemCode?: string | null;

  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Property({ type: 'text', nullable: true })
  name?: string | null;

  /**
   * Cached posted balance, maintained by the ledger engine in the same transaction as the
   * postings (never through the unit of work): reads that show it ask for `refresh`. No initial
   * value, so creating an account leaves it to the column's default too.
   */
  @Property({ type: new BigIntType('bigint'), defaultRaw: '0' })
  posted!: bigint;

  /** Credits held by calls in flight (the engine's too). */
  @Property({ type: new BigIntType('bigint'), defaultRaw: '0' })
  pending!: bigint;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;

  /** The low-balance alert's state: written only by notify's SQL and the accounts triggers. */
  @Property({ type: new BigIntType('bigint'), persist: false })
  lowBalanceThreshold?: bigint;

  @Property({ type: 'boolean', persist: false })
  lowBalanceThresholdCustom?: boolean;

  @Property({ type: 'boolean', persist: false })
  lowBalanceAlerted?: boolean;

  /** Every threshold, highest first, and those alerted and not yet re-armed (see the alert_thresholds migration). */
  @Property({ type: ArrayType, columnType: 'bigint[]', persist: false })
  lowBalanceThresholds?: string[];

  @Property({ type: ArrayType, columnType: 'bigint[]', persist: false })
  lowBalanceAlertedThresholds?: string[];

  /** Derived by the trigger: the highest armed threshold and the lowest alerted one (null: none). */
  @Property({ type: new BigIntType('bigint'), nullable: true, persist: false })
  lowBalanceNext?: bigint | null;

  @Property({ type: new BigIntType('bigint'), nullable: true, persist: false })
  lowBalanceRearm?: bigint | null;

  /** What was set: thresholds in millicredits and in percent of the last purchase (its credits: the base). */
  @Property({ type: ArrayType, columnType: 'bigint[]', persist: false })
  lowBalanceCreditThresholds?: string[];

  @Property({ type: ArrayType, columnType: 'int[]', persist: false })
  lowBalancePercents?: string[];

  @Property({ type: new BigIntType('bigint'), nullable: true, persist: false })
  lowBalancePercentBase?: bigint | null;
}
