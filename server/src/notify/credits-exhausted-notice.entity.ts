import { Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';
import { CreditsExhaustedNoticesRepository } from './credits-exhausted.repository.js';

/** When an account was last told `credits.exhausted` (`credits_exhausted_notices`): at most once an hour. */
@Entity({ tableName: 'credits_exhausted_notices', repository: () => CreditsExhaustedNoticesRepository })
export class CreditsExhaustedNoticeEntity {
  [EntityRepositoryType]?: CreditsExhaustedNoticesRepository;

  @PrimaryKey({ type: 'uuid' })
  accountId!: string;

  @Property({ type: 'timestamptz' })
  notifiedAt!: Date;
}
