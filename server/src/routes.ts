import type { Express } from 'express';
import type { Services } from './services.js';
import { metricsRoutes } from './metrics/metrics.routes.js';
import { statementRoutes } from './statements/statements.routes.js';
import { usageReportRoutes } from './finance/usage-report.routes.js';
import { journalRoutes } from './finance/journal.routes.js';
import { billingRoutes } from './billing/billing.routes.js';
import { proxyRoutes } from './proxy/proxy.routes.js';
import { keyRoutes } from './proxy/key.routes.js';
import { portalRoutes } from './sessions/portal.routes.js';
import { auditLogRoutes } from './audit/audit-log.routes.js';
import { facesRoutes } from './http/faces.js';
import { openApiRoutes } from './http/openapi/openapi.routes.js';

export type RouteModule = (app: Express, services: Services) => void;

/** HTTP routes outside GraphQL, mounted before it. Feature modules add theirs here. */
// The portal link route comes before the faces, whose /credits/* would otherwise take it.
export const routeModules: RouteModule[] = [
  proxyRoutes,
  keyRoutes,
  billingRoutes,
  metricsRoutes,
  statementRoutes,
  usageReportRoutes,
  journalRoutes,
  auditLogRoutes,
  portalRoutes,
  openApiRoutes,
  facesRoutes,
];
