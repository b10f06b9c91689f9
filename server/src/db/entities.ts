import { AccountEntity } from '../accounts/account.entity.js';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { ApiKeyEntity } from '../auth/api-key.entity.js';
import { PortalTokenEntity } from '../sessions/portal-token.entity.js';
import { SessionEntity } from '../sessions/session.entity.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { WebhookEndpointEntity } from '../notify/webhook-endpoint.entity.js';
import { TeamEntity, TeamMemberEntity } from '../teams/team.entities.js';

/** Every entity the ORM knows. Feature modules add theirs here. */
export const entities = [
  AccountEntity,
  ApiKeyEntity,
  AuditEntryEntity,
  StaffUserEntity,
  SessionEntity,
  PortalTokenEntity,
  WebhookEndpointEntity,
  TeamEntity,
  TeamMemberEntity,
];
