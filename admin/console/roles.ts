export type StaffRole = 'SUPPORT' | 'FINANCE' | 'ADMIN';
const rank: Record<string, number> = { USER: 0, SUPPORT: 1, FINANCE: 2, ADMIN: 3 };

/** The console hides what a role cannot do; the server enforces it either way. */
export const atLeast = (role: string | undefined, needed: StaffRole) => (rank[role ?? ''] ?? -1) >= rank[needed];
