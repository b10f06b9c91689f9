import { STAFF_ROLES, type StaffRole } from '../auth/roles.js';
import { badInput } from '../shared/errors.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Passwords: long enough to resist guessing, short enough that hashing one is cheap. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export function staffEmail(value: string | null | undefined): string {
  const email = typeof value === 'string' ? value.trim() : '';
  if (!email || email.length > 320 || !EMAIL.test(email)) throw badInput('email is not a valid address', { field: 'email' });
  return email;
}

export function newPassword(value: string | null | undefined): string {
  const password = typeof value === 'string' ? value : '';
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    throw badInput(`password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long`, { field: 'password' });
  }
  return password;
}

export function staffRole(value: string | null | undefined): StaffRole {
  if (!STAFF_ROLES.includes(value as StaffRole)) throw badInput(`role must be one of ${STAFF_ROLES.join(', ')}`, { field: 'role' });
  return value as StaffRole;
}
