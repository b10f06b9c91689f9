import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { components } from './components.js';
import { gatewayPaths, gatewaySchemas } from './gateway.paths.js';
import { servicePaths } from './service.paths.js';

/**
 * The OpenAPI 3.1 description of every HTTP route the app registers. A test walks the Express
 * router and fails when a route is missing here or a path here is not a route, so it cannot go stale.
 */
export function openApiDocument(publicAppUrl: string): OpenAPIObject {
  return {
    openapi: '3.1.0',
    info: {
      title: 'creditmeter',
      version: '1',
      description:
        'Prepaid AI credits: a metered gateway for the OpenAI and Anthropic APIs, Stripe credit packs, statements and reports. ' +
        'GraphQL (`POST /graphql`) is described by its own schema (schema.graphql). Money is integer millicredits as decimal strings.',
    },
    servers: [{ url: publicAppUrl.replace(/\/+$/, '') }],
    tags: [
      { name: 'gateway', description: 'Metered model calls (`/v1/*`): OpenAI- and Anthropic-compatible.' },
      { name: 'billing', description: 'Stripe.' },
      { name: 'reports', description: 'Statements and CSV exports.' },
      { name: 'graphql', description: 'The GraphQL endpoint.' },
      { name: 'operations', description: 'Health, metrics and this document.' },
      { name: 'pages', description: 'The web pages.' },
    ],
    paths: { ...gatewayPaths, ...servicePaths },
    components: { ...components, schemas: { ...components.schemas, ...gatewaySchemas } },
  };
}
