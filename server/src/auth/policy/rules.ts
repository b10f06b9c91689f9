import type { Role } from '../roles.js';
import { ACCOUNT_HOLDERS, ANYONE, CHARGERS, SIGNED_IN, staff, type PrincipalKind } from './kinds.js';

export interface Rule {
  /** Who may call it at all: anyone else is refused (UNAUTHENTICATED when anonymous, else FORBIDDEN). */
  who: readonly PrincipalKind[];
  /** Account-scoped: an account other than the caller's own needs this role (or a higher one); absent: own only. */
  other?: Role;
  /** A team's active members (MEMBER) or only its OWNERs act on the team's account as on their own. */
  team?: 'MEMBER' | 'OWNER';
  /**
   * A team key's own account: the team it was issued for (default), or the member's for charges
   * that go to the team anyway. A team key never reaches any other account.
   */
  teamKeyActsAs?: 'team' | 'member';
  /** What the rule says, in words (docs/security.md). */
  says: string;
  /** The FORBIDDEN message when the caller is refused for the resource (someone else's account or team). */
  refused?: string;
}

const rule = <R extends Rule>(r: R) => r;

/**
 * Every operation of the service and who may do it: GraphQL fields name their action with
 * `@Authorized('…')`, routes and services call `authorize(principal, '…')`. docs/security.md
 * explains the table; test/security/permission-matrix.test.ts checks it from outside.
 */
