import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { AccountGql } from '../accounts/accounts.graphql.js';
import type { Context } from '../graphql/context.js';
import { accountInScope, principalOf } from '../graphql/auth.js';
import { ModelRateGql } from '../ratecards/ratecards.graphql.js';
import { ProxySettingsGql, ProxySettingsInput } from './proxy.graphql.js';

@Resolver()
export class ProxySettingsResolver {
  @Authorized('proxy.settings')
  @Mutation(() => ProxySettingsGql, {
    description: "Sets the proxy's spend caps and streaming-hold opt-in (own account; another needs ADMIN; audited)",
  })
  async setProxySettings(
    @Arg('input', () => ProxySettingsInput) input: ProxySettingsInput,
    @Arg('accountId', () => ID, { nullable: true }) accountId: string | null,
    @Ctx() ctx: Context,
  ): Promise<ProxySettingsGql> {
    const target = accountInScope(ctx, 'proxy.settings', accountId || null);
    return ctx.services.proxySettings.set(principalOf(ctx), target, input);
  }
}

@Resolver(() => AccountGql)
export class AccountProxySettingsResolver {
  @FieldResolver(() => ProxySettingsGql)
  async proxySettings(@Root() account: AccountGql, @Ctx() ctx: Context): Promise<ProxySettingsGql> {
    return ctx.services.proxySettings.get(accountInScope(ctx, 'account.details', account.id));
  }
}

@Resolver(() => ModelRateGql)
export class ModelRateSimulatedResolver {
  @FieldResolver(() => Boolean, {
    description:
      'Answered by the built-in simulator (no OPENAI_API_KEY or ANTHROPIC_API_KEY for its provider, or the creditmeter-sim model)',
  })
  simulated(@Root() rate: ModelRateGql, @Ctx() ctx: Context): boolean {
    return ctx.services.proxy.isSimulated(rate);
  }
}
