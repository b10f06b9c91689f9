import { forbidden } from '../shared/errors.js';
import { parseId, sameId } from '../shared/validate.js';

export const ROLES = ['USER', 'SUPPORT', 'FINANCE', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** `Role.ADMIN` etc., for `@Authorized(Role.ADMIN)` and defaults. */
export const Role = Object.fromEntries(ROLES.map((r) => [r, r])) as { readonly [K in Role]: K };

export const STAFF_ROLES = ['SUPPORT', 'FINANCE', 'ADMIN'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

const RANK: Record<Role, number> = { USER: 0, SUPPORT: 1, FINANCE: 2, ADMIN: 3 };

/** Roles are ordered: SUPPORT+ means SUPPORT, FINANCE or ADMIN. */
export const hasRole = (actual: Role, required: Role) => RANK[actual] >= RANK[required];

/**
 * Who is calling. An API key (keyId set) belongs to one account; a staff session has a staff user
 * and no account of its own; a portal session (the Credits page) is one account as USER.
 */
export interface Principal {
  keyId: string | null;
  accountId: string | null;
  role: Role;
  staffUserId?: string | null;
  sessionId?: string | null;
  /** Set when the key was issued for a team: its charges go to that team by default. */
  teamId?: string | null;
}

/** An API key's principal: always one account. */
export interface KeyPrincipal extends Principal {
  keyId: string;
  accountId: string;
}

/** The caller's own account; a staff session has none and must name the account it means. */
export function ownAccountId(principal: Principal): string {
  if (principal.accountId) return principal.accountId;
  throw forbidden('A staff session has no account of its own: name the account (accountId)');
}

/**
 * "Own account, or this role": the account an operation acts on. Omitted means the caller's
 * own; naming another account needs `role` (or a higher one).
 */
export function actingAccount(principal: Principal, accountId: string | null | undefined, role: Role): string {
  if (accountId === null || accountId === undefined) return ownAccountId(principal);
  const id = parseId(accountId, 'accountId');
  if (!sameId(id, principal.accountId) && !hasRole(principal.role, role)) {
    throw forbidden(`Acting on another account needs the ${role} role`);
  }
  return id;
}
