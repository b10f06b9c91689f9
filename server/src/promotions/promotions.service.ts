import type { EntityManager } from '@mikro-orm/postgresql';
import { writeAudit } from '../audit/audit.service.js';
import { accountFor } from '../auth/policy.js';
import type { Principal } from '../auth/roles.js';
import { pgCode } from '../db/values.js';
import { currentEm } from '../db/unit-of-work.js';
import type { GrantsService } from '../grants/grants.service.js';
import type { LedgerService } from '../ledger/ledger.service.js';
import type { LedgerEntry } from '../ledger/ledger.graphql.js';
import { DomainError, badInput, notFound } from '../shared/errors.js';
import { PAGE_SIZES, pageSize } from '../shared/paging.js';
import { PromoCodeEntity, PromoRedemptionEntity } from './promotions.repository.js';
import { addDays, normalizeCode, refusal, validatePromoCode, type CreatePromoCodeInput } from './promotions.rules.js';

const refused = (code: string, why: 'EXPIRED' | 'EXHAUSTED' | 'ALREADY_REDEEMED') =>
  why === 'EXPIRED'
    ? badInput(`Promo code ${code} has expired`, { reason: why })
    : new DomainError(
        'CONFLICT',
        why === 'EXHAUSTED' ? `Promo code ${code} has been fully redeemed` : `Promo code ${code} was already redeemed by this account`,
        { reason: why },
      );

/**
 * Promo codes (PROMO entries against `promotions`) and the introductory bonus (a BONUS entry in
 * the account's creation transaction). A redemption is one transaction: the PROMO credit locks
 * the account row, then the code's counter row is taken conditionally; either refusal rolls
 * the credit back. Lock order is always account, then code, so redemptions cannot deadlock.
 */
export class PromotionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly ledger: LedgerService,
    private readonly grants: GrantsService,
    readonly introBonusMillicredits: bigint,
  ) {}

  async create(actor: Principal, input: CreatePromoCodeInput): Promise<PromoCodeEntity> {
    const terms = validatePromoCode(input);
    try {
      return await currentEm(this.em).transactional(async (em) => {
        const created = await em.getRepository(PromoCodeEntity).add(terms, actor.keyId);
        await writeAudit(em, { actor, action: 'promo.create', targetType: 'promo_code', targetId: created.id, after: terms });
        return created;
      });
    } catch (err) {
      if (pgCode(err) === '23505') throw new DomainError('CONFLICT', `Promo code ${terms.code} already exists`);
      throw err;
    }
  }

  /** `first`: clamped into the promo codes' page rule (shared/paging.ts). */
  async list(first?: number | null): Promise<PromoCodeEntity[]> {
    return currentEm(this.em).getRepository(PromoCodeEntity).newestFirst(pageSize(first, PAGE_SIZES.promoCodes));
  }

  async redeem(principal: Principal, codeText: string): Promise<LedgerEntry> {
    const accountId = accountFor(principal, 'promo.redeem', null);
    const code = normalizeCode(codeText);
    const em = currentEm(this.em);
    const promo = await em.getRepository(PromoCodeEntity).findByCode(code);
    if (!promo) throw notFound(`Promo code ${code} does not exist`);
    const early = refusal(promo);
    if (early) throw refused(code, early);
    if (await em.getRepository(PromoRedemptionEntity).hasRedeemed(promo.id, accountId)) throw refused(code, 'ALREADY_REDEEMED');
    try {
      return await this.ledger.post(
        {
          accountId,
          type: 'PROMO',
          delta: promo.credits,
          counterparty: 'promotions',
          referenceId: `promo:${promo.id}`,
          reason: `Promo code ${code}`,
          actorKeyId: principal.keyId,
        },
        async (tem, posted) => {
          const codes = tem.getRepository(PromoCodeEntity);
          const taken = await codes.take(promo.id);
          // Thrown inside the transaction, the refusal rolls the PROMO credit back.
          if (!taken) throw refused(code, refusal((await codes.counters(promo.id)) ?? promo) ?? 'EXHAUSTED');
          await tem.getRepository(PromoRedemptionEntity).insertOn(promo.id, accountId, posted.transactionId);
          await writeAudit(tem, {
            actor: principal,
            action: 'promo.redeem',
            targetType: 'promo_code',
            targetId: promo.id,
            after: { accountId, transactionId: posted.transactionId, amountMillicredits: promo.credits },
          });
          if (taken.grantValidDays)
            await this.grants.setTerms(tem, posted.transactionId, { expiresAt: addDays(new Date(), taken.grantValidDays) });
        },
      );
    } catch (err) {
      if (pgCode(err) === '23505') throw refused(code, 'ALREADY_REDEEMED');
      throw err;
    }
  }

  /**
   * Runs inside `AccountsService.create`'s transaction: the new account gets its BONUS (and,
   * through the posting hooks, its grant) or does not exist at all. Nobody can subscribe to a
   * balance that did not exist a moment ago, so there is no event to publish.
   */
  readonly introBonus = async (em: EntityManager, accountId: string): Promise<void> => {
    const amount = this.introBonusMillicredits;
    if (amount <= 0n) return;
    await this.ledger.postIn(em, {
      accountId,
      type: 'BONUS',
      delta: amount,
      counterparty: 'promotions',
      idempotencyKey: 'intro-bonus',
      reason: 'Introductory bonus',
    });
  };
}
