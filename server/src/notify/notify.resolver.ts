import { IdArg } from '../graphql/validation.js';
import { seqConnection } from '../graphql/connection.js';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AccountGql } from '../accounts/accounts.graphql.js';
import type { Context } from '../graphql/context.js';
import { accountInScope, principalOf } from '../graphql/auth.js';
import { ApiKeyGql } from '../auth/api-keys.graphql.js';
import { TeamMemberGql } from '../teams/teams.graphql.js';
import { thresholdScope } from './alerts.service.js';
import {
  CreateWebhookEndpointInput,
  CreatedWebhookEndpointGql,
  LowBalanceAlertGql,
  WebhookDeliveryConnectionGql,
  WebhookEndpointGql,
} from './notify.graphql.js';

@Resolver()
export class NotifyResolver {
  @Authorized('webhook.read')
  @Query(() => [WebhookEndpointGql], {
    description: "Webhook endpoints of an account (own; SUPPORT+ may name another), or with allAccounts the operator's (SUPPORT+)",
  })
  async webhookEndpoints(
    @IdArg('accountId', { nullable: true }) accountId: string | null,
    @Arg('allAccounts', () => Boolean, { nullable: true, defaultValue: false }) allAccounts: boolean,
    @Ctx() ctx: Context,
  ): Promise<WebhookEndpointGql[]> {
    return ctx.services.notify.endpoints.list(principalOf(ctx), accountId, allAccounts);
  }

  @Authorized('webhook.read')
  @Query(() => WebhookEndpointGql, { description: 'One endpoint (its account, or SUPPORT+)' })
  async webhookEndpoint(@IdArg('id') id: string, @Ctx() ctx: Context): Promise<WebhookEndpointGql> {
    return await ctx.services.notify.endpoints.get(principalOf(ctx), id);
  }

