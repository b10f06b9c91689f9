import type {
  OperationObject,
  ParameterObject,
  PathsObject,
  ResponseObject,
  SchemaObject,
  SecurityRequirementObject,
} from 'openapi3-ts/oas31';
import { ref } from './components.js';

/** A key, or the console's or the Credits page's session cookie (read-only GETs only). */
const keyOrCookie: SecurityRequirementObject[] = [{ bearerKey: [] }, { staffSession: [] }, { portalSession: [] }];
const anyone: SecurityRequirementObject[] = [{}];

const pathParam = (name: string, description: string, schema: SchemaObject, example: string): ParameterObject => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
  example,
});
const query = (name: string, description: string, schema: SchemaObject = { type: 'string' }, required = false): ParameterObject => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});

const month = pathParam('month', 'The calendar month, `YYYY-MM`.', { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}$' }, '2026-11');
const file = (type: string, description: string): ResponseObject => ({ description, content: { [type]: { schema: { type: 'string' } } } });
const page = (description: string): ResponseObject => ({
  description,
  content: { 'text/html': { schema: { type: 'string' } } },
});
const notBuilt: ResponseObject = {
  description: 'The web pages are not built yet.',
  content: { 'text/plain': { schema: { type: 'string' } } },
};

/** The errors of the JSON routes outside `/v1/*` (docs/api.md, "HTTP errors outside GraphQL"). */
const httpErrors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ref('responses', 'HttpError')]));

const download = (summary: string, description: string, type: string, parameters: ParameterObject[]): OperationObject => ({
  tags: ['reports'],
  summary,
  description,
  security: keyOrCookie,
  parameters,
  responses: {
    200: {
      ...file(type, 'The file, as an attachment (`cache-control: private, no-store`).'),
      headers: { 'Content-Disposition': { schema: { type: 'string' } } },
    },
    ...httpErrors(400, 401, 403, 404),
  },
});

const statement = (format: 'csv' | 'pdf'): OperationObject =>
  download(
    `The caller's monthly statement (${format.toUpperCase()})`,
    'Opening balance, purchases, deductions, refunds and adjustments, closing balance, usage totals per model. ' +
      "SUPPORT+ may name any account, a team's OWNERs their team.",
    format === 'csv' ? 'text/csv' : 'application/pdf',
    [month, query('accountId', 'Another account (staff, or a team OWNER for the team).', { type: 'string', format: 'uuid' })],
  );

const pages = (name: string, what: string): PathsObject => ({
  [`/${name}`]: { get: { tags: ['pages'], summary: what, security: anyone, responses: { 200: page(`The ${what}.`), 503: notBuilt } } },
  [`/${name}/{page}`]: {
    get: {
      tags: ['pages'],
      summary: `A client-side route of the ${what}`,
      description: 'Any path below (it may hold further segments) answers the same page, whose router shows it.',
      security: anyone,
      parameters: [pathParam('page', 'The client-side route.', { type: 'string' }, 'accounts')],
      responses: { 200: page(`The ${what}.`), 503: notBuilt },
    },
  },
});

const testCheckout = pathParam(
  'purchaseId',
  'A test-mode purchase.',
  { type: 'string', format: 'uuid' },
  '00000000-0000-4000-8000-000000000000',
);

