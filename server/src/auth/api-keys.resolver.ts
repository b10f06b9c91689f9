import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { principalOf } from '../graphql/auth.js';
import type { Context } from '../graphql/context.js';
import { ApiKeyGql, UpdateApiKeyInput } from './api-keys.graphql.js';
import { IdArg } from '../graphql/validation.js';

@Resolver(() => ApiKeyGql)
export class ApiKeysResolver {
  @Authorized('apiKey.list')
  @Query(() => [ApiKeyGql], { description: 'Keys of the own account (SUPPORT+ may name another), revoked ones too; never the secret' })
  async apiKeys(@IdArg('accountId', { nullable: true }) accountId: string | null, @Ctx() ctx: Context): Promise<ApiKeyGql[]> {
    return ctx.services.auth.list(principalOf(ctx), accountId);
  }

  @Authorized('apiKey.revoke')
  @Mutation(() => ApiKeyGql, { description: "The key's own account, or ADMIN; audited; stops working at once everywhere" })
  async revokeApiKey(@IdArg('id') id: string, @Ctx() ctx: Context): Promise<ApiKeyGql> {
    return ctx.services.auth.revoke(principalOf(ctx), id);
  }

  @Authorized('apiKey.update')
  @Mutation(() => ApiKeyGql, { description: "The key's own account, or ADMIN; audited: its label, spend limit, reset and models" })
  async updateApiKey(
    @IdArg('id') id: string,
    @Arg('input', () => UpdateApiKeyInput) input: UpdateApiKeyInput,
    @Ctx() ctx: Context,
  ): Promise<ApiKeyGql> {
    return ctx.services.keyBudgets.update(principalOf(ctx), id, input);
  }

  @FieldResolver(() => String, { nullable: true, description: 'What the key may spend per period (millicredits); null: no limit' })
  spendLimitMillicredits(@Root() key: ApiKeyGql): string | null {
    return key.spendLimitMillicredits?.toString() ?? null;
  }

  @FieldResolver(() => String, { description: 'Charged through this key in its current period (millicredits); holds not included' })
  async spentThisPeriodMillicredits(@Root() key: ApiKeyGql, @Ctx() ctx: Context): Promise<string> {
    return ((await ctx.loaders.keyPeriod.load(key.id))?.spentThisPeriod ?? 0n).toString();
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the current period ends and the limit starts over; null for NEVER' })
  async periodResetsAt(@Root() key: ApiKeyGql, @Ctx() ctx: Context): Promise<Date | null> {
    return (await ctx.loaders.keyPeriod.load(key.id))?.periodResetsAt ?? null;
  }
}