  @Authorized('webhook.read')
  @Query(() => WebhookDeliveryConnectionGql, { description: "An endpoint's delivery log, newest first (its account, or SUPPORT+)" })
  async webhookDeliveries(
    @IdArg('endpointId') endpointId: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<WebhookDeliveryConnectionGql> {
    const { endpoints } = ctx.services.notify;
    return seqConnection(await endpoints.deliveries(principalOf(ctx), endpointId, first, after), () =>
      endpoints.countDeliveries(endpointId),
    );
  }

  @Authorized('webhook.manage')
  @Mutation(() => CreatedWebhookEndpointGql, { description: 'Registers an endpoint (own account, or ADMIN); the secret is shown once' })
  async createWebhookEndpoint(
    @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
    @Ctx() ctx: Context,
  ): Promise<CreatedWebhookEndpointGql> {
    const created = await ctx.services.notify.endpoints.create(principalOf(ctx), input);
    return created;
  }

  @Authorized('webhook.manage')
  @Mutation(() => WebhookEndpointGql, {
    description: 'Stops deliveries to an endpoint (its account, or ADMIN); pending ones are cancelled',
  })
  async disableWebhookEndpoint(@IdArg('id') id: string, @Ctx() ctx: Context): Promise<WebhookEndpointGql> {
    return await ctx.services.notify.endpoints.disable(principalOf(ctx), id);
  }

  @Authorized('webhook.manage')
  @Mutation(() => WebhookEndpointGql, {
    description: 'Resumes deliveries to a disabled endpoint (its account, or ADMIN); its URL is checked again',
  })
  async enableWebhookEndpoint(@IdArg('id') id: string, @Ctx() ctx: Context): Promise<WebhookEndpointGql> {
    return await ctx.services.notify.endpoints.enable(principalOf(ctx), id);
  }

  @Authorized('webhook.manage')
  @Mutation(() => WebhookEndpointGql, { description: 'Deletes an endpoint (its account, or ADMIN); its delivery log is kept' })
  async deleteWebhookEndpoint(@IdArg('id') id: string, @Ctx() ctx: Context): Promise<WebhookEndpointGql> {
    return await ctx.services.notify.endpoints.delete(principalOf(ctx), id);
  }

  @Authorized('webhook.manage')
  @Mutation(() => CreatedWebhookEndpointGql, {
    description:
      'A new signing secret, shown once (its account, or ADMIN). graceSeconds: the old secret also signs until then (second v1).',
  })
  async rotateWebhookEndpointSecret(
    @IdArg('id') id: string,
    @Arg('graceSeconds', () => Int, { nullable: true, defaultValue: 0 }) graceSeconds: number,
    @Ctx() ctx: Context,
  ): Promise<CreatedWebhookEndpointGql> {
    const rotated = await ctx.services.notify.endpoints.rotateSecret(principalOf(ctx), id, graceSeconds);
    return rotated;
  }

  @Authorized('webhook.manage')
  @Mutation(() => ID, {
    description: 'Sends an event to an endpoint again, now, with the same event id (its account, or ADMIN). Returns the delivery id.',
  })
  async redeliverWebhookEvent(
    @IdArg('endpointId') endpointId: string,
    @IdArg('eventId') eventId: string,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return ctx.services.notify.endpoints.redeliver(principalOf(ctx), endpointId, eventId);
  }

  @Authorized('alerts.set')
  @Mutation(() => LowBalanceAlertGql, {
    description:
      "Sets the account's low-balance threshold (own account, or ADMIN); null returns to the default. balance.low fires at once if available credit is already below it.",
  })
  async setLowBalanceThreshold(
    @IdArg('accountId', { nullable: true }) accountId: string | null,
    @Arg('thresholdMillicredits', () => String, { nullable: true }) threshold: string | null,
    @Ctx() ctx: Context,
  ): Promise<LowBalanceAlertGql> {
    const target = accountInScope(ctx, 'alerts.set', accountId);
    return ctx.services.notify.alerts.setThreshold(principalOf(ctx), target, threshold);
  }

  @Authorized('alerts.set')
  @Mutation(() => [LowBalanceAlertGql], {
    description:
      "Replaces the account's low-balance thresholds (own account, a team's OWNERs the team, or ADMIN; at most 10 in all): in millicredits and in percent of the last purchase; both empty returns to the default. With memberAccountId (accountId is then the team) they are the member's, on their remaining allocation, a percent of their allocation; the team receives the events. With apiKeyId they are the key's, on its remaining budget, a percent of its limit. Each fires balance.low once per crossing (data.thresholdMillicredits) and re-arms when credits are added (a member: the remaining allocation rises) and it is back at or above it.",
  })
  async setLowBalanceThresholds(
    @IdArg('accountId', { nullable: true }) accountId: string | null,
    @Arg('thresholdsMillicredits', () => [String]) thresholds: string[],
    @Arg('thresholdsPercent', () => [Int], { nullable: true, description: 'Whole percents, 1 to 100' }) percents: number[] | null,
    @IdArg('memberAccountId', { nullable: true, description: "A member of the team accountId: the member's thresholds" })
    memberAccountId: string | null,
    @IdArg('apiKeyId', { nullable: true, description: "A key of the account: the key's thresholds, on its remaining budget" })
    apiKeyId: string | null,
    @Ctx() ctx: Context,
  ): Promise<LowBalanceAlertGql[]> {
    const target = await ctx.services.teams.actingAccount(ctx.principal, 'alerts.set', accountId);
    const alerts = ctx.services.notify.alerts;
    const scope = thresholdScope(target, memberAccountId, apiKeyId);
    const set = scope
      ? await alerts.setScopedThresholds(principalOf(ctx), scope, thresholds, percents ?? [])
      : await alerts.setThresholds(principalOf(ctx), target, thresholds, percents ?? []);
    return set;
  }
}

@Resolver(() => TeamMemberGql)
export class TeamMemberNotifyResolver {
  /** Whoever may see the member row (the team's OWNERs, the member, SUPPORT+) may see its thresholds. */
  @FieldResolver(() => [LowBalanceAlertGql], {
    description: 'Low-balance thresholds on the remaining allocation, highest first (setLowBalanceThresholds with memberAccountId)',
  })
  async lowBalanceAlerts(@Root() member: TeamMemberGql, @Ctx() ctx: Context): Promise<LowBalanceAlertGql[]> {
    if (member.removedAt) return [];
    return ctx.services.notify.alerts.scopedThresholds({ accountId: member.teamId, memberAccountId: member.accountId });
  }
}

@Resolver(() => ApiKeyGql)
export class ApiKeyNotifyResolver {
  /** Whoever may list the key (its account, SUPPORT+) may see its thresholds. */
  @FieldResolver(() => [LowBalanceAlertGql], {
    description: 'Low-balance thresholds on the remaining budget, highest first (setLowBalanceThresholds with apiKeyId)',
  })
  async lowBalanceAlerts(@Root() key: ApiKeyGql, @Ctx() ctx: Context): Promise<LowBalanceAlertGql[]> {
    if (key.revokedAt) return [];
    return ctx.services.notify.alerts.scopedThresholds({ accountId: key.accountId, apiKeyId: key.id });
  }
}

@Resolver(() => AccountGql)
export class AccountNotifyResolver {
  @FieldResolver(() => LowBalanceAlertGql, { description: 'The low-balance alert: threshold and state' })
  async lowBalanceAlert(@Root() account: AccountGql, @Ctx() ctx: Context): Promise<LowBalanceAlertGql> {
    accountInScope(ctx, 'account.details', account.id);
    return ctx.services.notify.alerts.setting(account.id);
  }

  @FieldResolver(() => [LowBalanceAlertGql], { description: 'Every low-balance threshold, highest first, with its state' })
  async lowBalanceAlerts(@Root() account: AccountGql, @Ctx() ctx: Context): Promise<LowBalanceAlertGql[]> {
    accountInScope(ctx, 'account.details', account.id);
    return ctx.services.notify.alerts.thresholds(account.id);
  }
}
