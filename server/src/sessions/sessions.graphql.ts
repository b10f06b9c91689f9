import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { RoleEnum } from '../graphql/enums.js';
import { StaffUserGql } from '../staff/staff.graphql.js';

export enum ViewerKindEnum {
  STAFF = 'STAFF',
  PORTAL = 'PORTAL',
  API_KEY = 'API_KEY',
}
registerEnumType(ViewerKindEnum, {
  name: 'ViewerKind',
  description: 'STAFF: console session; PORTAL: Credits page session of one account (USER); API_KEY: a bearer key',
});

@ObjectType('Viewer', { description: 'Who is calling, and as what' })
export class ViewerGql {
  @Field(() => ViewerKindEnum) kind!: ViewerKindEnum;
  @Field(() => RoleEnum) role!: RoleEnum;
  @Field(() => StaffUserGql, { nullable: true, description: 'The signed-in staff user (STAFF)' }) staffUser!: StaffUserGql | null;
  @Field(() => ID, { nullable: true, description: 'The account of a portal session or key; null for staff' }) accountId!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the cookie session ends at the latest (idle timeout aside)' }) sessionExpiresAt!: Date | null;
}

@ObjectType('PortalSession')
export class PortalSessionGql {
  @Field(() => String, { description: 'Opens /credits signed in to that account, once' }) url!: string;
  @Field(() => Date) expiresAt!: Date;
}
