import { registerEnumType } from 'type-graphql';

export enum RoleEnum {
  USER = 'USER',
  SUPPORT = 'SUPPORT',
  FINANCE = 'FINANCE',
  ADMIN = 'ADMIN',
}
registerEnumType(RoleEnum, { name: 'Role', description: 'What a key may do: USER sees only its own account' });

export enum LedgerEntryTypeEnum {
  PURCHASE = 'PURCHASE',
  USAGE = 'USAGE',
  REFUND = 'REFUND',
  ADJUSTMENT = 'ADJUSTMENT',
  BONUS = 'BONUS',
  PROMO = 'PROMO',
  REVERSAL = 'REVERSAL',
  EXPIRY = 'EXPIRY',
}
registerEnumType(LedgerEntryTypeEnum, { name: 'LedgerEntryType' });
