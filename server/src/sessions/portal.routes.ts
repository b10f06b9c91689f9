import type { Express } from 'express';
import type { Services } from '../services.js';
import { sanitizeReturnTo } from '../shared/return-to.js';
import { sessionCookie } from './cookies.js';

/**
 * `GET /credits/portal/<token>`: spends a portal link on a Credits page session cookie and
 * redirects to /credits, so the token leaves the address bar (and history) at once. A used or
 * expired link lands on `/credits?portal=expired` (with the app's `returnTo` the link carried), where
 * the page says so and sends the user back to the app for a new one.
 */
export function portalRoutes(app: Express, services: Services): void {
  app.get('/credits/portal/:token', async (req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.setHeader('referrer-policy', 'no-referrer');
    try {
      const opened = await services.portal.redeem(String(req.params.token));
      if (!opened) {
        const returnTo = sanitizeReturnTo(await services.portal.returnToOf(String(req.params.token)), services.config.PUBLIC_APP_URL);
        res.redirect(303, `/credits?portal=expired${returnTo ? `&returnTo=${encodeURIComponent(returnTo)}` : ''}`);
        return;
      }
      res.append('Set-Cookie', sessionCookie('PORTAL', opened.token, opened.expiresAt, services.config.isProduction));
      // Re-checked on the way out, as every stored returnTo is.
      const returnTo = sanitizeReturnTo(opened.returnTo, services.config.PUBLIC_APP_URL);
      res.redirect(303, returnTo ? `/credits?returnTo=${encodeURIComponent(returnTo)}` : '/credits');
    } catch (err) {
      services.log.error({ err: { message: (err as Error).message } }, 'portal link failed');
      res.status(500).type('text/plain').send('Internal server error');
    }
  });
}
