import { BigIntType, Entity, EntityRepositoryType, LockMode, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MillicreditsScalar } from '../graphql/scalars.js';
import type { AutoRechargeSettings } from './billing.types.js';

/**
 * An account's auto-recharge: when it fires, what it buys, and what the user was last told. The
 * row and the GraphQL `AutoRecharge` in one class; the two fields that are not columns
 * (`spentThisMonthCents`, `hasPaymentMethod`) are set by `AutoRechargeService.settings`.
 */
@ObjectType('AutoRecharge')
@Entity({ tableName: 'auto_recharge_settings', repository: () => AutoRechargeSettingsRepository })
export class AutoRechargeSettingsEntity implements AutoRechargeSettings {
  [EntityRepositoryType]?: AutoRechargeSettingsRepository;

  @PrimaryKey({ type: 'uuid' })
  accountId!: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean', defaultRaw: 'false' })
  enabled!: boolean;

  @Property({ type: new BigIntType('bigint') })
  threshold!: bigint;

  @Field(() => ID, { nullable: true, description: 'Buy this pack...' })
  @Property({ type: 'text', nullable: true })
  packId!: string | null;

  @Property({ type: new BigIntType('bigint'), nullable: true })
  targetBalance!: bigint | null;

  @Property({ type: new BigIntType('bigint') })
  monthlyLimitCents!: bigint;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why auto-recharge did not run or was turned off' })
  @Property({ type: 'text', nullable: true })
  notice!: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  noticeAt!: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Opt<Date>;

  /** Not a column: this month's auto-recharges, from the purchases. */
  spentThisMonthCents = 0n;

  /** Not a column: a card was saved by an earlier Checkout (billing_customers). */
  @Field(() => Boolean, { description: 'A card was saved by an earlier Checkout' })
  hasPaymentMethod = false;

  @Field(() => MillicreditsScalar, { name: 'thresholdMillicredits', description: 'Fires when available credits fall below this' })
  get thresholdField(): bigint {
    return this.threshold;
  }

  @Field(() => MillicreditsScalar, { name: 'targetBalanceMillicredits', nullable: true, description: '...or top up to this balance' })
  get targetBalanceField(): bigint | null {
    return this.targetBalance;
  }

  @Field(() => Int, { name: 'monthlyLimitCents' })
  get monthlyLimitCentsField(): number {
    return Number(this.monthlyLimitCents);
  }

  @Field(() => Int, { name: 'spentThisMonthCents' })
  get spentThisMonthCentsField(): number {
    return Number(this.spentThisMonthCents);
  }
}

/** `auto_recharge_settings`, one row per account; its lock serialises the recharge decision. */
export class AutoRechargeSettingsRepository extends EntityRepository<AutoRechargeSettingsEntity> {
  /** `forUpdate`: locked until the caller's transaction ends. */
  ofAccount(accountId: string, forUpdate = false): Promise<AutoRechargeSettingsEntity | null> {
    return this.findOne({ accountId }, { disableIdentityMap: true, ...(forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) });
  }

  /** An upsert (a first setting and a change alike); a change clears the last notice. */
  async save(s: Pick<AutoRechargeSettings, 'accountId' | 'enabled' | 'threshold' | 'packId' | 'targetBalance' | 'monthlyLimitCents'>) {
    await this.getEntityManager().execute(
      `insert into auto_recharge_settings (account_id, enabled, threshold, pack_id, target_balance, monthly_limit_cents)
       values (?::uuid, ?::boolean, ?::bigint, ?, ?::bigint, ?::bigint)
       on conflict (account_id) do update set enabled = excluded.enabled, threshold = excluded.threshold,
         pack_id = excluded.pack_id, target_balance = excluded.target_balance,
         monthly_limit_cents = excluded.monthly_limit_cents, notice = null, notice_at = null, updated_at = now()`,
      [s.accountId, s.enabled, s.threshold.toString(), s.packId, s.targetBalance?.toString() ?? null, s.monthlyLimitCents.toString()],
    );
  }

  /** The threshold of an enabled auto-recharge; null when it is off or was never set. */
  async enabledThreshold(accountId: string): Promise<bigint | null> {
    const settings = await this.findOne({ accountId, enabled: true }, { disableIdentityMap: true });
    return settings?.threshold ?? null;
  }

  async markAttempted(accountId: string, at: Date): Promise<void> {
    await this.getEntityManager().execute(
      `update auto_recharge_settings set last_attempt_at = ?::timestamptz, updated_at = now() where account_id = ?::uuid`,
      [at.toISOString(), accountId],
    );
  }

  /** `disable`: also turns it off, in the same statement (a concurrent check never sees one without the other). */
  async setNotice(accountId: string, notice: string, disable: boolean): Promise<void> {
    await this.getEntityManager().execute(
      `update auto_recharge_settings set notice = ?, notice_at = now(), enabled = enabled and not ?::boolean, updated_at = now()
        where account_id = ?::uuid`,
      [notice.slice(0, 500), disable, accountId],
    );
  }
}
