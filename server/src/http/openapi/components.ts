import { PROXY_CODES } from '../../proxy/proxy.errors.js';
import { ERROR_KINDS, type DomainErrorCode } from '../../shared/errors.js';
import type { ComponentsObject, HeaderObject, ReferenceObject, ResponseObject, SchemaObject } from 'openapi3-ts/oas31';

/** `#/components/<kind>/<name>`: every shared piece is referenced, never copied into an operation. */
export const ref = (kind: 'schemas' | 'responses' | 'headers' | 'parameters', name: string): ReferenceObject => ({
  $ref: `#/components/${kind}/${name}`,
});

const millicredits = (description: string): SchemaObject => ({
  type: 'string',
  pattern: '^-?[0-9]+$',
  description: `${description} An integer count of millicredits as a decimal string (1 credit = 1,000 millicredits).`,
  examples: ['45230'],
});

const header = (description: string, schema: SchemaObject = { type: 'string' }): HeaderObject => ({ description, schema });

/** The gateway's response headers (`x-creditmeter-*`, `Server-Timing`, `Retry-After`). */
const headers: Record<string, HeaderObject> = {
  ServerTiming: header(
    'W3C Server-Timing, one metric per phase reached, in order: admission, auth, checks, tokens, hold, upstream, settle ' +
      '(durations in ms, two decimals). Streams send the phases up to `upstream` here and the full timings as an HTTP/1.1 trailer.',
    { type: 'string', examples: ['admission;dur=0.02, auth;dur=0.41, checks;dur=0.35, tokens;dur=0.05, hold;dur=1.80'] },
  ),
  Overhead: header('Milliseconds spent outside the provider call.', { type: 'string', pattern: '^[0-9]+\\.[0-9]$' }),
  RequestId: header("The call's id (its hold's id): name it when asking support about a charge.", { type: 'string', format: 'uuid' }),
  Hold: header('What the call held before the provider was called (the worst case, or what the balance allowed).', millicredits('')),
  Charged: header(
    "The call's charge, decided from the provider's reported usage (streams: in the final usage event instead).",
    millicredits(''),
  ),
  Balance: header('The available balance of the charged account after this call (streams: in the final usage event).', millicredits('')),
  MaxTokensCapped: header(
    "Present when the balance could not cover the requested output: the output limit this call was sent upstream with, in the surface's own field (`max_tokens`, `max_completion_tokens` or `max_output_tokens`).",
    { type: 'string', pattern: '^[0-9]+$' },
  ),
  RetryAfter: header('Seconds to wait before trying again.', { type: 'string', pattern: '^[0-9]+$' }),
};

/** The headers every answered `/v1/*` call carries. */
export const meteredHeaders = (): Record<string, ReferenceObject> => ({
  'x-creditmeter-request-id': ref('headers', 'RequestId'),
  'x-creditmeter-hold-millicredits': ref('headers', 'Hold'),
  'x-creditmeter-charged-millicredits': ref('headers', 'Charged'),
  'x-creditmeter-balance-millicredits': ref('headers', 'Balance'),
  'x-creditmeter-max-tokens-capped': ref('headers', 'MaxTokensCapped'),
  'x-creditmeter-overhead-ms': ref('headers', 'Overhead'),
  'Server-Timing': ref('headers', 'ServerTiming'),
});

/** Headers on every `/v1/*` answer, errors included. */
const errorHeaders = (): Record<string, ReferenceObject> => ({
  'x-creditmeter-overhead-ms': ref('headers', 'Overhead'),
  'Server-Timing': ref('headers', 'ServerTiming'),
});

/**
 * The gateway's errors come in two envelopes with the same `error` fields: OpenAI's
 * `{"error":{…}}` on the OpenAI surfaces, Anthropic's `{"type":"error","error":{…}}` on
 * `/v1/messages`, whose `error.type` is Anthropic's for the status (so its SDK raises its usual class).
 */
export type Dialect = 'openai' | 'anthropic';
const PREFIX: Record<Dialect, string> = { openai: '', anthropic: 'Anthropic' };

const errorEnvelope = (
  dialect: Dialect,
  fields: { type?: SchemaObject; code: SchemaObject; extra?: Record<string, SchemaObject>; required?: string[] },
): SchemaObject => {
  const error: SchemaObject = {
    type: 'object',
    required: ['type', 'code', 'message', ...(fields.required ?? [])],
    properties: {
      type: fields.type ?? { type: 'string' },
      code: fields.code,
      message: { type: 'string' },
      ...(dialect === 'openai' ? { param: { type: ['string', 'null'] } } : {}),
      ...fields.extra,
    },
  };
  return dialect === 'openai'
    ? { type: 'object', required: ['error'], properties: { error } }
    : { type: 'object', required: ['type', 'error'], properties: { type: { const: 'error' }, error } };
};

