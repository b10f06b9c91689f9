import type { AuthCheckerFn } from 'type-graphql';
import { hasRole, type Principal, type Role } from '../auth/roles.js';
import { forbidden, unauthenticated } from '../shared/errors.js';
import { parseId } from '../shared/validate.js';
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

/**
 * "Own account, or this role": the account an operation acts on. Omitted means the caller's
 * own; naming another account needs `role` (or a higher one).
 */
export function accountInScope(ctx: Pick<Context, 'principal'>, accountId: string | null | undefined, role: Role): string {
  const principal = principalOf(ctx);
  if (accountId === null || accountId === undefined) return principal.accountId;
  const id = parseId(accountId, 'accountId');
  if (id !== principal.accountId && !hasRole(principal.role, role)) {
    throw forbidden(`Acting on another account needs the ${role} role`);
  }
  return id;
}