export const servicePaths: PathsObject = {
  '/webhooks/stripe': {
    post: {
      tags: ['billing'],
      summary: "Stripe's webhook",
      description:
        'Raw body, `Stripe-Signature` verified with STRIPE_WEBHOOK_SECRET. Handles `checkout.session.completed`, ' +
        '`checkout.session.async_payment_succeeded`, `charge.refunded`, `payment_intent.succeeded`, `charge.dispute.*`, … ' +
        'A repeated event id is answered 200 and fulfils nothing twice.',
      security: [{ stripeSignature: [] }],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', description: 'A Stripe event.' } } } },
      responses: {
        200: { description: 'Processed, or already processed.', content: { 'application/json': { schema: { type: 'object' } } } },
        400: {
          description: 'Signature missing or wrong; nothing written.',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
        500: { description: 'Failed before processing; Stripe retries.', content: { 'application/json': { schema: { type: 'object' } } } },
      },
    },
  },
  '/billing/test-checkout/{purchaseId}': {
    get: {
      tags: ['billing'],
      summary: "Test mode's stand-in for Stripe Checkout (never in production)",
      security: anyone,
      parameters: [testCheckout],
      responses: { 200: page('The test checkout page.'), 404: file('text/plain', 'No test-mode checkout here.') },
    },
    post: {
      tags: ['billing'],
      summary: 'Completes a test-mode checkout through the real fulfilment',
      security: anyone,
      parameters: [testCheckout],
      responses: {
        200: { description: 'With `Accept: application/json`.', content: { 'application/json': { schema: { type: 'object' } } } },
        303: { description: 'Back to the Credits page.' },
        404: { description: 'No test-mode checkout here.', content: { 'application/json': { schema: { type: 'object' } } } },
      },
    },
  },
  '/statements/{month}.csv': { get: statement('csv') },
  '/statements/{month}.pdf': { get: statement('pdf') },
  '/reports/usage.csv': {
    get: download('Usage analytics as CSV', '`usageReport` with the same arguments and authorization.', 'text/csv', [
      query('from', 'ISO date or date-time.', { type: 'string' }, true),
      query('to', 'ISO date or date-time.', { type: 'string' }, true),
      query('groupBy', 'Comma-separated or repeated: DAY, MODEL, API_KEY, TEAM_MEMBER, ACCOUNT.'),
      query('accountId', 'Another account (SUPPORT+).', { type: 'string', format: 'uuid' }),
    ]),
  },
  '/reports/journal/{month}.csv': {
    get: download("The month's deferred revenue journal (FINANCE+)", 'RFC 4180, one balanced entry per day and movement.', 'text/csv', [
      month,
    ]),
  },
  '/audit-log.csv': {
    get: download(
      'The audit log as CSV (FINANCE+)',
      'The same filter as the `auditLog` query, newest first.',
      'text/csv',
      ['actor', 'action', 'targetType', 'targetId', 'from', 'to'].map((name) => query(name, `Filter: ${name}.`)),
    ),
  },
  '/metrics': {
    get: {
      tags: ['operations'],
      summary: 'Prometheus metrics',
      description: 'With METRICS_TOKEN set, only its bearer; without it, anyone in development but only loopback callers in production.',
      security: [{ metricsToken: [] }, {}],
      responses: {
        200: file('text/plain', 'Prometheus text exposition format.'),
        401: file('text/plain', 'METRICS_TOKEN is set and was not sent.'),
        403: file('text/plain', 'Not a loopback caller in production.'),
      },
    },
  },
  '/healthz': {
    get: {
      tags: ['operations'],
      summary: 'Liveness and database health',
      security: anyone,
      responses: {
        200: {
          description: 'The database answers (`degraded` when the Redis fan-out is down).',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { status: { enum: ['ok', 'degraded'] }, pubsub: { enum: ['up', 'down', 'off'] } },
              },
            },
          },
        },
        503: { description: 'The database does not answer.', content: { 'application/json': { schema: { type: 'object' } } } },
      },
    },
  },
  '/openapi.json': {
    get: {
      tags: ['operations'],
      summary: 'This document',
      security: anyone,
      responses: { 200: { description: 'OpenAPI 3.1, cacheable.', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  },
  '/graphql': {
    post: {
      tags: ['graphql'],
      summary: 'GraphQL (see schema.graphql); subscriptions over graphql-ws on the same path',
      security: keyOrCookie,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['query'],
              properties: { query: { type: 'string' }, variables: { type: 'object' }, operationName: { type: 'string' } },
            },
          },
        },
      },
      responses: {
        200: { description: 'A GraphQL result.', content: { 'application/json': { schema: { type: 'object' } } } },
        402: {
          description: 'INSUFFICIENT_CREDITS, with `extensions.creditsUrl`.',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
        503: { description: 'Shed by admission control.', headers: { 'Retry-After': ref('headers', 'RetryAfter') } },
      },
    },
    get: {
      tags: ['graphql'],
      summary: 'The offline GraphiQL IDE for browsers; otherwise a GraphQL query over GET',
      security: keyOrCookie,
      parameters: [query('query', 'A GraphQL query (not a mutation), with the `apollo-require-preflight` header.')],
      responses: {
        200: {
          description: 'GraphiQL (`Accept: text/html`) or a GraphQL result.',
          content: { 'text/html': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } },
        },
      },
    },
  },
  '/credits/portal/{token}': {
    get: {
      tags: ['pages'],
      summary: 'Spends a portal link on a Credits page session cookie',
      security: anyone,
      parameters: [pathParam('token', 'The one-time portal token.', { type: 'string' }, 'cmp_0123456789abcdef')],
      responses: {
        303: {
          description: 'To /credits with the session cookie, or to `/credits?portal=expired` for a used or expired link.',
          headers: { 'Set-Cookie': { schema: { type: 'string' } } },
        },
      },
    },
  },
  '/faces/config.json': {
    get: {
      tags: ['pages'],
      summary: 'What the web pages cannot know at build time',
      security: anyone,
      responses: { 200: { description: 'Page configuration.', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  },
  '/assets/{file}': {
    get: {
      tags: ['pages'],
      summary: "The pages' content-hashed assets (cached for a year)",
      security: anyone,
      parameters: [pathParam('file', 'An asset of the built pages.', { type: 'string' }, 'index-0123abcd.js')],
      responses: { 200: { description: 'The asset.' }, 404: { description: 'No such asset.' } },
    },
  },
  '/': { get: { tags: ['pages'], summary: 'The home page', security: anyone, responses: { 200: page('The home page.'), 503: notBuilt } } },
  ...pages('admin', 'staff console'),
  ...pages('credits', "customers' Credits page"),
};
