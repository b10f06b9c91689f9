import type { LowBalanceAlertGql } from './notify.graphql.js';
import { parseMillicredits } from '../money/money.js';
import { badInput } from '../shared/errors.js';
import { parseId } from '../shared/validate.js';

/**
 * One threshold and its state, in the one shape the queries return and GraphQL shows: the amount
 * as a decimal string; `custom` false: the account follows the default from config; `alerted` true
 * while available credit is below it and `balance.low` has fired for this crossing.
 */
export type LowBalanceSetting = LowBalanceAlertGql;

/** At most this many thresholds per account or member (millicredits and percents together). */
const MAX_LOW_BALANCE_THRESHOLDS = 10;

/** Distinct, non-negative millicredit amounts, highest first. */
function parseThresholds(inputs: readonly string[]): bigint[] {
  if (inputs.length > MAX_LOW_BALANCE_THRESHOLDS)
    throw badInput(`At most ${MAX_LOW_BALANCE_THRESHOLDS} thresholds per account`, { field: 'thresholdsMillicredits' });
  const values = inputs.map((t) => parseMillicredits(t, 'thresholdsMillicredits'));
  if (values.some((v) => v < 0n)) throw badInput('thresholdsMillicredits must not be negative', { field: 'thresholdsMillicredits' });
  return [...new Set(values)].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
}

/** Both lists checked together: millicredits as `parseThresholds`, percents whole numbers 1–100, highest first. */
export function parseThresholdLists(inputs: readonly string[], percentInputs: readonly number[]) {
  const credits = parseThresholds(inputs);
  if (percentInputs.some((p) => !Number.isInteger(p) || p < 1 || p > 100))
    throw badInput('thresholdsPercent must be whole numbers from 1 to 100', { field: 'thresholdsPercent' });
  const percents = [...new Set(percentInputs)].sort((a, b) => b - a);
  if (credits.length + percents.length > MAX_LOW_BALANCE_THRESHOLDS)
    throw badInput(`At most ${MAX_LOW_BALANCE_THRESHOLDS} thresholds per account`, { field: 'thresholdsPercent' });
  return { credits, percents };
}

export const auditedThresholds = (rows: LowBalanceSetting[]) => ({
  thresholdsMillicredits: rows.filter((t) => t.percent === null).map((t) => t.thresholdMillicredits),
  thresholdsPercent: rows.flatMap((t) => (t.percent === null ? [] : [t.percent])),
  custom: rows[0]?.custom ?? true,
});

/** Whose thresholds other than an account's own: a member of the team `accountId`, or a key of the account `accountId`. */
export type ThresholdScopeInput = { accountId: string; memberAccountId: string } | { accountId: string; apiKeyId: string };

/** The scope `setLowBalanceThresholds` names: a member, a key, or (null) the account itself. */
export function thresholdScope(accountId: string, memberAccountId: string | null, apiKeyId: string | null): ThresholdScopeInput | null {
  if (memberAccountId && apiKeyId) throw badInput('Name a member or a key, not both', { field: 'apiKeyId' });
  if (memberAccountId) return { accountId, memberAccountId };
  return apiKeyId ? { accountId, apiKeyId } : null;
}

/** A member's or a key's thresholds: whose they are, and how the audit and a miss name them. */
export interface Scope {
  kind: 'member' | 'key';
  accountId: string;
  id: string;
  idField: 'memberAccountId' | 'apiKeyId';
  auditAction: string;
  missing: string;
}

export function scopeOf(input: ThresholdScopeInput): Scope {
  const accountId = parseId(input.accountId, 'accountId');
  const member = 'memberAccountId' in input;
  const id = member ? parseId(input.memberAccountId, 'memberAccountId') : parseId(input.apiKeyId, 'apiKeyId');
  return {
    kind: member ? 'member' : 'key',
    accountId,
    id,
    idField: member ? 'memberAccountId' : 'apiKeyId',
    auditAction: member ? 'team.setMemberLowBalanceThresholds' : 'apiKey.setLowBalanceThresholds',
    missing: member
      ? `Account ${id} is not an active member of team ${accountId}`
      : `API key ${id} of account ${accountId} not found (or revoked)`,
  };
}
