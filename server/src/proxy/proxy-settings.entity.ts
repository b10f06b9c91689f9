import { BigIntType, Entity, EntityRepositoryType, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { EntityRepository, raw } from '@mikro-orm/postgresql';
import { LOCK_CUSTOMER_ACCOUNT } from './sql/settings-statements.js';

/** An account's proxy guardrails (`proxy_settings`); no row: the defaults. Caps in millicredits; null = no cap. */
@Entity({ tableName: 'proxy_settings', repository: () => ProxySettingsRepository })
export class ProxySettingsEntity {
  [EntityRepositoryType]?: ProxySettingsRepository;

  @PrimaryKey({ type: 'uuid' })
  accountId!: string;

  @Property({ type: new BigIntType('bigint'), nullable: true })
  requestCap: bigint | null = null;

  @Property({ type: new BigIntType('bigint'), nullable: true })
  sessionCap: bigint | null = null;

  @Property({ type: 'int', defaultRaw: '3600' })
  sessionWindowSeconds: number = 3600;

  /** Opt-in: start a streaming call whose worst case exceeds the balance, cut at the hold. */
  @Property({ type: 'boolean', defaultRaw: 'false' })
  streamingHolds: boolean = false;

  /**
   * On by default: a call the balance cannot cover in full holds what is available and caps its
   * output limit to fit (`x-creditmeter-max-tokens-capped`), instead of a 402. Off: refused.
   */
  @Property({ type: 'boolean', defaultRaw: 'true' })
  shrinkHolds: boolean = true;

  /** The smallest useful output (tokens): a shrunk or streaming partial hold must cover the prompt plus this. */
  @Property({ type: 'int', defaultRaw: '256' })
  minOutputTokens: number = 256;

  /** Requests per minute per API key (GraphQL and proxy); null = the configured default, 0 = unlimited. */
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
