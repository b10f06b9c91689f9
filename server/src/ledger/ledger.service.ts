import type { EntityManager } from '@mikro-orm/postgresql';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/roles.js';
import { pgCode } from '../db/values.js';
import { currentEm } from '../db/unit-of-work.js';
import { parseMillicredits } from '../money/money.js';
import { DomainError, IdempotencyConflict, badInput, notFound } from '../shared/errors.js';
import { requestHash } from '../shared/request-hash.js';
import { parseId } from '../shared/validate.js';
import type { EventBus } from '../shared/events/bus.js';
import type { ChargeOutcome, LedgerEngine, PostOutcome } from './engine.js';
import { observedRefusal } from './refusals.js';
import { decodeCursor, toPage, type Page } from '../graphql/connection-cursors.js';
import { pageSize } from '../shared/paging.js';
import {
  countEntries,
  findEntries,
  findEntriesByReference,
  findEntryByTransaction,
  findTransactionIdByKey,
  lockAccount,
  type PostSpec,
  type PostedTransaction,
} from './queries/entries.js';
import { closeGrant, setGrantTerms } from './queries/grants.js';
import type { LedgerEntry } from './ledger.graphql.js';
import { countUsage, findUsageByKey, findUsagePage } from './queries/usage.js';
import type { BalanceSnapshot, UsageCharge } from './ledger.types.js';
import type { UsageRecord } from '../usage/usage.types.js';
import { reversalDelta } from './postings.js';
import { metrics } from '../metrics/metrics.js';

export interface AdjustBalanceInput {
  accountId: string;
  amountMillicredits: string;
  reason: string;
  referenceId?: string | null;
  idempotencyKey?: string | null;
}

/**
 * Everything that moves credits goes through here: one database transaction per movement,
 * idempotent on a per-account key, balance event published after commit.
 */
export class LedgerService {
  constructor(
    private readonly em: EntityManager,
    private readonly events: EventBus,
    private readonly engine: LedgerEngine,
  ) {}

  async balances(accountIds: readonly string[]): Promise<BalanceSnapshot[]> {
    return this.engine.balances(accountIds);
  }

  async balance(accountId: string): Promise<BalanceSnapshot> {
    const [snapshot] = await this.balances([parseId(accountId, 'accountId')]);
    if (!snapshot) throw notFound(`Account ${accountId} not found`);
    return snapshot;
  }

  async entries(accountId: string, first?: number | null, after?: string | null): Promise<Page<LedgerEntry>> {
    const n = pageSize(first);
    const rows = await findEntries(currentEm(this.em), accountId, n + 1, decodeCursor(after));
    return toPage(rows, n);
  }

  /** The account's entries naming `referenceId` (at most 200), oldest first. */
  async entriesReferencing(accountId: string, referenceId: string): Promise<LedgerEntry[]> {
    return findEntriesByReference(currentEm(this.em), accountId, referenceId, 200);
  }

  async entryCount(accountId: string): Promise<number> {
    return countEntries(currentEm(this.em), accountId);
  }

  async entry(transactionId: string): Promise<LedgerEntry> {
    const entry = await findEntryByTransaction(currentEm(this.em), parseId(transactionId, 'transactionId'));
    if (!entry) throw notFound(`Ledger transaction ${transactionId} not found`);
    return entry;
  }

  /**
   * The one entry point for a movement that is not a usage charge (purchase, refund, expiry,
   * reversal, adjustment, bonus, promo): one engine call in its own transaction. With
   * `alsoInTransaction` (e.g. an audit row) the movement and that work share one ORM transaction
   * (the engine's own pool serves only single-statement calls). A repeated idempotency key with the
   * same request answers the first entry.
   */
  async post(spec: PostSpec, alsoInTransaction?: (tem: EntityManager, posted: PostedTransaction) => Promise<void>): Promise<LedgerEntry> {
    const outcome = alsoInTransaction
      ? await currentEm(this.em).transactional(async (tem) => {
          const o = await this.engine.post(spec, tem);
          if (o.status === 'OK') await alsoInTransaction(tem, posted(o));
          return o;
        })
      : await this.engine.post(spec);
    // Published after the commit (the engine publishes its own single-statement movements).
    if (alsoInTransaction && outcome.status === 'OK') this.announce(outcome.balance!);
    const transactionId = this.accepted(spec, outcome);
    if (outcome.status === 'OK' && spec.type === 'PURCHASE') metrics.creditsPurchased(spec.delta);
    return this.entry(transactionId);
  }

