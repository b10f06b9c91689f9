export const TEAM_ROLES = ['OWNER', 'MEMBER'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** ACTIVE may charge the team; INVITED has not accepted yet (grants nothing); REMOVED no longer may. */
export type TeamMemberStatus = 'ACTIVE' | 'INVITED' | 'REMOVED';

/** One policy per team. Caps in millicredits; null = no cap. */
export interface TeamPolicy {
  requestCap: bigint | null;
  sessionCap: bigint | null;
  sessionWindowSeconds: number;
  /** null: every enabled model. */
  allowedModels: string[] | null;
}

export interface Team {
  /** The team's account id. */
  id: string;
  name: string;
  timeZone: string;
  policy: TeamPolicy;
  /** Active members. */
  memberCount: number;
  createdAt: Date;
}

export interface TeamMember {
  teamId: string;
  accountId: string;
  role: TeamRole;
  /** null: no cap. */
  monthlyAllocation: bigint | null;
  spentThisPeriod: bigint;
  /** Reserved by the member's calls in flight. */
  heldThisPeriod: bigint;
  /** null when there is no cap. */
  remainingThisPeriod: bigint | null;
  periodStart: Date;
  addedAt: Date;
  removedAt: Date | null;
  status: TeamMemberStatus;
}

/** A pending invitation: the invited account sees it (and the team's name) until it accepts or declines. */
export interface TeamInvitation {
  teamId: string;
  teamName: string;
  accountId: string;
  role: TeamRole;
  invitedAt: Date;
  /** After this it cannot be accepted (and is no longer pending): `invitedAt` + TEAM_INVITATION_TTL_DAYS. */
  expiresAt: Date;
}

/** How long an invitation stays open, and how many one team may have waiting (0: no cap). */
export interface InvitationLimits {
  ttlDays: number;
  pendingMax: number;
}

export interface TeamSpendRow {
  /** YYYY-MM-DD in the team's time zone. */
  day: string;
  accountId: string;
  model: string;
  calls: number;
  charged: bigint;
  costMicroUsd: bigint;
  inputTokens: bigint;
  cachedInputTokens: bigint;
  outputTokens: bigint;
}

/** What a charge against a team needs to know, resolved before the charge. */
export interface TeamCharge {
  teamId: string;
  memberAccountId: string;
  policy: TeamPolicy;
  at: Date;
}

export interface CreateTeamInput {
  name: string;
  timeZone?: string | null;
  ownerAccountId?: string | null;
}

export interface SetTeamPolicyInput {
  teamId: string;
  requestCapMillicredits?: string | null;
  sessionCapMillicredits?: string | null;
  sessionWindowSeconds?: number | null;
  allowedModels?: string[] | null;
  /** IANA name; null or omitted keeps the zone. */
  timeZone?: string | null;
}
