import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { writeAudit } from '../audit/audit.service.js';
import { currentEm } from '../db/unit-of-work.js';
import type { LedgerService } from '../ledger/ledger.service.js';
import { requestHash } from '../shared/request-hash.js';
import type { BalanceSnapshot } from '../ledger/ledger.types.js';
import { disputedCredits, disputeKeptMoney, type DisputeFacts } from './billing.rules.js';
import { DisputeEntity, type Dispute } from './disputes.repository.js';
import { PurchaseEntity, type PurchaseEntity as Purchase } from './purchases.repository.js';

export type DisputeOutcome = { kind: 'opened' | 'won' | 'lost' | 'unchanged'; dispute: Dispute };

const FULFILLED = ['FULFILLED', 'PARTIALLY_REFUNDED', 'REFUNDED'];

/** Disputes on the transaction's own EntityManager. */
const disputesIn = (tem: EntityManager) => tem.getRepository(DisputeEntity);

/**
 * Stripe disputes of purchases. Opening one takes the disputed share of the purchase's credits
 * back (a REFUND entry linked to the PURCHASE entry, like a refund; it may take the balance below
 * zero, as the credits may be spent); a dispute closed won gives exactly those credits back (a
 * REVERSAL of that entry). Each step runs once per dispute id, under the account's and the
 * purchase's locks, whatever order or how often Stripe delivers the events.
 */
export class DisputesService {
  constructor(
    private readonly em: EntityManager,
    private readonly ledger: LedgerService,
    private readonly log: Logger,
  ) {}

  async dispute(id: string): Promise<Dispute | null> {
    return currentEm(this.em).getRepository(DisputeEntity).byId(id);
  }

  /** `charge.dispute.created`. Throws (retryable) when the purchase is not fulfilled yet. */
  async open(purchase: Purchase, facts: DisputeFacts): Promise<DisputeOutcome> {
    return this.run(purchase.accountId, facts.disputeId, async (tem) => {
      const known = await disputesIn(tem).lock(facts.disputeId);
      if (known) return { outcome: { kind: 'unchanged', dispute: known }, balance: null };
      return this.takeBack(tem, purchase.id, facts, 'OPEN');
    });
  }

  /** `charge.dispute.closed`: won gives the credits back; lost keeps them taken. */
  async close(purchase: Purchase, facts: DisputeFacts): Promise<DisputeOutcome> {
    const won = disputeKeptMoney(facts.status);
    return this.run(purchase.accountId, facts.disputeId, async (tem) => {
      const known = await disputesIn(tem).lock(facts.disputeId);
      // Closed before we saw it open: a lost one still takes the credits back; a won one never took any.
      if (!known) return this.takeBack(tem, purchase.id, facts, won ? 'WON' : 'LOST');
      if (known.status !== 'OPEN') return { outcome: { kind: 'unchanged', dispute: known }, balance: null };
      let balance: BalanceSnapshot | null = null;
      let restoreId: string | null = null;
      if (won && known.credits > 0n) {
        const posted = await this.ledger.postIn(tem, {
          accountId: known.accountId,
          type: 'REVERSAL',
          delta: known.credits,
          counterparty: 'refunds',
          idempotencyKey: `dispute-won:${known.id}`,
          requestHash: requestHash({ disputeId: known.id, credits: known.credits }),
          referenceId: known.purchaseId,
          reversalOfId: known.debitTransactionId,
          reason: `Dispute ${known.id} won: credits given back`,
        });
        balance = posted.balance;
        restoreId = posted.transactionId;
      }
      await disputesIn(tem).close(known.id, won ? 'WON' : 'LOST', restoreId);
      return { outcome: { kind: won ? 'won' : 'lost', dispute: (await disputesIn(tem).byId(known.id))! }, balance };
    });
  }

  private async takeBack(
    tem: EntityManager,
    purchaseId: string,
    facts: DisputeFacts,
    status: Dispute['status'],
  ): Promise<{ outcome: DisputeOutcome; balance: BalanceSnapshot | null }> {
    const purchase = (await tem.getRepository(PurchaseEntity).lock(purchaseId))!;
    if (!purchase.transactionId || !FULFILLED.includes(purchase.status)) {
      throw new Error(
        `purchase ${purchase.id} is ${purchase.status}: a dispute needs a fulfilled purchase (replay this event after fulfilment)`,
      );
    }
    const paid = purchase.amountPaidCents ?? purchase.amountCents;
    const credits =
      status === 'WON' ? 0n : disputedCredits(purchase, facts.amountCents, paid, await disputesIn(tem).creditsHeld(purchase.id));
    let balance: BalanceSnapshot | null = null;
    let debitId: string | null = null;
    if (credits > 0n) {
      const posted = await this.ledger.postIn(tem, {
        accountId: purchase.accountId,
        type: 'REFUND',
        delta: -credits,
        counterparty: 'refunds',
        idempotencyKey: `dispute:${facts.disputeId}`,
        requestHash: requestHash({ disputeId: facts.disputeId, credits }),
        referenceId: purchase.id,
        reversalOfId: purchase.transactionId,
        reason: `Dispute ${facts.disputeId} of ${facts.amountCents} of ${paid} cents${facts.reason ? ` (${facts.reason})` : ''}`,
        allowNegative: true,
      });
      balance = posted.balance;
      debitId = posted.transactionId;
      await writeAudit(tem, {
        actor: null,
        action: 'billing.dispute',
        targetType: 'purchase',
        targetId: purchase.id,
        after: { disputeId: facts.disputeId, status, transactionId: debitId, amountMillicredits: -credits },
        reason: `Stripe dispute ${facts.disputeId}`,
      });
    }
    await disputesIn(tem).open({
      id: facts.disputeId,
      purchaseId: purchase.id,
      accountId: purchase.accountId,
      amountCents: facts.amountCents,
      credits,
      status,
      reason: facts.reason,
      debitTransactionId: debitId,
    });
    if (credits > 0n) this.log.warn({ disputeId: facts.disputeId, purchaseId: purchase.id, credits }, 'dispute took credits back');
    const kind = status === 'OPEN' ? 'opened' : status === 'WON' ? 'won' : 'lost';
    return { outcome: { kind, dispute: (await disputesIn(tem).byId(facts.disputeId))! }, balance };
  }

  private async run(
    accountId: string,
    disputeId: string,
    fn: (tem: EntityManager) => Promise<{ outcome: DisputeOutcome; balance: BalanceSnapshot | null }>,
  ): Promise<DisputeOutcome> {
    const done = await currentEm(this.em).transactional(async (tem) => {
      await this.ledger.lockForMovement(tem, accountId, `dispute:${disputeId}`); // the account first, as every movement does
      return fn(tem);
    });
    if (done.balance) this.ledger.announce(done.balance);
    return done.outcome;
  }
}
