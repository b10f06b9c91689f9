import type { Principal, Role } from '../roles.js';

/**
 * Who a caller is, for the policy. Staff kinds are staff sessions (console cookie) and
 * staff-role keys alike; a team key is a USER key issued for a team (`Principal.teamId`); a
 * portal session is the Credits page's cookie for one account.
 */
export const PRINCIPAL_KINDS = ['anonymous', 'userKey', 'teamKey', 'portal', 'SUPPORT', 'FINANCE', 'ADMIN'] as const;
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

export function kindOf(principal: Principal | null | undefined): PrincipalKind {
  if (!principal) return 'anonymous';
  if (principal.role !== 'USER') return principal.role;
  if (principal.teamId) return 'teamKey';
  return principal.keyId ? 'userKey' : 'portal';
}

const RANK: Record<Role, number> = { USER: 0, SUPPORT: 1, FINANCE: 2, ADMIN: 3 };

/** Roles are ordered: SUPPORT+ means SUPPORT, FINANCE or ADMIN. */
export const atLeast = (actual: Role, required: Role) => RANK[actual] >= RANK[required];

/** The staff kinds from `role` up: `staff('FINANCE')` is FINANCE and ADMIN. */
export const staff = (role: Exclude<Role, 'USER'>): PrincipalKind[] =>
  (['SUPPORT', 'FINANCE', 'ADMIN'] as const).filter((k) => atLeast(k, role));

export const ANYONE: readonly PrincipalKind[] = [...PRINCIPAL_KINDS];
export const SIGNED_IN: readonly PrincipalKind[] = PRINCIPAL_KINDS.filter((k) => k !== 'anonymous');
/** Whoever acts for an account of their own: USER keys, portal sessions, staff (a staff session must name the account). */
export const ACCOUNT_HOLDERS: readonly PrincipalKind[] = ['userKey', 'portal', ...staff('SUPPORT')];
/** Account holders and team keys: whoever may charge usage. */
export const CHARGERS: readonly PrincipalKind[] = [...ACCOUNT_HOLDERS, 'teamKey'];
