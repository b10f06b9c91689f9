import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { AccountGql } from '../accounts/accounts.graphql.js';
import { hasRole, ownAccountId } from '../auth/roles.js';
import type { Context } from '../graphql/context.js';
import { requireAccountAccess, requirePrincipal } from '../graphql/guards.js';
import { ModelRateGql } from '../ratecards/ratecards.graphql.js';
import { forbidden } from '../shared/errors.js';
import { parseId } from '../shared/validate.js';
import { ProxySettingsGql, ProxySettingsInput, toProxySettingsGql } from './proxy.graphql.js';

@Resolver()
export class ProxySettingsResolver {
  @Mutation(() => ProxySettingsGql, { description: "Sets the proxy's spend caps and streaming-hold opt-in (own account; another needs ADMIN; audited)" })
  async setProxySettings(
    @Arg('input', () => ProxySettingsInput) input: ProxySettingsInput,
    @Arg('accountId', () => ID, { nullable: true }) accountId: string | null,
    @Ctx() ctx: Context,
  ): Promise<ProxySettingsGql> {
    const principal = requirePrincipal(ctx);
    const target = accountId ? parseId(accountId, 'accountId') : ownAccountId(principal);
    if (target !== principal.accountId && !hasRole(principal.role, 'ADMIN')) {
      throw forbidden("Changing another account's proxy settings needs the ADMIN role");
    }
    return toProxySettingsGql(await ctx.services.proxySettings.set(principal, target, input));
  }
}

@Resolver(() => AccountGql)
export class AccountProxySettingsResolver {
  @FieldResolver(() => ProxySettingsGql)
  async proxySettings(@Root() account: AccountGql, @Ctx() ctx: Context): Promise<ProxySettingsGql> {
    return toProxySettingsGql(await ctx.services.proxySettings.get(requireAccountAccess(ctx, account.id)));
  }
}

@Resolver(() => ModelRateGql)
export class ModelRateSimulatedResolver {
  @FieldResolver(() => Boolean, { description: 'Answered by the built-in simulator (no OPENAI_API_KEY, or the creditmeter-sim model)' })
  simulated(@Root() rate: ModelRateGql, @Ctx() ctx: Context): boolean {
    return ctx.services.proxy.isSimulated(rate.model);
  }
}
