import type { EntityManager } from '@mikro-orm/postgresql';
import { writeAudit } from '../audit/audit.service.js';
import { hasRole, ownAccountId, type Principal } from '../auth/roles.js';
import { inTransaction } from '../db/sql.js';
import { badInput, forbidden, notFound } from '../shared/errors.js';
import { sanitizeReturnTo } from '../shared/return-to.js';
import { parseId } from '../shared/validate.js';
import type { IssuedSession, SessionsService } from './sessions.service.js';
import { hashToken, looksLikeToken, newToken, type Clock } from './tokens.js';

export interface PortalLink {
  url: string;
  expiresAt: Date;
}

/**
 * Portal sessions, as with Stripe's customer portal: the app's backend asks for a single-use URL
 * for one account; opening it (GET /credits/portal/<token>) trades the token for a cookie
 * session on that account alone and sends the browser on to /credits without the token.
 */
export class PortalService {
  constructor(
    private readonly em: EntityManager,
    private readonly sessions: SessionsService,
    private readonly opts: { publicAppUrl: string; linkTtlMs: number },
    private readonly clock: Clock,
  ) {}

  /** Own account, or ADMIN for any account. */
  async createLink(actor: Principal, accountIdInput: string | null | undefined, returnToInput: string | null | undefined): Promise<PortalLink> {
    const accountId = accountIdInput ? parseId(accountIdInput, 'accountId') : ownAccountId(actor);
    if (accountId !== actor.accountId && !hasRole(actor.role, 'ADMIN')) throw forbidden('A portal session for another account needs the ADMIN role');
    const returnTo = sanitizeReturnTo(returnToInput, this.opts.publicAppUrl);
    if (returnToInput && !returnTo) throw badInput('returnTo must be a relative path or a URL on the app origin', { field: 'returnTo' });
    const token = newToken();
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + this.opts.linkTtlMs);
    await inTransaction(this.em.fork(), async (sql) => {
      const [account] = await sql.query(`select 1 from accounts where id = ?::uuid and kind <> 'SYSTEM'`, [accountId]);
      if (!account) throw notFound(`Account ${accountId} not found`);
      const [row] = await sql.query<{ id: string }>(
        `insert into portal_tokens (token_hash, account_id, return_to, created_by_key_id, created_by_staff_user_id, created_at, expires_at)
         values (?, ?::uuid, ?, ?::uuid, ?::uuid, ?::timestamptz, ?::timestamptz) returning id`,
        [hashToken(token), accountId, returnTo, actor.keyId, actor.staffUserId ?? null, now.toISOString(), expiresAt.toISOString()],
      );
      await writeAudit(sql, { actor, action: 'portalSession.create', targetType: 'account', targetId: accountId, after: { portalTokenId: row.id, expiresAt, returnTo } });
    });
    return { url: `${this.opts.publicAppUrl.replace(/\/+$/, '')}/credits/portal/${token}`, expiresAt };
  }

  /** Spends a portal token (once, before it expires) on a new portal session; null when it cannot be used. */
  async redeem(token: string): Promise<(IssuedSession & { accountId: string; returnTo: string | null }) | null> {
    if (!looksLikeToken(token)) return null;
    return inTransaction(this.em.fork(), async (sql) => {
      const now = this.clock().toISOString();
      const [link] = await sql.query<{ account_id: string; return_to: string | null }>(
        `update portal_tokens set used_at = ?::timestamptz
          where token_hash = ? and used_at is null and expires_at > ?::timestamptz
          returning account_id, return_to`,
        [now, hashToken(token), now],
      );
      if (!link) return null;
      const session = await this.sessions.start(sql, { accountId: link.account_id });
      return { ...session, accountId: link.account_id, returnTo: link.return_to };
    });
  }

  /** Development only: an account's API key traded for a portal session (the Credits page's key sign-in). */
  async startForKey(sqlAccountId: string): Promise<IssuedSession> {
    return inTransaction(this.em.fork(), (sql) => this.sessions.start(sql, { accountId: sqlAccountId }));
  }
}
