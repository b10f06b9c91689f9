import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/roles.js';
import { currentEm } from '../db/unit-of-work.js';
import { runOnce } from '../db/locks.js';
import type { LedgerService } from '../ledger/ledger.service.js';
import type { LedgerEntry } from '../ledger/ledger.graphql.js';
import { DomainError, notFound, swallowed } from '../shared/errors.js';
import { parseId } from '../shared/validate.js';
import { GrantExpiryNoticeEntity } from './grant-expiry-notices.repository.js';
import type { GrantAllocationGql, GrantExpiryRunGql, GrantGql } from './grants.graphql.js';
import { findAllocations, findDueGrants, findGrant, findGrantDrift, findGrants } from './queries/grants.queries.js';
import { grantReference } from './grants.rules.js';

/** pg advisory lock key of the grant expiry job ("cm-grant"). */
export const GRANT_EXPIRY_LOCK = 0x636d2d6772616e74n;
const BATCH = 200;

interface GrantDebit {
  type: 'EXPIRY' | 'ADJUSTMENT';
  idempotencyKey: string;
  mark: 'expired_at' | 'voided_at';
  reason: string;
  actor: Principal | null;
  audit?: (tem: EntityManager, grant: GrantGql, transactionId: string) => Promise<void>;
}

/**
 * Grants: listing, staff voids and the expiry job. A grant's debit (expiry, void) is posted under
 * the account row's lock, after re-reading the grant's remainder under that lock, so a charge
 * running at the same time can never make it take more or less than what is left.
 */
export class GrantsService {
  constructor(
    private readonly em: EntityManager,
    private readonly ledger: LedgerService,
    private readonly log: Logger,
  ) {}

  async list(accountId: string, includeClosed = false, limit = 200): Promise<GrantGql[]> {
    return findGrants(currentEm(this.em), accountId, includeClosed, limit);
  }

  async get(grantId: string): Promise<GrantGql> {
    const grant = await findGrant(currentEm(this.em), parseId(grantId, 'grantId'));
    if (!grant) throw notFound(`Grant ${grantId} not found`);
    return grant;
  }

  /** Sets the expiry or priority of the grant a credit created, inside the caller's transaction (`tem`). */
  async setTerms(tem: EntityManager, transactionId: string, terms: { expiresAt?: Date | null; priority?: number | null }): Promise<void> {
    await this.ledger.setGrantTerms(tem, transactionId, terms);
  }

  async allocations(filter: { grantId?: string; transactionId?: string }): Promise<GrantAllocationGql[]> {
    return findAllocations(currentEm(this.em), filter);
  }

  /** Accounts whose grants disagree with their balance (should always be empty): a reconciliation check. */
  async drift(limit = 100) {
    return findGrantDrift(currentEm(this.em), limit);
  }

  /**
   * Staff void: the grant's unused remainder leaves as an ADJUSTMENT against `adjustments` (a
   * staff decision, like adjustBalance, not the passage of time), referencing the grant, audited
   * in the same transaction. A repeated void answers with the first one; a grant with nothing
   * left (spent, expired) is a CONFLICT.
   */
  async voidGrant(actor: Principal, id: string, reason: string): Promise<{ grant: GrantGql; entry: LedgerEntry }> {
    const result = await this.debitGrant(id, {
      type: 'ADJUSTMENT',
      idempotencyKey: `void-grant:${id}`,
      mark: 'voided_at',
      reason,
      actor,
      audit: (tem, grant, transactionId) =>
        writeAudit(tem, {
          actor,
          action: 'grant.void',
          targetType: 'grant',
          targetId: grant.id,
          before: { remainingMillicredits: grant.remaining, kind: grant.kind, accountId: grant.accountId },
          after: { remainingMillicredits: 0n, transactionId, amountMillicredits: -grant.remaining },
          reason,
        }),
    });
    if (!result) throw new DomainError('CONFLICT', `Grant ${id} has nothing left to void (spent, expired or already voided)`);
    return { grant: await this.get(id), entry: result };
  }

  /** Posts the EXPIRY of one grant's unused remainder (idempotent: key `expiry:<grantId>`). */
  async expireGrant(grantId: string): Promise<LedgerEntry | null> {
    return this.debitGrant(grantId, {
      type: 'EXPIRY',
      idempotencyKey: `expiry:${grantId}`,
      mark: 'expired_at',
      reason: 'Grant expired',
      actor: null,
    });
  }