  /**
   * The same movement inside the caller's transaction (`em`: its `tem`, e.g. an account's creation,
   * a grant's expiry). Refusals throw; the caller publishes `balance` after its commit (`announce`).
   */
  async postIn(em: EntityManager, spec: PostSpec): Promise<PostedTransaction & { replayed: boolean }> {
    const outcome = await this.engine.post(spec, em);
    this.accepted(spec, outcome);
    return { ...posted(outcome), replayed: outcome.status === 'REPLAY' };
  }

  /** One usage charge through group commit: the usage row (or the first one, for a repeated key). */
  async charge(c: UsageCharge): Promise<Charged> {
    const result = chargeResult(this.events, c, await this.engine.charge(c));
    if (result instanceof DomainError) throw result;
    return result;
  }

  /** Many usage charges in order, each answered on its own (a refusal never fails its neighbours). */
  async chargeAll(cs: readonly UsageCharge[]): Promise<(Charged | DomainError)[]> {
    const outcomes = await this.engine.chargeAll(cs);
    return outcomes.map((o, i) => chargeResult(this.events, cs[i], o));
  }

  /**
   * Inside a caller's transaction: takes the account's lock (so what the caller reads next cannot
   * change before it posts) and returns the transaction already posted under `idempotencyKey`.
   */
  async lockForMovement(em: EntityManager, accountId: string, idempotencyKey: string): Promise<string | null> {
    await lockAccount(em, accountId);
    return findTransactionIdByKey(em, accountId, idempotencyKey);
  }

  /** A client's earlier usage row under `key` (never one of the proxy's settle rows). */
  usageByKey(accountId: string, key: string): Promise<UsageRecord | null> {
    return findUsageByKey(currentEm(this.em), accountId, key);
  }

  usageCount(accountId: string): Promise<number> {
    return countUsage(currentEm(this.em), accountId);
  }

  /** Up to `limit` usage rows of the account, newest first, below `beforeSeq` when given. */
  usagePage(accountId: string, limit: number, beforeSeq: bigint | null): Promise<UsageRecord[]> {
    return findUsagePage(currentEm(this.em), accountId, limit, beforeSeq);
  }

  /** Inside the caller's transaction (`em`): expiry and priority of the grant `transactionId` created. */
  setGrantTerms(em: EntityManager, transactionId: string, terms: { expiresAt?: Date | null; priority?: number | null }): Promise<void> {
    return setGrantTerms(em, transactionId, terms);
  }

  /** Inside the caller's transaction (`em`), after posting a grant's remainder away: marks it expired or voided. */
  closeGrant(em: EntityManager, grantId: string, what: 'expired_at' | 'voided_at'): Promise<void> {
    return closeGrant(em, grantId, what);
  }

  /** Tells live subscribers about a balance that a caller's transaction changed (after its commit). */
  announce(balance: BalanceSnapshot): void {
    this.events.publish('balance', balance);
  }

  private accepted(spec: PostSpec, outcome: PostOutcome): string {
    if (outcome.status === 'REPLAY') {
      if ((outcome.requestHash ?? null) !== (spec.requestHash ?? null)) throw new IdempotencyConflict(spec.idempotencyKey ?? '');
      return outcome.transactionId!;
    }
    if (outcome.status !== 'OK') {
      throw observedRefusal(this.events, outcome.status, {
        accountId: spec.accountId,
        required: -spec.delta,
        available: outcome.available,
      });
    }
    return outcome.transactionId!;
  }

