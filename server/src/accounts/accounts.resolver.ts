import { IdArg, TextArg } from '../graphql/validation.js';
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../auth/roles.js';
import { KeyLimitResetEnum } from '../auth/api-keys.graphql.js';
import { accountInScope, principalOf } from '../graphql/auth.js';
import type { Context } from '../graphql/context.js';
import { found } from '../graphql/errors.js';
import { RoleEnum } from '../graphql/enums.js';
import { BalanceGql, LedgerConnectionGql, toBalanceGql } from '../ledger/ledger.graphql.js';
import { seqConnection } from '../graphql/connection.js';
import { UsageConnectionGql, toUsageConnection } from '../usage/usage.graphql.js';
import { SortDirectionEnum, pageWindow, toOffsetConnection } from '../graphql/offset-paging.js';
import {
  AccountConnectionGql,
  AccountGql,
  AccountOrderByEnum,
  CreateAccountInput,
  CreatedApiKeyGql,
  toAccountGql,
} from './accounts.graphql.js';

@Resolver(() => AccountGql)
export class AccountsResolver {
  @Authorized('account.me')
  @Query(() => AccountGql, { description: "The caller's own account" })
  async me(@Ctx() ctx: Context): Promise<AccountGql> {
    const account = await ctx.loaders.account.load(accountInScope(ctx, 'account.me', null));
    return toAccountGql(found(account, 'The account of this key no longer exists'));
  }

  @Authorized('account.read')
  @Query(() => AccountGql, { nullable: true, description: 'Any account (SUPPORT+); null when unknown' })
  async account(@IdArg('id') id: string, @Ctx() ctx: Context): Promise<AccountGql | null> {
    const account = await ctx.loaders.account.load(accountInScope(ctx, 'account.read', id));
    return account ? toAccountGql(account) : null;
  }

  @Authorized('account.list')
  @Query(() => AccountConnectionGql, {
    description: 'Customer accounts (SUPPORT+): search by email or name (contains) or id (exact); sorted; paged by after or offset',
  })
  async accounts(
    @Ctx() ctx: Context,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('orderBy', () => AccountOrderByEnum, { defaultValue: AccountOrderByEnum.CREATED_AT }) orderBy: AccountOrderByEnum,
    @Arg('direction', () => SortDirectionEnum, { defaultValue: SortDirectionEnum.DESC }) direction: SortDirectionEnum,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('offset', () => Int, { nullable: true }) offset: number | null,
  ): Promise<AccountConnectionGql> {
    const page = await ctx.services.accounts.list({ search, orderBy, direction, ...pageWindow(first, after, offset) });
    return toOffsetConnection(page, toAccountGql);
  }

  @Authorized('account.create')
  @Mutation(() => AccountGql, { description: 'ADMIN' })
  async createAccount(@Arg('input', () => CreateAccountInput) input: CreateAccountInput, @Ctx() ctx: Context): Promise<AccountGql> {
    return toAccountGql(await ctx.services.accounts.create(principalOf(ctx), input));
  }

  @Authorized('apiKey.create')
  @Mutation(() => CreatedApiKeyGql, { description: 'ADMIN; the key is shown once' })
  async createApiKey(
    @IdArg('accountId') accountId: string,
    @Arg('role', () => RoleEnum, { nullable: true, defaultValue: Role.USER }) role: Role,
    @Ctx() ctx: Context,
    @TextArg('label', { max: 100 }, { nullable: true, description: 'A name to tell keys apart (at most 100 characters)' })
    label?: string | null,
    @Arg('spendLimitMillicredits', () => String, {
      nullable: true,
      description: 'Millicredits per period, a decimal string; none: no limit',
    })
    spendLimitMillicredits?: string | null,
    @Arg('limitReset', () => KeyLimitResetEnum, { nullable: true, description: 'NEVER when not given' })
    limitReset?: KeyLimitResetEnum | null,
    @Arg('allowedModels', () => [String], { nullable: true, description: 'Models the key may call; none: every model' })
    allowedModels?: string[] | null,
  ): Promise<CreatedApiKeyGql> {
    const budget = {
      spendLimitMillicredits: spendLimitMillicredits ?? undefined,
      limitReset: limitReset ?? undefined,
      allowedModels: allowedModels ?? undefined,
    };
    return ctx.services.auth.createKey(principalOf(ctx), accountId, role, label, null, undefined, budget);
  }

  @FieldResolver(() => BalanceGql)
  async balance(@Root() account: AccountGql, @Ctx() ctx: Context): Promise<BalanceGql> {
    return toBalanceGql(found(await ctx.loaders.balance.load(account.id), `Account ${account.id} not found`));
  }

  @FieldResolver(() => LedgerConnectionGql, { description: 'Newest first' })
  async ledger(
    @Root() account: AccountGql,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<LedgerConnectionGql> {
    const { ledger } = ctx.services;
    return seqConnection(await ledger.entries(account.id, first, after), () => ledger.entryCount(account.id));
  }

  @FieldResolver(() => UsageConnectionGql, { description: 'Newest first' })
  async usage(
    @Root() account: AccountGql,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<UsageConnectionGql> {
    const { usage } = ctx.services;
    return toUsageConnection(await usage.page(account.id, first, after), () => usage.count(account.id));
  }
}
