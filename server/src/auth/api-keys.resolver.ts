import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { principalOf } from '../graphql/auth.js';
import type { Context } from '../graphql/context.js';
import { ApiKeyGql } from './api-keys.graphql.js';

@Resolver(() => ApiKeyGql)
export class ApiKeysResolver {
  @Authorized('apiKey.list')
  @Query(() => [ApiKeyGql], { description: 'Keys of the own account (SUPPORT+ may name another), revoked ones too; never the secret' })
  async apiKeys(@Arg('accountId', () => ID, { nullable: true }) accountId: string | null, @Ctx() ctx: Context): Promise<ApiKeyGql[]> {
    return ctx.services.auth.list(principalOf(ctx), accountId);
  }

  @Authorized('apiKey.revoke')
  @Mutation(() => ApiKeyGql, { description: "The key's own account, or ADMIN; audited; stops working at once everywhere" })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiKeyGql> {
    return ctx.services.auth.revoke(principalOf(ctx), id);
  }
}
