import type { EntityManager } from '@mikro-orm/postgresql';
import { accountRecords } from '../accounts/accounts.service.js';
import { writeAudit } from '../audit/audit.service.js';
import { accountFor } from '../auth/policy.js';
import { apiKeyRecords } from '../auth/auth.service.js';
import type { KeyPrincipal, Principal } from '../auth/roles.js';
import { currentEm } from '../db/unit-of-work.js';
import { PortalTokenEntity } from './portal-tokens.repository.js';
import { SessionEntity } from './sessions.repository.js';
import { badInput, notFound } from '../shared/errors.js';
import { sanitizeReturnTo } from '../shared/return-to.js';
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

  /**
   * Own account, or ADMIN for any account. The link records the key behind its creator (see
   * `chainKeyOf`), and the session it opens ends with that key.
   */
  async createLink(
    actor: Principal,
    accountIdInput: string | null | undefined,
    returnToInput: string | null | undefined,
  ): Promise<PortalLink> {
    const accountId = accountFor(actor, 'portal.open', accountIdInput || null);
    const returnTo = sanitizeReturnTo(returnToInput, this.opts.publicAppUrl);
    if (returnToInput && !returnTo) throw badInput('returnTo must be a relative path or a URL on the app origin', { field: 'returnTo' });
    return this.mint(accountId, returnTo, async (em, link) => {
      link.createdByKeyId = await chainKeyOf(em, actor);
      link.createdByStaffUserId = actor.staffUserId ?? null;
      await em.flush();
      await writeAudit(em, {
        actor,
        action: 'portalSession.create',
        targetType: 'account',
        targetId: accountId,
        after: { portalTokenId: link.id, expiresAt: link.expiresAt, returnTo },
      });
    });
  }

  /**
   * The server's own link to the demo account, printed at each development start. No actor asked
   * for it, so it is not audited (the audit log records actors' actions): it is tied to no key or
   * staff user and ends as any link does, after one use or its lifetime.
   */
  async developmentLink(accountId: string): Promise<PortalLink> {
    return this.mint(accountId, null, (em) => em.flush());
  }

  private async mint(
    accountId: string,
    returnTo: string | null,
    record: (em: EntityManager, link: PortalTokenEntity) => Promise<void>,
  ): Promise<PortalLink> {
    const token = newToken();
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + this.opts.linkTtlMs);
    await this.em.transactional(async (em) => {
      if (!(await accountRecords.exists(em, accountId, ['CUSTOMER', 'TEAM']))) throw notFound(`Account ${accountId} not found`);
      const link = em.create(PortalTokenEntity, {
        tokenHash: hashToken(token),
        accountId,
        returnTo,
        createdByKeyId: null,
        createdByStaffUserId: null,
        createdAt: now,
        expiresAt,
      } as PortalTokenEntity);
      await record(em, link);
    });
    return { url: `${this.opts.publicAppUrl.replace(/\/+$/, '')}/credits/portal/${token}`, expiresAt };
  }

  /** Spends a portal token (once, before it expires) on a new portal session; null when it cannot be used. */
  async redeem(token: string): Promise<(IssuedSession & { accountId: string; returnTo: string | null }) | null> {
    if (!looksLikeToken(token)) return null;
    return this.em.transactional(async (em) => {
      const now = this.clock();
      const link = await em.getRepository(PortalTokenEntity).redeemable(hashToken(token), now);
      if (!link) return null;
      // A link ends with the key that asked for it, as the session it opens would.
      if (link.createdByKeyId && !(await apiKeyRecords.isValid(em, link.createdByKeyId))) return null;
      link.usedAt = now;
      const session = await this.sessions.start(em, { accountId: link.accountId, openedByKeyId: link.createdByKeyId });
      return { ...session, accountId: link.accountId, returnTo: link.returnTo };
    });
  }

  /** Where a link (used, expired or live) was to send the user back to: the app that asked for it. */
  async returnToOf(token: string): Promise<string | null> {
    if (!looksLikeToken(token)) return null;
    const link = await currentEm(this.em).findOne(PortalTokenEntity, { tokenHash: hashToken(token) }, { fields: ['returnTo'] });
    return link?.returnTo ?? null;
  }

  /** Development only: an account's API key traded for a portal session (the Credits page's key sign-in). */
  async startForKey(key: KeyPrincipal): Promise<IssuedSession> {
    return this.em.transactional((em) => this.sessions.start(em, { accountId: key.accountId, openedByKeyId: key.keyId }));
  }

  /**
   * Ends every Credits page session of an account (the account itself, or ADMIN) and voids its
   * unused portal links, audited; open
   * sockets of those sessions close on every instance. The number of sessions ended.
   */
  async revokeAll(actor: Principal, accountIdInput: string): Promise<number> {
    const accountId = accountFor(actor, 'portal.revoke', accountIdInput);
    const ended = await this.em.transactional(async (em) => {
      if (!(await accountRecords.exists(em, accountId, ['CUSTOMER', 'TEAM']))) throw notFound(`Account ${accountId} not found`);
      const now = this.clock();
      const count = await em.getRepository(SessionEntity).revokePortalSessionsOf(accountId, now);
      // An unused link would open a fresh session right after: it ends here too.
      const linksVoided = await em.getRepository(PortalTokenEntity).voidUnused(accountId, now);
      await writeAudit(em, {
        actor,
        action: 'portalSession.revokeAll',
        targetType: 'account',
        targetId: accountId,
        after: { sessionsRevoked: count, linksVoided },
      });
      return count;
    });
    if (ended) this.sessions.sessionsChanged();
    return ended;
  }
}

/**
 * The key a new link (and the session it opens) ends with: the calling key, or for a Credits page
 * session the key that opened it, so a chain of links from session to session ends with its first
 * key. A staff session's link has none: its session ends with `revokePortalSessions`, sign-out or
 * its own lifetime.
 */
async function chainKeyOf(em: EntityManager, actor: Principal): Promise<string | null> {
  if (actor.keyId || !actor.sessionId || actor.staffUserId) return actor.keyId;
  const session = await em.findOne(SessionEntity, { id: actor.sessionId }, { fields: ['openedByKeyId'] });
  return session?.openedByKeyId ?? null;
}
