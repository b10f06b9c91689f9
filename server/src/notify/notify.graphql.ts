import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../graphql/connection.js';
import { WebhookDelivery } from './deliveries.repository.js';
import { WebhookEndpointEntity } from './webhook-endpoints.repository.js';

/** The entity is its own GraphQL type: the resolvers name it here. */
export { WebhookEndpointEntity as WebhookEndpointGql };
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

@ObjectType('WebhookDeliveryConnection')
export class WebhookDeliveryConnectionGql extends ConnectionType('WebhookDelivery', WebhookDelivery) {}

/** One low-balance threshold and its state: what the thresholds queries return and GraphQL shows (`LowBalanceSetting`). */
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
