export const ROLES = ['USER', 'SUPPORT', 'FINANCE', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** `Role.ADMIN` etc., for defaults and comparisons. Who may do what is auth/policy.ts. */
export const Role = Object.fromEntries(ROLES.map((r) => [r, r])) as { readonly [K in Role]: K };

export const STAFF_ROLES = ['SUPPORT', 'FINANCE', 'ADMIN'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

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