  /** Expires every grant past its expiry (batch by batch); safe to run anywhere, any number of times. */
  async expireDue(now = new Date()): Promise<GrantExpiryRunGql> {
    const run: GrantExpiryRunGql = { expiredGrants: 0, expiredMillicredits: 0n };
    for (;;) {
      const due = await findDueGrants(currentEm(this.em), now, BATCH);
      let progressed = false;
      for (const { id } of due) {
        try {
          const entry = await this.expireGrant(id);
          progressed = true;
          if (entry) {
            run.expiredGrants += 1;
            run.expiredMillicredits += -entry.amountMillicredits;
          }
        } catch (err) {
          // One failing grant must not stop the others; it is retried on the next run.
          swallowed(err, 'grants.expireDue', this.log.child({ grantId: id }));
        }
      }
      if (due.length < BATCH || !progressed) break;
    }
    if (run.expiredGrants)
      this.log.info({ expiredGrants: run.expiredGrants, expiredMillicredits: run.expiredMillicredits.toString() }, 'grants expired');
    return run;
  }

  /**
   * Sends `credits.expiring` 7 days and 1 day before each live grant expires, each notice once
   * (the claim is idempotent, so any instance may run it any number of times). `now` is the job's
   * clock. Returns how many notices went out.
   */
  async notifyExpiring(now = new Date()): Promise<number> {
    let sent = 0;
    for (const lead of [7, 1] as const) {
      for (;;) {
        const n = await currentEm(this.em).transactional((tem) => tem.getRepository(GrantExpiryNoticeEntity).claimDue(now, lead, BATCH));
        sent += n;
        if (n < BATCH) break;
      }
    }
    if (sent) this.log.info({ notices: sent }, 'credits.expiring notices sent');
    return sent;
  }

  /** ADMIN "run it now": the same sweep, audited. */
  async expireNow(actor: Principal): Promise<GrantExpiryRunGql> {
    const run = await this.expireDue();
    await currentEm(this.em).transactional((tem) =>
      writeAudit(tem, { actor, action: 'grant.expireNow', targetType: 'grant', targetId: null, after: run }),
    );
    return run;
  }

  /** The scheduled sweep: one instance at a time (advisory lock); null when another holds it. */
  async expireDueLocked(): Promise<GrantExpiryRunGql | null> {
    const locked = await runOnce(this.em, GRANT_EXPIRY_LOCK, () => this.expireDue());
    return locked ? locked.result : null;
  }

  /**
   * Debits a grant's whole remainder in one transaction: lock the account row, re-read the grant,
   * post (the posting hook burns this grant first: the reference names it), mark it. Null when
   * nothing is left. A repeated key answers with the first entry.
   */
  private async debitGrant(grantId: string, d: GrantDebit): Promise<LedgerEntry | null> {
    const head = await findGrant(currentEm(this.em), grantId);
    if (!head) throw notFound(`Grant ${grantId} not found`);
    const done = await currentEm(this.em).transactional(async (tem) => {
      const earlier = await this.ledger.lockForMovement(tem, head.accountId, d.idempotencyKey);
      if (earlier) return { transactionId: earlier, balance: null };
      const grant = await findGrant(tem, grantId);
      if (!grant || grant.remaining === 0n || grant.voidedAt || grant.expiredAt) return null;
      const posted = await this.ledger.postIn(tem, {
        accountId: grant.accountId,
        type: d.type,
        delta: -grant.remaining,
        counterparty: d.type === 'EXPIRY' ? 'expiry' : 'adjustments',
        idempotencyKey: d.idempotencyKey,
        referenceId: grantReference(grant.id),
        reason: d.reason,
        actorKeyId: d.actor?.keyId ?? null,
        // The remainder is covered by the posted balance (grant invariant); only holds in
        // flight could make available dip below zero, and an expiry must not wait for them.
        allowNegative: true,
      });
      await this.ledger.closeGrant(tem, grant.id, d.mark);
      if (d.audit) await d.audit(tem, grant, posted.transactionId);
      return { transactionId: posted.transactionId, balance: posted.balance };
    });
    if (!done) return null;
    if (done.balance) this.ledger.announce(done.balance);
    return this.ledger.entry(done.transactionId);
  }
}