/** The `error.code` a kind of the taxonomy answers with (shared/errors.ts `ERROR_KINDS`). */
const codeOf = (kind: DomainErrorCode): SchemaObject => ({ const: ERROR_KINDS[kind].openai.code });
const codesOf = (...codes: string[]): SchemaObject => ({ enum: codes });

const insufficientFields = {
  message: {
    type: 'string',
    description:
      'Says what the hold was for and names the output limit to lower, e.g. "This call needs 1,966,200 millicredits held for its prompt (8 tokens) ' +
      'and 32,768 output tokens (the model\'s maximum), and 200,000 are available. Send a smaller max_tokens, or buy credits."',
  },
  credits_url: {
    type: 'string',
    format: 'uri',
    description: '`<PUBLIC_APP_URL>/credits?returnTo=…`, the `returnTo` taken from the `X-Return-To` header when it is on this origin.',
  },
  required_millicredits: millicredits('What the call needed held: the prompt plus `max_output_tokens_assumed` of output per choice.'),
  available_millicredits: millicredits("The charged account's available balance when the call was refused."),
  max_output_tokens_assumed: {
    type: 'integer',
    minimum: 0,
    description:
      'The output tokens per choice the hold was computed for: the request’s limit, else the model’s maximum output; with hold shrinking on ' +
      '(the default), the account’s `minOutputTokens`, the smallest hold it would have accepted. 0 for embeddings.',
  },
} satisfies Record<string, SchemaObject>;

const spendLimitFields = {
  scope: { type: 'string', description: 'spend_cap_exceeded: `request`, `session` or `allocation`.' },
  cap_millicredits: millicredits('The cap or limit that refused the call.'),
  required_millicredits: millicredits("The call's worst case."),
  remaining_millicredits: millicredits('What the allocation or key limit has left this period.'),
} satisfies Record<string, SchemaObject>;

/** The error schemas of one dialect, named with its prefix (`GatewayError`, `AnthropicGatewayError`, …). */
const errorSchemas = (dialect: Dialect): Record<string, SchemaObject> => ({
  [`${PREFIX[dialect]}GatewayError`]: {
    ...errorEnvelope(dialect, { code: { type: 'string' } }),
    description:
      dialect === 'openai' ? "OpenAI's error shape, as the OpenAI SDK reads it." : "Anthropic's error shape, as its SDK reads it.",
  },
  [`${PREFIX[dialect]}InsufficientCreditsError`]: errorEnvelope(dialect, {
    type: { const: dialect === 'openai' ? ERROR_KINDS.INSUFFICIENT_CREDITS.openai.type : ERROR_KINDS.INSUFFICIENT_CREDITS.anthropic },
    code: codeOf('INSUFFICIENT_CREDITS'),
    extra: insufficientFields,
    required: ['credits_url', 'required_millicredits', 'available_millicredits', 'max_output_tokens_assumed'],
  }),
  [`${PREFIX[dialect]}SpendLimitError`]: errorEnvelope(dialect, {
    code: { enum: [ERROR_KINDS.SPEND_CAP_EXCEEDED.openai.code, PROXY_CODES.keyLimitExceeded] },
    extra: spendLimitFields,
  }),
});

const schemas: Record<string, SchemaObject> = {
  Millicredits: millicredits('An amount.'),
  ...errorSchemas('openai'),
  ...errorSchemas('anthropic'),
  HttpError: {
    type: 'object',
    description: 'The error shape of the JSON routes outside `/v1/*` and GraphQL.',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: { code: { type: 'string', examples: ['NOT_FOUND'] }, message: { type: 'string' } },
      },
    },
  },
};

const json = (schema: SchemaObject | ReferenceObject) => ({ 'application/json': { schema } });

