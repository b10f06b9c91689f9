import { Field, ID, ObjectType } from 'type-graphql';
import { RoleEnum } from '../graphql/enums.js';
import type { Role } from './roles.js';

@ObjectType('ApiKey', { description: 'An API key as listed: never its secret' })
export class ApiKeyGql {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => String, { nullable: true })
  label!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Recorded at most once a minute' })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}