  /** Staff adjustment: positive credits or debits the account, audited in the same transaction. */
  async adjustBalance(actor: Principal, input: AdjustBalanceInput): Promise<LedgerEntry> {
    const { accountId, reason } = input;
    const amount = parseMillicredits(input.amountMillicredits);
    if (amount === 0n) throw badInput('amountMillicredits must not be zero', { field: 'amountMillicredits' });
    const referenceId = input.referenceId ?? null;
    const idempotencyKey = input.idempotencyKey ?? null;
    const before = await this.balance(accountId);
    return this.post(
      {
        accountId,
        type: 'ADJUSTMENT',
        delta: amount,
        counterparty: 'adjustments',
        idempotencyKey: idempotencyKey ? `adjust:${idempotencyKey}` : null,
        requestHash: idempotencyKey ? requestHash({ accountId, amount, reason, referenceId }) : null,
        referenceId,
        reason,
        actorKeyId: actor.keyId,
      },
      (tem, posted) =>
        writeAudit(tem, {
          actor,
          action: 'ledger.adjustBalance',
          targetType: 'account',
          targetId: accountId,
          before: { balanceMillicredits: before.posted },
          after: {
            balanceMillicredits: posted.balance.posted,
            amountMillicredits: amount,
            transactionId: posted.transactionId,
            referenceId,
          },
          reason,
        }),
    );
  }

  /**
   * Corrects a transaction by posting its exact opposite, linked by `reversalOfId`. The original is
   * never edited; a transaction can be reversed once (a unique index says so). A reversal may take
   * the balance negative only when the original credited the account (the credits were spent).
   */
  async reverseTransaction(actor: Principal, transactionId: string, reason: string): Promise<LedgerEntry> {
    const original = await this.entry(transactionId);
    if (original.type === 'REVERSAL') throw badInput('A reversal cannot itself be reversed; post an adjustment instead');
    try {
      return await this.post(
        {
          accountId: original.accountId,
          type: 'REVERSAL',
          delta: reversalDelta(original.amountMillicredits),
          counterparty: counterpartyFor(original.type),
          reversalOfId: original.id,
          reason,
          actorKeyId: actor.keyId,
          allowNegative: true,
        },
        (tem, posted) =>
          writeAudit(tem, {
            actor,
            action: 'ledger.reverseTransaction',
            targetType: 'ledger_transaction',
            targetId: original.id,
            before: { amountMillicredits: original.amountMillicredits },
            after: { reversalId: posted.transactionId, balanceMillicredits: posted.balance.posted },
            reason,
          }),
      );
    } catch (err) {
      if (pgCode(err) === '23505') throw new DomainError('CONFLICT', `Transaction ${transactionId} was already reversed`);
      throw err;
    }
  }
}

export function counterpartyFor(type: LedgerEntry['type']): PostSpec['counterparty'] {
  switch (type) {
    case 'PURCHASE':
      return 'sales';
    case 'USAGE':
      return 'consumption';
    case 'BONUS':
    case 'PROMO':
      return 'promotions';
    case 'REFUND':
      return 'refunds';
    case 'EXPIRY':
      return 'expiry';
    default:
      return 'adjustments';
  }
}

export interface Charged {
  usage: UsageRecord;
  /** The key was seen before: this is the first charge's row, and nothing more was charged. */
  replayed: boolean;
}

function chargeResult(events: EventBus, c: UsageCharge, o: ChargeOutcome): Charged | DomainError {
  if ((o.status === 'OK' || o.status === 'REPLAY') && o.usage) return { usage: o.usage, replayed: o.status === 'REPLAY' };
  return observedRefusal(events, o.status, {
    accountId: c.accountId,
    required: c.charged,
    available: o.available,
    idempotencyKey: c.idempotencyKey,
    model: c.rate.model,
  });
}

const posted = (o: PostOutcome): PostedTransaction => ({ transactionId: o.transactionId!, createdAt: new Date(), balance: o.balance! });