/** The gateway's error answers of one dialect, named with its prefix (`RateLimited`, `AnthropicRateLimited`, …). */
function errorResponses(dialect: Dialect): Record<string, ResponseObject> {
  const name = (n: string) => `${PREFIX[dialect]}${n}`;
  const error = (description: string, code: SchemaObject, extraHeaders: Record<string, ReferenceObject> = {}): ResponseObject => ({
    description,
    headers: { ...errorHeaders(), ...extraHeaders },
    content: json({ allOf: [ref('schemas', name('GatewayError')), { properties: { error: { properties: { code } } } }] }),
  });
  const retryAfter = { 'Retry-After': ref('headers', 'RetryAfter') };
  return {
    [name('BadRequest')]: error('The body is not valid JSON or the request is invalid.', {
      type: 'string',
      examples: [PROXY_CODES.invalidJson, ERROR_KINDS.BAD_USER_INPUT.openai.code],
    }),
    [name('Unauthenticated')]: error('No valid creditmeter API key.', codeOf('UNAUTHENTICATED')),
    [name('PaymentRequired')]: {
      description:
        'Refused before any provider call: the balance (`insufficient_credits`), a spend cap or allocation (`spend_cap_exceeded`) ' +
        'or the key’s own limit (`key_limit_exceeded`) cannot cover the call. Nothing is held or charged.',
      headers: errorHeaders(),
      content: json({ oneOf: [ref('schemas', name('InsufficientCreditsError')), ref('schemas', name('SpendLimitError'))] }),
    },
    [name('Forbidden')]: error(
      'The key may not do this: a disabled model, a model outside the key’s `allowedModels`, or a team it is not an active member of.',
      codesOf(ERROR_KINDS.FORBIDDEN.openai.code, ERROR_KINDS.MODEL_DISABLED.openai.code, PROXY_CODES.modelNotAllowed),
    ),
    [name('ModelNotFound')]: error('The model is not on the active rate card; nothing is called or charged.', codeOf('MODEL_NOT_FOUND')),
    [name('PayloadTooLarge')]: error('The body is larger than PROXY_MAX_BODY_BYTES.', codeOf('PAYLOAD_TOO_LARGE')),
    [name('RateLimited')]: error('Too many requests for this key this minute.', codeOf('RATE_LIMIT_EXCEEDED'), retryAfter),
    [name('UpstreamFailed')]: error(
      'The provider failed or could not be reached; the hold is voided and nothing is charged.',
      codesOf(ERROR_KINDS.UPSTREAM_FAILED.openai.code, PROXY_CODES.upstreamUnavailable),
    ),
    [name('Overloaded')]: error('Shed at admission: too many calls in flight on this instance.', codeOf('SERVICE_UNAVAILABLE'), retryAfter),
    [name('UpstreamTimeout')]: error('The provider did not answer in time; nothing is charged.', codeOf('UPSTREAM_TIMEOUT')),
  };
}

/** The name of a gateway error answer in `dialect`. */
export const errorResponse = (dialect: Dialect, name: string): ReferenceObject => ref('responses', `${PREFIX[dialect]}${name}`);

const responses: Record<string, ResponseObject> = {
  ...errorResponses('openai'),
  ...errorResponses('anthropic'),
  HttpError: { description: 'An error of a JSON route outside `/v1/*`.', content: json(ref('schemas', 'HttpError')) },
};

export const components: ComponentsObject = {
  securitySchemes: {
    bearerKey: { type: 'http', scheme: 'bearer', description: 'A creditmeter API key: `Authorization: Bearer <key>`.' },
    apiKeyHeader: {
      type: 'apiKey',
      in: 'header',
      name: 'x-api-key',
      description: 'The same API key in `x-api-key`, as the Anthropic SDK sends it (only `/v1/messages` and `/v1/key`).',
    },
    staffSession: { type: 'apiKey', in: 'cookie', name: 'cm_staff', description: "The staff console's session cookie." },
    portalSession: { type: 'apiKey', in: 'cookie', name: 'cm_portal', description: "The customers' Credits page session cookie." },
    stripeSignature: {
      type: 'apiKey',
      in: 'header',
      name: 'Stripe-Signature',
      description: "Stripe's signature of the raw body, verified with STRIPE_WEBHOOK_SECRET.",
    },
    metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, when set (else loopback only in production).' },
  },
  schemas,
  headers,
  responses,
  parameters: {
    TeamId: {
      name: 'X-Team-Id',
      in: 'header',
      description: 'Charge this team (the key’s own team by default, if it was issued for one).',
      schema: { type: 'string', format: 'uuid' },
    },
    SpendCap: {
      name: 'X-Spend-Cap-Millicredits',
      in: 'header',
      description: "Refuse the call when its worst case is above this (tightens the account's request cap).",
      schema: ref('schemas', 'Millicredits'),
    },
    SessionId: { name: 'X-Session-Id', in: 'header', description: 'Groups calls for the session spend cap.', schema: { type: 'string' } },
    SessionSpendCap: {
      name: 'X-Session-Spend-Cap-Millicredits',
      in: 'header',
      description: 'What the session (`X-Session-Id`) may spend in its window.',
      schema: ref('schemas', 'Millicredits'),
    },
    ReturnTo: {
      name: 'X-Return-To',
      in: 'header',
      description: "Where the 402's `credits_url` sends the buyer back to (a relative path or on PUBLIC_APP_URL's origin).",
      schema: { type: 'string' },
    },
  },
};
