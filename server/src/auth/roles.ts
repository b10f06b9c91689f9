import { forbidden } from '../shared/errors.js';
import { parseId, sameId } from '../shared/validate.js';

export const ROLES = ['USER', 'SUPPORT', 'FINANCE', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** `Role.ADMIN` etc., for `@Authorized(Role.ADMIN)` and defaults. */
export const Role = Object.fromEntries(ROLES.map((r) => [r, r])) as { readonly [K in Role]: K };

const RANK: Record<Role, number> = { USER: 0, SUPPORT: 1, FINANCE: 2, ADMIN: 3 };

/** Roles are ordered: SUPPORT+ means SUPPORT, FINANCE or ADMIN. */
export const hasRole = (actual: Role, required: Role) => RANK[actual] >= RANK[required];

export interface Principal {
  keyId: string;
  accountId: string;
  role: Role;
  /** Set when the key was issued for a team: its charges go to that team by default. */
  teamId?: string | null;
}

/**
 * "Own account, or this role": the account an operation acts on. Omitted means the caller's
 * own; naming another account needs `role` (or a higher one).
 */
export function actingAccount(principal: Principal, accountId: string | null | undefined, role: Role): string {
  if (accountId === null || accountId === undefined) return principal.accountId;
  const id = parseId(accountId, 'accountId');
  if (!sameId(id, principal.accountId) && !hasRole(principal.role, role)) {
    throw forbidden(`Acting on another account needs the ${role} role`);
  }
  return id;
}
