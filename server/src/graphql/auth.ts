import type { AuthCheckerFn } from 'type-graphql';
import { actingAccount, hasRole, type Principal, type Role } from '../auth/roles.js';
import { forbidden, unauthenticated } from '../shared/errors.js';
import type { Context } from './context.js';
import { toGraphQLError } from './errors.js';

/**
 * The one role check behind `@Authorized()`: any valid key, or `@Authorized(Role.FINANCE)` for
 * that role or a higher one (roles are ordered). type-graphql runs it before the global
 * middlewares, so it throws the typed GraphQL errors itself.
 */
export const authChecker: AuthCheckerFn<Context, Role> = ({ context }, roles) => {
  if (!context.principal) throw toGraphQLError(unauthenticated());
  const [required] = roles;
  if (required && !hasRole(context.principal.role, required)) {
    throw toGraphQLError(forbidden(`This operation needs the ${required} role`));
  }
  return true;
};

/** The caller, for resolvers behind `@Authorized` (the principal goes to services for the audit row). */
export function principalOf(ctx: Pick<Context, 'principal'>): Principal {
  if (!ctx.principal) throw unauthenticated();
  return ctx.principal;
}

/** "Own account, or this role" for the caller (see `actingAccount`): the account id to act on. */
export const accountInScope = (ctx: Pick<Context, 'principal'>, accountId: string | null | undefined, role: Role): string =>
  actingAccount(principalOf(ctx), accountId, role);
