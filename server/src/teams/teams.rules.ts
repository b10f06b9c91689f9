import type { Principal } from '../auth/roles.js';
import { parseMillicredits } from '../money/money.js';
import { DomainError, ModelDisabled, badInput, forbidden } from '../shared/errors.js';
import { parseId } from '../shared/validate.js';
import type { TeamMember, TeamPolicy } from './teams.types.js';

export const MAX_ALLOWED_MODELS = 200;

/**
 * The team a charge names: the call's own `teamId`, else the team the key was issued for. A key
 * issued for one team cannot charge another.
 */
export function chargedTeamId(principal: Principal | null, requested: string | null | undefined): string | null {
  const keyTeam = principal?.teamId ?? null;
  if (requested === null || requested === undefined || requested === '') return keyTeam;
  const teamId = parseId(requested, 'teamId');
  if (keyTeam && keyTeam !== teamId) throw forbidden('This key was issued for another team');
  return teamId;
}

/** A member row (the entity or its view) that is not removed. */
export const isActive = <M extends { removedAt: Date | null }>(m: M | null): m is M => m !== null && m.removedAt === null;

/** null clears the cap; otherwise a non-negative millicredit amount. */
export function parseAllocation(value: string | null | undefined): bigint | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const amount = parseMillicredits(value, 'monthlyAllocationMillicredits');
  if (amount < 0n)
    throw badInput('monthlyAllocationMillicredits must not be negative (null: no cap)', { field: 'monthlyAllocationMillicredits' });
  return amount;
}

function positiveCap(value: string | null | undefined, field: string, current: bigint | null): bigint | null {
  if (value === undefined) return current;
  if (value === null || value.trim() === '') return null;
  const cap = parseMillicredits(value, field);
  if (cap <= 0n) throw badInput(`${field} must be positive (or null for no cap)`, { field });
  return cap;
}

function allowedModels(value: string[] | null | undefined, current: string[] | null): string[] | null {
  if (value === undefined) return current;
  if (value === null) return null;
  if (!Array.isArray(value) || value.length > MAX_ALLOWED_MODELS) {
    throw badInput(`allowedModels must be a list of at most ${MAX_ALLOWED_MODELS} model names (null: every model)`, {
      field: 'allowedModels',
    });
  }
  const names = value.map((m) => (typeof m === 'string' ? m.trim() : ''));
  if (names.some((m) => !m || m.length > 100))
    throw badInput('allowedModels holds an empty or over-long model name', { field: 'allowedModels' });
  return [...new Set(names)].sort();
}

/** The next policy: fields left out keep their value, null clears a cap or the model list. */
export function nextPolicy(
  current: TeamPolicy,
  input: {
    requestCapMillicredits?: string | null;
    sessionCapMillicredits?: string | null;
    sessionWindowSeconds?: number | null;
    allowedModels?: string[] | null;
  },
): TeamPolicy {
  const window = input.sessionWindowSeconds;
  if (window !== undefined && window !== null && (!Number.isInteger(window) || window < 1 || window > 31 * 24 * 3600)) {
    throw badInput('sessionWindowSeconds must be a whole number from 1 to 2678400', { field: 'sessionWindowSeconds' });
  }
  return {
    requestCap: positiveCap(input.requestCapMillicredits, 'requestCapMillicredits', current.requestCap),
    sessionCap: positiveCap(input.sessionCapMillicredits, 'sessionCapMillicredits', current.sessionCap),
    sessionWindowSeconds: window ?? current.sessionWindowSeconds,
    allowedModels: allowedModels(input.allowedModels, current.allowedModels),
  };
}

/** MODEL_DISABLED for a model outside the team's list (checked before any provider call). */
export function requireModelAllowed(policy: TeamPolicy, model: string): void {
  if (policy.allowedModels !== null && !policy.allowedModels.includes(model)) {
    const err = new ModelDisabled(model);
    throw new DomainError('MODEL_DISABLED', `Model "${model}" is not allowed by this team's policy`, { ...err.details, scope: 'team' });
  }
}

export class TeamAllocationExceeded extends DomainError {
  constructor(m: TeamMember, requiredMillicredits: bigint) {
    super('SPEND_CAP_EXCEEDED', `This charge of ${requiredMillicredits} millicredits is over the member's remaining monthly allocation`, {
      scope: 'allocation',
      requiredMillicredits: requiredMillicredits.toString(),
      capMillicredits: m.monthlyAllocation?.toString() ?? null,
      remainingMillicredits: m.remainingThisPeriod?.toString() ?? null,
      periodStart: m.periodStart.toISOString(),
    });
  }
}
