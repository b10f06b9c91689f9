import { Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';
import { EntityRepository, LockMode } from '@mikro-orm/postgresql';

/** A single-use link that opens a Credits page session on one account (`portal_tokens`). */
@Entity({ tableName: 'portal_tokens', repository: () => PortalTokensRepository })
export class PortalTokenEntity {
  [EntityRepositoryType]?: PortalTokensRepository;

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Property({ type: 'uuid' })
  accountId!: string;

  @Property({ type: 'text', nullable: true })
  returnTo: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  createdByKeyId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  createdByStaffUserId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt: Date | null = null;
}

/** Queries on `portal_tokens`. */
class PortalTokensRepository extends EntityRepository<PortalTokenEntity> {
  /** The unused, unexpired link with this hash, locked: of two redemptions at once the second sees it used. */
  redeemable(tokenHash: string, now: Date): Promise<PortalTokenEntity | null> {
    return this.findOne({ tokenHash, usedAt: null, expiresAt: { $gt: now } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** Ends an account's unused links now; how many. */
  voidUnused(accountId: string, now: Date): Promise<number> {
    return this.nativeUpdate({ accountId, usedAt: null, expiresAt: { $gt: now } }, { expiresAt: now });
  }
}
