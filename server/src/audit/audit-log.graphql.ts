import { JSONResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../graphql/connection.js';
import type { AuditEntry } from './audit-log.service.js';
import { OptionalText } from '../shared/validate.js';

export enum AuditActorKindEnum {
  STAFF = 'STAFF',
  API_KEY = 'API_KEY',
  ACCOUNT = 'ACCOUNT',
  SYSTEM = 'SYSTEM',
}
registerEnumType(AuditActorKindEnum, {
  name: 'AuditActorKind',
  description:
    'STAFF: a console user; API_KEY: a key; ACCOUNT: a customer account signed in to its Credits page (portal session); SYSTEM: the server itself (jobs, webhooks, bootstrap)',
});

@ObjectType('AuditEntry', { description: 'One audited action: who, what, on what, before and after, why' })
export class AuditEntryGql {
  @Field(() => ID) id!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String, { description: 'e.g. ledger.adjust, rateCard.publish, staffUser.update' }) action!: string;
  @Field(() => String) targetType!: string;
  @Field(() => String, { nullable: true }) targetId!: string | null;
  @Field(() => AuditActorKindEnum) actorKind!: AuditActorKindEnum;
  @Field(() => ID, { nullable: true }) actorStaffUserId!: string | null;
  @Field(() => ID, { nullable: true }) actorKeyId!: string | null;
  @Field(() => ID, { nullable: true }) actorAccountId!: string | null;
  @Field(() => String, { nullable: true }) actorRole!: string | null;
  @Field(() => String, { nullable: true, description: "The staff user's email, or the key's account email" }) actorLabel!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "The target by name: an account's name and email, a staff user's email, a key's label, an endpoint's URL, a rate card's name",
  })
  targetLabel!: string | null;
  @Field(() => JSONResolver, { nullable: true }) before!: unknown;
  @Field(() => JSONResolver, { nullable: true }) after!: unknown;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

export const toAuditEntryGql = (e: AuditEntry): AuditEntryGql => ({ ...e, actorKind: e.actorKind as AuditActorKindEnum });

@ObjectType('AuditEntryConnection')
export class AuditEntryConnectionGql extends ConnectionType('AuditEntry', AuditEntryGql) {}

@InputType({ description: 'Every given field must match; from is inclusive, to exclusive' })
export class AuditLogFilter {
  @OptionalText(320)
  @Field(() => String, { nullable: true, description: "A staff user's, key's or account's id, or a staff user's or account's email" })
  actor?: string | null;
  @OptionalText(100)
  @Field(() => String, { nullable: true, description: 'Exact action name (see auditActions)' })
  action?: string | null;
  @OptionalText(100)
  @Field(() => String, { nullable: true })
  targetType?: string | null;
  @OptionalText(200)
  @Field(() => String, { nullable: true })
  targetId?: string | null;
  @Field(() => Date, { nullable: true }) from?: Date | null;
  @Field(() => Date, { nullable: true }) to?: Date | null;
}
