import { AccountEntity } from '../accounts/accounts.repository.js';
import { AuditEntryEntity } from '../audit/audit.repository.js';
import { DisputeEntity } from '../billing/disputes.repository.js';
import { PurchaseEntity } from '../billing/purchases.repository.js';
import { BillingCustomerEntity } from '../billing/billing-customers.repository.js';
import { AutoRechargeSettingsEntity } from '../billing/auto-recharge-settings.repository.js';
import { StripeEventEntity } from '../billing/stripe-events.repository.js';
import { PromoCodeEntity, PromoRedemptionEntity } from '../promotions/promotions.repository.js';
import { ReconciliationFindingEntity, ReconciliationRunEntity } from '../reconciliation/runs.repository.js';
import { DemoClockEntity } from '../demo-clock.repository.js';
import { GrantExpiryNoticeEntity } from '../grants/grant-expiry-notices.repository.js';
import { ApiKeyEntity } from '../auth/api-keys.repository.js';
import { ModelRateEntity, ModelSwitchEntity, RateCardActivationEntity, RateCardEntity } from '../ratecards/ratecards.repository.js';
import { ProxySettingsEntity } from '../proxy/proxy-settings.repository.js';
import { PortalTokenEntity } from '../sessions/portal-tokens.repository.js';
import { SessionEntity } from '../sessions/sessions.repository.js';
import { StaffUserEntity } from '../staff/staff-users.repository.js';
import { CreditsExhaustedNoticeEntity } from '../notify/credits-exhausted.repository.js';
import { NotificationAttemptEntity } from '../notify/attempts.repository.js';
import { NotificationDeliveryEntity } from '../notify/deliveries.repository.js';
import { NotifySettingsEntity } from '../notify/notify-settings.repository.js';
import { OutboxEventEntity } from '../notify/outbox.repository.js';
import { WebhookEndpointEntity } from '../notify/webhook-endpoints.repository.js';
import { TeamEntity, TeamInvitationEntity, TeamMemberEntity } from '../teams/teams.repository.js';

/** Every entity the ORM knows. Feature modules add theirs here. */
export const entities = [
  GrantExpiryNoticeEntity,
  AccountEntity,
  ApiKeyEntity,
  AuditEntryEntity,
  StaffUserEntity,
  SessionEntity,
  PortalTokenEntity,
  RateCardEntity,
  RateCardActivationEntity,
  ModelRateEntity,
  ModelSwitchEntity,
  WebhookEndpointEntity,
  OutboxEventEntity,
  NotificationDeliveryEntity,
  NotificationAttemptEntity,
  CreditsExhaustedNoticeEntity,
  NotifySettingsEntity,
  TeamEntity,
  TeamMemberEntity,
  TeamInvitationEntity,
  DisputeEntity,
  StripeEventEntity,
  PurchaseEntity,
  BillingCustomerEntity,
  AutoRechargeSettingsEntity,
  PromoCodeEntity,
  PromoRedemptionEntity,
  ProxySettingsEntity,
  DemoClockEntity,
  ReconciliationRunEntity,
  ReconciliationFindingEntity,
];
