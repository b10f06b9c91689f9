import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import type { Services } from '../services.js';

/**
 * The product's faces, built by the `admin/` workspace (Vite) into `admin/dist`: the staff
 * console at /admin, the customers' Credits page at /credits, GraphiQL at GET /graphql for
 * browsers, and a small home page at /. Each page is one HTML file whose client-side routes all
 * fall back to it; assets are content-hashed, so they are cached for a year.
 */
export function facesRoutes(app: Express, services: Services): void {
  const dist = path.join(services.config.repoRoot, 'admin', 'dist');
  const page = (file: string): RequestHandler => {
    const full = path.join(dist, file);
    return (_req, res) => {
      if (!existsSync(full)) {
        res.status(503).type('text/plain').send('The web pages are not built. Run `npm run build -w admin` (npm start does it).\n');
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(full);
    };
  };

  app.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }));
  // What the pages cannot know at build time: e.g. the Credits page offers a key sign-in outside production.
  app.get('/faces/config.json', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json({ production: services.config.isProduction, portalLinkMinutes: services.config.PORTAL_LINK_TTL_SECONDS / 60 });
  });
  app.get('/', page('index.html'));
  app.get(['/admin', '/admin/*rest'], page('console/index.html'));
  app.get(['/credits', '/credits/*rest'], page('credits/index.html'));

  // Browsers get the IDE; every other GET (and every POST) stays with the GraphQL server.
  const graphiql = page('graphiql/index.html');
  app.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html') graphiql(req, res, next);
    else next();
  });
}
