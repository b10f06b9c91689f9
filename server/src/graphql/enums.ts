import { registerEnumType } from 'type-graphql';
import { ROLES, type Role } from '../auth/roles.js';
import { LEDGER_ENTRY_TYPES, type LedgerEntryType } from '../ledger/ledger.types.js';

/**
 * Every GraphQL enum comes from the domain's own `as const` list of values: the list is the one
 * definition, and this turns it into the `{ VALUE: 'VALUE' }` object type-graphql registers.
 */
export function graphqlEnum<const T extends string>(
  values: readonly T[],
  options: { name: string; description?: string },
): { readonly [K in T]: K } {
  const enumObject = Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
  registerEnumType(enumObject, options);
  return enumObject;
}

export const RoleEnum = graphqlEnum(ROLES, { name: 'Role', description: 'What a key may do: USER sees only its own account' });
export type RoleEnum = Role;

export const LedgerEntryTypeEnum = graphqlEnum(LEDGER_ENTRY_TYPES, { name: 'LedgerEntryType' });
export type LedgerEntryTypeEnum = LedgerEntryType;
