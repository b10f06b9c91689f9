import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/roles.js';
import { inTransaction, pgCode, sqlOf, type Sql } from '../db/sql.js';
import { parseMillicredits } from '../money/money.js';
import { DomainError, IdempotencyConflict, InsufficientCredits, badInput, notFound } from '../shared/errors.js';
import { optionalText, parseId, requiredText } from '../shared/validate.js';
import type { BalanceEvents } from './balance-events.js';
import type { PostingHooks } from './ledger.hooks.js';
import { pageSize, decodeCursor, toPage, type Page } from './cursor.js';
import {
  countEntries,
  customerAccountExists,
  findBalances,
  findEntries,
  findEntryByIdempotencyKey,
  findEntryByTransaction,
  postTransaction,
  type PostSpec,
  type PostedTransaction,
} from './ledger.repository.js';
import type { BalanceSnapshot, LedgerEntry } from './ledger.types.js';
import { reversalDelta } from './postings.js';
import { metrics } from '../metrics/metrics.js';

export interface AdjustBalanceInput {
  accountId: string;
  amountMillicredits: string;
  reason: string;
  referenceId?: string | null;
  idempotencyKey?: string | null;
}

export const requestHash = (payload: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(payload, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)))
    .digest('hex');

/**
 * Everything that moves credits goes through here: one database transaction per movement,
 * idempotent on a per-account key, balance event published after commit.
 */
export class LedgerService {
  constructor(
    private readonly em: EntityManager,
    private readonly events: BalanceEvents,
    private readonly hooks: PostingHooks,
  ) {}

  async balances(accountIds: readonly string[]): Promise<BalanceSnapshot[]> {
    return findBalances(sqlOf(this.em.fork()), accountIds);
  }

  async balance(accountId: string): Promise<BalanceSnapshot> {
    const [snapshot] = await this.balances([parseId(accountId, 'accountId')]);
    if (!snapshot) throw notFound(`Account ${accountId} not found`);
    return snapshot;
  }

  async entries(accountId: string, first?: number | null, after?: string | null): Promise<Page<LedgerEntry>> {
    const n = pageSize(first);
    const rows = await findEntries(sqlOf(this.em.fork()), accountId, n + 1, decodeCursor(after));
    return toPage(rows, n);
  }

  async entryCount(accountId: string): Promise<number> {
    return countEntries(sqlOf(this.em.fork()), accountId);
  }

  async entry(transactionId: string): Promise<LedgerEntry> {
    const entry = await findEntryByTransaction(sqlOf(this.em.fork()), parseId(transactionId, 'transactionId'));
    if (!entry) throw notFound(`Ledger transaction ${transactionId} not found`);
    return entry;
  }

  /**
   * Posts `spec` in its own transaction (plus `alsoInTransaction`, e.g. an audit row), returning
   * the first result again for a repeated idempotency key with the same request.
   */
  async post(spec: PostSpec, alsoInTransaction?: (sql: Sql, posted: PostedTransaction) => Promise<void>): Promise<LedgerEntry> {
    const key = spec.idempotencyKey ?? null;
    if (key) {
      const replay = await this.replay(spec.accountId, key, spec.requestHash ?? null);
      if (replay) return replay;
    }
    let posted: PostedTransaction | null;
    try {
      posted = await inTransaction(this.em.fork(), async (sql) => {
        const result = await postTransaction(sql, spec);
        if (!result) return null;
        await this.hooks.run(sql, {
          transactionId: result.transactionId,
          accountId: spec.accountId,
          type: spec.type,
          delta: spec.delta,
          reversalOfId: spec.reversalOfId ?? null,
          referenceId: spec.referenceId ?? null,
        });
        if (alsoInTransaction) await alsoInTransaction(sql, result);
        return result;
      });
    } catch (err) {
      // A concurrent request with the same key won the race: answer as a repeat.
      if (key && pgCode(err) === '23505') {
        const replay = await this.replay(spec.accountId, key, spec.requestHash ?? null);
        if (replay) return replay;
      }
      throw err;
    }
    if (!posted) {
      if (!(await customerAccountExists(sqlOf(this.em.fork()), spec.accountId))) {
        throw notFound(`Account ${spec.accountId} not found`);
      }
      const [current] = await this.balances([spec.accountId]);
      throw new InsufficientCredits(-spec.delta, current ? current.posted - current.pending : null);
    }
    this.events.publish(posted.balance);
    if (spec.type === 'PURCHASE') metrics.creditsPurchased(spec.delta);
    return this.entry(posted.transactionId);
  }

  private async replay(accountId: string, key: string, hash: string | null): Promise<LedgerEntry | null> {
    const existing = await findEntryByIdempotencyKey(sqlOf(this.em.fork()), accountId, key);
    if (!existing) return null;
    if (existing.request_hash !== hash) throw new IdempotencyConflict(key);
    return this.entry(existing.id);
  }

  /** Staff adjustment: positive credits or debits the account, audited in the same transaction. */
  async adjustBalance(actor: Principal, input: AdjustBalanceInput): Promise<LedgerEntry> {
    const accountId = parseId(input.accountId, 'accountId');
    const amount = parseMillicredits(input.amountMillicredits);
    if (amount === 0n) throw badInput('amountMillicredits must not be zero', { field: 'amountMillicredits' });
    const reason = requiredText(input.reason, 'reason');
    const referenceId = optionalText(input.referenceId, 'referenceId', 200);
    const idempotencyKey = optionalText(input.idempotencyKey, 'idempotencyKey', 200);
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
      (sql, posted) =>
        writeAudit(sql, {
          actor,
          action: 'ledger.adjustBalance',
          targetType: 'account',
          targetId: accountId,
          before: { balanceMillicredits: before.posted },
          after: { balanceMillicredits: posted.balance.posted, amountMillicredits: amount, transactionId: posted.transactionId, referenceId },
          reason,
        }),
    );
  }

  /**
   * Corrects a transaction by posting its exact opposite, linked by `reversalOfId`. The original is
   * never edited; a transaction can be reversed once (a unique index says so). A reversal may take
   * the balance negative only when the original credited the account (the credits were spent).
   */
  async reverseTransaction(actor: Principal, transactionId: string, reasonText: string): Promise<LedgerEntry> {
    const reason = requiredText(reasonText, 'reason');
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
        (sql, posted) =>
          writeAudit(sql, {
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
