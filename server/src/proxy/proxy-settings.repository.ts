import { BigIntType, Entity, EntityRepositoryType, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { EntityRepository, raw } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MillicreditsScalar } from '../graphql/scalars.js';

/**
 * The customer account a settings change is for, locked for the change's transaction (two
 * changes of one account's settings queue on it); no row: not a customer account. On the
 * accounts table, which has no door for a lock by id and kind.
 */
const LOCK_CUSTOMER_ACCOUNT = `select 1 from accounts where id = ?::uuid and kind = 'CUSTOMER' for update`;

/**
 * An account's proxy guardrails (`proxy_settings`); no row: the defaults. Caps in millicredits;
 * null = no cap. The same class is the GraphQL `ProxySettings` type.
 */
@ObjectType('ProxySettings', {
  description: "An account's guardrails on every proxy surface: POST /v1/chat/completions, /v1/responses, /v1/embeddings and /v1/messages",
})
@Entity({ tableName: 'proxy_settings', repository: () => ProxySettingsRepository })
export class ProxySettingsEntity {
  [EntityRepositoryType]?: ProxySettingsRepository;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  accountId!: string;

  @Field(() => MillicreditsScalar, {
    name: 'requestCapMillicredits',
    nullable: true,
    description: 'Default per-request spend cap (worst case of one call); null = none',
  })
  @Property({ type: new BigIntType('bigint'), nullable: true })
  requestCap: bigint | null = null;

  @Field(() => MillicreditsScalar, {
    name: 'sessionCapMillicredits',
    nullable: true,
    description: 'Cumulative cap per X-Session-Id over the window; null = none',
  })
  @Property({ type: new BigIntType('bigint'), nullable: true })
  sessionCap: bigint | null = null;

  @Field(() => Int)
  @Property({ type: 'int', defaultRaw: '3600' })
  sessionWindowSeconds: number = 3600;

  /** Opt-in: start a streaming call whose worst case exceeds the balance, cut at the hold. */
  @Field(() => Boolean, { description: 'Opt-in: start streams whose worst case exceeds the balance, cut at the hold' })
  @Property({ type: 'boolean', defaultRaw: 'false' })
  streamingHolds: boolean = false;

  /**
   * On by default: a call the balance cannot cover in full holds what is available and caps its
   * output limit to fit (`x-creditmeter-max-tokens-capped`), instead of a 402. Off: refused.
   */
  @Field(() => Boolean, {
    description:
      'On by default: a call whose worst case the balance cannot cover, but whose prompt and minOutputTokens it can, holds what is available and goes upstream with its max_tokens capped to fit (header x-creditmeter-max-tokens-capped) instead of a 402. Off: refused with 402',
  })
  @Property({ type: 'boolean', defaultRaw: 'true' })
  shrinkHolds: boolean = true;

  /** The smallest useful output (tokens): a shrunk or streaming partial hold must cover the prompt plus this. */
  @Field(() => Int, {
    description: 'The smallest useful output: a shrunk hold (or a streaming partial hold) covers the prompt plus these output tokens',
  })
  @Property({ type: 'int', defaultRaw: '256' })
  minOutputTokens: number = 256;

  /** Requests per minute per API key (GraphQL and proxy); null = the configured default, 0 = unlimited. */
  @Field(() => Int, {
    nullable: true,
    description: 'Requests per minute per API key (GraphQL and proxy); null = the server default, 0 = unlimited',
  })
  @Property({ type: 'int', nullable: true })
  requestsPerMinute: number | null = null;

  /** Not loaded: what the proxy and the audit see is the settings alone. */
  @Property({ type: 'timestamptz', defaultRaw: 'now()', lazy: true })
  updatedAt?: Opt<Date>;
}

/** The settings as the proxy reads them: plain fields, no timestamp. */
export type ProxySettings = Omit<ProxySettingsEntity, 'updatedAt' | typeof EntityRepositoryType>;

/** Reads and writes of `proxy_settings`: kept out of the identity map, since the proxy caches them across requests. */
class ProxySettingsRepository extends EntityRepository<ProxySettingsEntity> {
  /** The account's settings, else the defaults. */
  async settingsOf(accountId: string): Promise<ProxySettings> {
    return (await this.findOne({ accountId }, { disableIdentityMap: true })) ?? defaultProxySettings(accountId);
  }

  /** Locks the customer account `accountId` for the caller's transaction; false when there is no such customer. */
  async lockCustomer(accountId: string): Promise<boolean> {
    return (await this.em.execute(LOCK_CUSTOMER_ACCOUNT, [accountId])).length > 0;
  }

  /** Inserts or replaces the account's row (the caller holds the account's lock). */
  async save(settings: ProxySettings): Promise<void> {
    await this.createQueryBuilder()
      .insert({ ...settings, updatedAt: raw('now()') })
      .onConflict('accountId')
      .merge()
      .execute();
  }
}

export const defaultProxySettings = (accountId: string): ProxySettings => Object.assign(new ProxySettingsEntity(), { accountId });
