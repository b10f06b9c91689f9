import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType, toConnection, type Connection } from '../graphql/connection.js';
import { encodeCursor, type Page } from '../graphql/connection-cursors.js';
import type { Delivery } from './deliveries.repository.js';
import { NotificationAttemptEntity } from './attempts.repository.js';
import { WebhookEndpointEntity } from './webhook-endpoints.repository.js';

/** The entity is its own GraphQL type: the resolvers name it here. */
export { WebhookEndpointEntity as WebhookEndpointGql };
import type { LowBalanceSetting } from './thresholds.rules.js';
import { IsId, OptionalText } from '../shared/validate.js';

@ObjectType('CreatedWebhookEndpoint')
export class CreatedWebhookEndpointGql {
  @Field(() => WebhookEndpointEntity) endpoint!: WebhookEndpointEntity;
  @Field(() => String, { description: 'The signing secret, shown once: verify creditmeter-signature with it' }) secret!: string;
}

@InputType()
export class CreateWebhookEndpointInput {
  @IsId()
  @Field(() => ID, { nullable: true, description: "Omitted: the caller's account. Another account needs ADMIN." })
  accountId?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "ADMIN: the operator's endpoint, receiving every account's events",
  })
  allAccounts?: boolean | null;
  @Field(() => String, { description: 'https on a public address (http and loopback too outside production)' }) url!: string;
  @Field(() => [String], { description: 'Event types, or "*" for all' }) events!: string[];
  @OptionalText(200)
  @Field(() => String, { nullable: true })
  description?: string | null;
}

@ObjectType('WebhookDelivery')
export class WebhookDeliveryGql {
  @Field(() => ID) id!: string;
  @Field(() => ID) eventId!: string;
  @Field(() => String) eventType!: string;
  @Field(() => Date) eventCreatedAt!: Date;
  @Field(() => String, { description: "The event's data as JSON" }) payload!: string;
  @Field(() => String, { description: 'PENDING, DELIVERED, FAILED (gave up after three days) or CANCELLED (endpoint disabled or deleted)' })
  status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => Date, { nullable: true }) nextAttemptAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastAttemptAt!: Date | null;
  @Field(() => Int, { nullable: true }) lastStatusCode!: number | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => [NotificationAttemptEntity], { description: 'Newest first, up to 50' }) attemptLog!: NotificationAttemptEntity[];
}

@ObjectType('WebhookDeliveryConnection')
export class WebhookDeliveryConnectionGql extends ConnectionType('WebhookDelivery', WebhookDeliveryGql) {}

@ObjectType('LowBalanceAlert')
export class LowBalanceAlertGql {
  @Field(() => ID) accountId!: string;
  @Field(() => ID, { nullable: true, description: "A team member's threshold, on their remaining allocation (accountId is the team)" })
  memberAccountId!: string | null;
  @Field(() => ID, { nullable: true, description: "An API key's threshold, on its remaining budget (accountId is the key's account)" })
  apiKeyId!: string | null;
  @Field(() => String, { description: 'balance.low fires when available credit falls below this' }) thresholdMillicredits!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'Given in percent: of the last purchase (a member: of the allocation); thresholdMillicredits is its amount now',
  })
  percent!: number | null;
  @Field(() => Boolean, { description: 'False: the default from configuration applies' }) custom!: boolean;
  @Field(() => Boolean, {
    description: 'Below the threshold and already alerted; re-arms once credits are added and available is at or above it',
  })
  alerted!: boolean;
}

const toDeliveryGql = (d: Delivery, attempts: NotificationAttemptEntity[]): WebhookDeliveryGql =>
  Object.assign(new WebhookDeliveryGql(), {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    eventCreatedAt: d.eventCreatedAt,
    payload: JSON.stringify(d.payload),
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt,
    lastAttemptAt: d.lastAttemptAt,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    deliveredAt: d.deliveredAt,
    createdAt: d.createdAt,
    attemptLog: attempts,
  });

/** A page of an endpoint's deliveries with each one's attempts; the total is counted only when asked. */
export const toDeliveryConnection = (
  page: Page<Delivery>,
  attempts: Map<string, NotificationAttemptEntity[]>,
  countTotal: () => Promise<number>,
): Connection<WebhookDeliveryGql> =>
  toConnection(page, (d) => ({ cursor: encodeCursor(d.seq), node: toDeliveryGql(d, attempts.get(d.id) ?? []) }), countTotal);

export const toLowBalanceGql = (s: LowBalanceSetting): LowBalanceAlertGql =>
  Object.assign(new LowBalanceAlertGql(), { ...s, thresholdMillicredits: s.thresholdMillicredits.toString() });
