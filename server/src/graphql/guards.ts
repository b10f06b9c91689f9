import { hasRole, type Principal, type Role } from '../auth/roles.js';
import { forbidden, unauthenticated } from '../shared/errors.js';
import { parseId, sameId } from '../shared/validate.js';
import type { Context } from './context.js';

export function requirePrincipal(ctx: Pick<Context, 'principal'>): Principal {
  if (!ctx.principal) throw unauthenticated();
  return ctx.principal;
}

export function requireRole(ctx: Pick<Context, 'principal'>, role: Role): Principal {
  const principal = requirePrincipal(ctx);
  if (!hasRole(principal.role, role)) throw forbidden(`This operation needs the ${role} role`);
  return principal;
}

/** USER keys see only their own account; SUPPORT and above may name any account. */
export function requireAccountAccess(ctx: Pick<Context, 'principal'>, accountId: string): string {
  const principal = requirePrincipal(ctx);
  const id = parseId(accountId, 'accountId');
  if (!sameId(id, principal.accountId) && !hasRole(principal.role, 'SUPPORT')) {
    throw forbidden('A USER key may only access its own account');
  }
  return id;
}
