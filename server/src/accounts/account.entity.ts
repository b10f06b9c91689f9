import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

@Entity({ tableName: 'accounts' })
export class AccountEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  kind!: 'CUSTOMER' | 'SYSTEM' | 'TEAM';

  @Property({ type: 'text', nullable: true })
  systemCode?: string | null;

  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Property({ type: 'text', nullable: true })
  name?: string | null;

  /** Cached posted balance, maintained in the same transaction as the postings. */
  @Property({ type: new BigIntType('bigint') })
  posted!: bigint;

  /** Credits held by calls in flight. */
  @Property({ type: new BigIntType('bigint') })
  pending!: bigint;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
