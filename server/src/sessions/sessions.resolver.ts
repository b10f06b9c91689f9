import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AccountGql, toAccountGql } from '../accounts/accounts.graphql.js';
import type { Context } from '../graphql/context.js';
import { RoleEnum } from '../graphql/enums.js';
import { allowed, principalOf } from '../graphql/auth.js';
import { PortalSessionGql, ViewerGql, ViewerKindEnum } from './sessions.graphql.js';
import { IdArg } from '../graphql/validation.js';

/** Staff sign-in and sign-out, the Credits page's portal sessions, and "who am I". */
@Resolver(() => ViewerGql)
export class SessionsResolver {
  @Authorized('session.viewer')
  @Query(() => ViewerGql, { nullable: true, description: 'The caller: a staff user, a portal session or a key; null when signed out' })
  async viewer(@Ctx() ctx: Context): Promise<ViewerGql | null> {
    const p = ctx.principal;
    if (!p) return null;
    const staffUser = p.staffUserId ? await ctx.services.staff.get(p.staffUserId) : null;
    const kind = p.staffUserId ? ViewerKindEnum.STAFF : p.keyId ? ViewerKindEnum.API_KEY : ViewerKindEnum.PORTAL;
    return { kind, role: p.role as RoleEnum, staffUser, accountId: p.accountId, sessionExpiresAt: ctx.session?.expiresAt ?? null };
  }

  @Authorized('session.signIn')
  @Mutation(() => ViewerGql, {
    description: 'Staff sign-in: sets the console session cookie. Every failure answers the same UNAUTHENTICATED message.',
  })
  async signIn(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
  ): Promise<ViewerGql> {
    const session = await ctx.services.cookieSessions.signIn(ctx.http, email, password);
    const user = await ctx.services.staff.get(session.staffUserId);
    return {
      kind: ViewerKindEnum.STAFF,
      role: user.role as RoleEnum,
      staffUser: user,
      accountId: null,
      sessionExpiresAt: session.expiresAt,
    };
  }

  @Authorized('session.signOut')
  @Mutation(() => Boolean, {
    description: 'Ends the cookie session in use (console or Credits page) and clears its cookie; false when there was none',
  })
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.cookieSessions.signOut(ctx.http, ctx.session, ctx.principal);
  }

  @Authorized('session.signOutEverywhere')
  @Mutation(() => Int, {
    description:
      'Ends every console session of the signed-in staff user, on every device (this one too); audited. How many ended. Staff sessions only',
  })
  async signOutEverywhere(@Ctx() ctx: Context): Promise<number> {
    return ctx.services.cookieSessions.signOutEverywhere(ctx.http, principalOf(ctx));
  }

  @Authorized('portal.revoke')
  @Mutation(() => Int, {
    description:
      'Ends every Credits page session of an account (the account itself, or ADMIN); audited. How many ended. Revoking a key also ends the sessions it opened',
  })
  async revokePortalSessions(@IdArg('accountId') accountId: string, @Ctx() ctx: Context): Promise<number> {
    return ctx.services.portal.revokeAll(principalOf(ctx), accountId);
  }

  @Authorized('session.signInWithKey')
  @Mutation(() => ViewerGql, {
    description: "Development only (refused in production): trades an account's API key for a Credits page session",
  })
  async signInWithKey(@Arg('key', () => String) key: string, @Ctx() ctx: Context): Promise<ViewerGql> {
    const session = await ctx.services.cookieSessions.signInWithKey(ctx.http, key);
    return {
      kind: ViewerKindEnum.PORTAL,
      role: RoleEnum.USER,
      staffUser: null,
      accountId: session.accountId,
      sessionExpiresAt: session.expiresAt,
    };
  }

  @Authorized('portal.open')
  @Mutation(() => PortalSessionGql, {
    description:
      'A single-use URL, valid for minutes, that opens the Credits page signed in to one account (own account, or ADMIN for any)',
  })
  async createPortalSession(
    @Ctx() ctx: Context,
    @Arg('accountId', () => ID, { nullable: true }) accountId: string | null,
    @Arg('returnTo', () => String, { nullable: true }) returnTo: string | null,
  ): Promise<PortalSessionGql> {
    return ctx.services.portal.createLink(principalOf(ctx), accountId, returnTo);
  }

  @FieldResolver(() => AccountGql, { nullable: true, description: 'The account of a portal session or key' })
  async account(@Root() viewer: ViewerGql, @Ctx() ctx: Context): Promise<AccountGql | null> {
    // A team key's member account is not its to see (it acts only for its team).
    const account = viewer.accountId && allowed(ctx, 'account.me') ? await ctx.loaders.account.load(viewer.accountId) : null;
    return account ? toAccountGql(account) : null;
  }
}
