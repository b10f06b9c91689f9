import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** When an account was last told `credits.exhausted` (`credits_exhausted_notices`): at most once an hour. */
@Entity({ tableName: 'credits_exhausted_notices' })
export class CreditsExhaustedNoticeEntity {
  @PrimaryKey({ type: 'uuid' })
  accountId!: string;

  @Property({ type: 'timestamptz' })
  notifiedAt!: Date;
}
