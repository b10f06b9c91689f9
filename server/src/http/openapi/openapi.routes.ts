import type { Express } from 'express';
import type { Services } from '../../services.js';
import { openApiDocument } from './document.js';

/** `GET /openapi.json`: public (any origin may read it, e.g. a docs viewer), the same bytes for every caller, so caches and ETags work. */
export function openApiRoutes(app: Express, services: Services): void {
  const body = JSON.stringify(openApiDocument(services.config.PUBLIC_APP_URL));
  app.get('/openapi.json', (_req, res) => {
    res.setHeader('cache-control', 'public, max-age=300');
    res.setHeader('access-control-allow-origin', '*');
    res.type('application/json').send(body);
  });
}