export const RULES = {
  // Sessions and identity
  'session.viewer': rule({ who: ANYONE, says: 'Anyone (null when signed out)' }),
  'session.signIn': rule({ who: ANYONE, says: 'Anyone: staff e-mail and password' }),
  'session.signInWithKey': rule({ who: ANYONE, says: 'Anyone with an account key (refused in production)' }),
  'session.signOut': rule({ who: ANYONE, says: 'Anyone: ends the cookie session in use, if any' }),
  'session.signOutEverywhere': rule({ who: staff('SUPPORT'), says: 'Staff sessions: every console session of the signed-in staff user' }),
  'portal.revoke': rule({ who: ACCOUNT_HOLDERS, other: 'ADMIN', says: "Ends an account's Credits page sessions: own account; ADMIN any" }),
  'portal.open': rule({ who: ACCOUNT_HOLDERS, other: 'ADMIN', says: 'Own account; ADMIN any account' }),
  // Accounts and keys
  'account.me': rule({ who: ACCOUNT_HOLDERS, says: 'Own account (a staff session has none); never a team key' }),
  'account.details': rule({ who: ACCOUNT_HOLDERS, other: 'SUPPORT', says: "An account's settings and grants: own account; SUPPORT+ any" }),
  'account.read': rule({ who: staff('SUPPORT'), other: 'SUPPORT', says: 'SUPPORT+' }),
  'account.list': rule({ who: staff('SUPPORT'), says: 'SUPPORT+' }),
  'account.create': rule({ who: staff('ADMIN'), says: 'ADMIN' }),
  'apiKey.list': rule({ who: ACCOUNT_HOLDERS, other: 'SUPPORT', says: 'Own account; SUPPORT+ any' }),
  'apiKey.create': rule({ who: staff('ADMIN'), says: 'ADMIN' }),
  'apiKey.revoke': rule({ who: ACCOUNT_HOLDERS, other: 'ADMIN', says: "Own account's keys; ADMIN any" }),
  'apiKey.update': rule({
    who: ACCOUNT_HOLDERS,
    other: 'ADMIN',
    says: "Own account's keys (label, spend limit, reset, allowed models); ADMIN any",
  }),
  // Metering and balances
  'usage.record': rule({
    who: CHARGERS,
    other: 'ADMIN',
    teamKeyActsAs: 'member',
    says: "Own account (a team key: its team, within the member's allocation); ADMIN any",
  }),
  'balance.watch': rule({ who: CHARGERS, other: 'SUPPORT', team: 'MEMBER', says: "Own account, a team's members the team; SUPPORT+ any" }),
  'rates.active': rule({ who: SIGNED_IN, says: 'Any signed-in caller' }),
  'proxy.chat': rule({ who: CHARGERS, says: 'Keys only (the proxy reads no cookie); a team key charges its team' }),
  'proxy.models': rule({ who: SIGNED_IN, says: 'Any key' }),
  'proxy.key': rule({ who: CHARGERS, says: "Keys only: the calling key's own limit, usage and the balance it spends" }),
  'proxy.settings': rule({ who: ACCOUNT_HOLDERS, other: 'ADMIN', says: 'Own account; ADMIN any' }),
  'proxy.rateLimit': rule({ who: staff('ADMIN'), says: 'ADMIN: the per-key requests per minute' }),
  'alerts.set': rule({
    who: ACCOUNT_HOLDERS,
    other: 'ADMIN',
    team: 'OWNER',
    says: "Own account, a team's OWNERs the team and its members; ADMIN any",
  }),
  'webhook.read': rule({ who: ACCOUNT_HOLDERS, other: 'SUPPORT', says: 'Own account; SUPPORT+ any and the operator endpoints' }),
  'webhook.manage': rule({ who: ACCOUNT_HOLDERS, other: 'ADMIN', says: 'Own account; ADMIN any and the operator endpoints' }),
  'statement.read': rule({
    who: ACCOUNT_HOLDERS,
    other: 'SUPPORT',
    team: 'OWNER',
    says: "Own account, a team's OWNERs the team; SUPPORT+ any",
  }),
  // Billing
  'billing.packs': rule({ who: ANYONE, says: 'Anyone' }),
  'billing.checkout': rule({
    who: ACCOUNT_HOLDERS,
    other: 'ADMIN',
    team: 'OWNER',
    says: "Own account, a team's OWNERs the team; ADMIN any",
  }),
  'billing.autoRecharge': rule({ who: ACCOUNT_HOLDERS, other: 'ADMIN', says: 'Own account; ADMIN any' }),
  'purchase.read': rule({ who: ACCOUNT_HOLDERS, other: 'SUPPORT', says: 'Own account; SUPPORT+ any' }),
  'billing.inspect': rule({ who: staff('SUPPORT'), says: 'SUPPORT+: purchases, stale ones, failed Stripe events, negative balances' }),
  'billing.repair': rule({ who: staff('ADMIN'), says: 'ADMIN, audited' }),
  'billing.refund': rule({ who: staff('FINANCE'), says: "FINANCE+, audited: refunds a purchase through Stripe's refund API" }),
  'promo.redeem': rule({ who: ACCOUNT_HOLDERS, says: 'Own account' }),
  'promo.manage': rule({ who: staff('ADMIN'), says: 'ADMIN' }),
  // Teams (the team's id is its account's id)
  'team.create': rule({
    who: ['userKey', 'portal', 'ADMIN'],
    other: 'ADMIN',
    says: 'A USER key or portal session (it becomes OWNER); ADMIN for anyone',
    refused: 'Only an ADMIN may name another owner',
  }),
  'team.read': rule({
    who: SIGNED_IN,
    other: 'SUPPORT',
    team: 'MEMBER',
    says: 'Its active members and its own team keys; SUPPORT+ any',
    refused: 'Only members of this team (or SUPPORT+) may see it',
  }),
  'team.members': rule({
    who: SIGNED_IN,
    other: 'SUPPORT',
    team: 'OWNER',
    teamKeyActsAs: 'member',
    says: "Every member row: the team's OWNERs, SUPPORT+; others their own row",
  }),
  'team.addWithoutConsent': rule({
    who: staff('ADMIN'),
    says: 'ADMIN adds an account at once; an OWNER only invites it (it joins when it accepts)',
  }),
  'team.join': rule({ who: ACCOUNT_HOLDERS, says: "Accept or decline the caller's own account's invitation; never a team key" }),
  'team.list': rule({ who: staff('SUPPORT'), says: 'SUPPORT+' }),
  'team.spend': rule({
    who: ACCOUNT_HOLDERS,
    other: 'FINANCE',
    team: 'OWNER',
    says: "The team's OWNERs; FINANCE+",
    refused: "Only the team's OWNERs and FINANCE+ see its spend",
  }),
  'team.manage': rule({
    who: ACCOUNT_HOLDERS,
    other: 'ADMIN',
    team: 'OWNER',
    says: "The team's OWNERs; ADMIN",
    refused: 'Only an OWNER of this team (or an ADMIN) may do this',
  }),
  'team.key': rule({
    who: ACCOUNT_HOLDERS,
    other: 'ADMIN',
    says: 'An active member, for their own account only; ADMIN for any active member',
    refused: "A team key is issued only to the member's own account (or by an ADMIN)",
  }),
  // Staff operations
  'ledger.adjust': rule({ who: staff('ADMIN'), says: 'ADMIN, audited' }),
  'grant.manage': rule({ who: staff('ADMIN'), says: 'ADMIN, audited' }),
  'rates.cards': rule({ who: staff('SUPPORT'), says: 'SUPPORT+' }),
  'rates.manage': rule({ who: staff('ADMIN'), says: 'ADMIN, audited' }),
  'rates.catalog': rule({ who: staff('SUPPORT'), says: 'SUPPORT+: the bundled provider price list' }),
  'rates.draft': rule({ who: staff('ADMIN'), says: 'ADMIN: a rate card drafted from the price list; writes nothing' }),
  'finance.read': rule({ who: staff('FINANCE'), says: 'FINANCE+' }),
  'usage.report': rule({
    who: ACCOUNT_HOLDERS,
    other: 'SUPPORT',
    team: 'OWNER',
    says: "usageReport and GET /reports/usage.csv: own account, a team's OWNERs the team; SUPPORT+ any, or all accounts",
  }),
  'reconciliation.read': rule({ who: staff('FINANCE'), says: 'FINANCE+' }),
  'reconciliation.run': rule({ who: staff('FINANCE'), says: 'FINANCE+' }),
  'audit.read': rule({ who: staff('FINANCE'), says: 'FINANCE+ (also GET /audit-log.csv)' }),
  'audit.chain': rule({ who: staff('ADMIN'), says: 'ADMIN' }),
  'staff.manage': rule({ who: staff('ADMIN'), says: 'ADMIN, audited' }),
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;
