import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../graphql/connection.js';
import { RoleEnum } from '../graphql/enums.js';
import type { StaffRole } from '../auth/roles.js';
import { IsId, OptionalText } from '../shared/validate.js';

@ObjectType('StaffUser', { description: 'A person who signs in to the console; role SUPPORT, FINANCE or ADMIN' })
export class StaffUserGql {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  /** The service's `StaffUser` is this shape already: resolvers return it as it is. */
  @Field(() => RoleEnum) role!: StaffRole;
  @Field(() => Boolean) disabled!: boolean;
  @Field(() => Date, { nullable: true }) lastSignInAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType('StaffUserConnection')
export class StaffUserConnectionGql extends ConnectionType('StaffUser', StaffUserGql) {}

@InputType()
export class CreateStaffUserInput {
  @Field(() => String) email!: string;
  @OptionalText(200)
  @Field(() => String, { nullable: true })
  name?: string | null;
  @Field(() => RoleEnum, { description: 'SUPPORT, FINANCE or ADMIN' }) role!: RoleEnum;
  @Field(() => String, { description: '12 to 256 characters; stored as an argon2id hash' }) password!: string;
}

@InputType({ description: 'Only the fields given change. Disabling or a new password ends the user’s sessions at once.' })
export class UpdateStaffUserInput {
  @IsId()
  @Field(() => ID)
  id!: string;
  @OptionalText(200)
  @Field(() => String, { nullable: true })
  name?: string | null;
  @Field(() => RoleEnum, { nullable: true }) role?: RoleEnum | null;
  @Field(() => Boolean, { nullable: true }) disabled?: boolean | null;
  @Field(() => String, { nullable: true }) password?: string | null;
}
