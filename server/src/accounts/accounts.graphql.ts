import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../graphql/connection.js';
import type { AccountEntity } from './accounts.repository.js';
import { OptionalText, RequiredText } from '../shared/validate.js';

@ObjectType('Account')
export class AccountGql {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

export const toAccountGql = (a: AccountEntity): AccountGql => ({
  id: a.id,
  email: a.email ?? '',
  name: a.name ?? null,
  createdAt: a.createdAt,
});

@InputType()
export class CreateAccountInput {
  @RequiredText(320)
  @Field(() => String)
  email!: string;

  @OptionalText(200)
  @Field(() => String, { nullable: true })
  name?: string | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyGql {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Shown once; only its hash is stored' })
  key!: string;
}

@ObjectType('AccountConnection')
export class AccountConnectionGql extends ConnectionType('Account', AccountGql) {}

export enum AccountOrderByEnum {
  CREATED_AT = 'CREATED_AT',
  EMAIL = 'EMAIL',
  NAME = 'NAME',
  BALANCE = 'BALANCE',
}
registerEnumType(AccountOrderByEnum, { name: 'AccountOrderBy' });
