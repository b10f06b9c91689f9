import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { RoleEnum, graphqlEnum } from '../graphql/enums.js';
import { KEY_LIMIT_RESETS, type KeyLimitReset } from './key-budget.rules.js';
import type { Role } from './roles.js';
import { OptionalText } from '../shared/validate.js';

export const KeyLimitResetEnum = graphqlEnum(KEY_LIMIT_RESETS, {
  name: 'KeyLimitReset',
  description:
    "When a key's spend limit starts over: midnight, Monday 00:00 or the 1st, in the account's time zone (a team's own, else UTC); NEVER",
});
export type KeyLimitResetEnum = KeyLimitReset;

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

  @Field(() => KeyLimitResetEnum)
  limitReset!: KeyLimitReset;

  @Field(() => [String], { nullable: true, description: 'The models the key may call; null: every model' })
  allowedModels!: string[] | null;

  /** Resolved as a decimal string (ApiKeysResolver). */
  spendLimitMillicredits!: bigint | null;
}

@InputType('UpdateApiKeyInput', { description: 'Only the fields given change; null clears the limit or the model list' })
export class UpdateApiKeyInput {
  @OptionalText(100)
  @Field(() => String, { nullable: true, description: 'A name to tell keys apart (at most 100 characters)' })
  label?: string | null;

  @Field(() => String, { nullable: true, description: 'Millicredits per period, a decimal string; null: no limit' })
  spendLimitMillicredits?: string | null;

  @Field(() => KeyLimitResetEnum, { nullable: true })
  limitReset?: KeyLimitReset | null;

  @Field(() => [String], { nullable: true, description: 'Models the key may call; null: every model' })
  allowedModels?: string[] | null;
}
