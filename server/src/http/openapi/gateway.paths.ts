import type {
  OperationObject,
  PathsObject,
  ReferenceObject,
  ResponsesObject,
  SchemaObject,
  SecurityRequirementObject,
} from 'openapi3-ts/oas31';
import { errorResponse, meteredHeaders, ref, type Dialect } from './components.js';

const open = (properties: Record<string, SchemaObject | ReferenceObject>, required: string[], description: string): SchemaObject => ({
  type: 'object',
  description: `${description} Fields not listed here pass through to the provider unchanged.`,
  required,
  properties,
  additionalProperties: true,
});

const outputLimit = (field: string): SchemaObject => ({
  type: 'integer',
  minimum: 1,
  description:
    `The output limit the hold is computed for (absent: the model's maximum output). When the balance covers the prompt and a useful ` +
    `output but not this, the call goes upstream with a smaller \`${field}\` (\`x-creditmeter-max-tokens-capped\`) unless the account turned hold shrinking off.`,
});

/** The request bodies of the metered surfaces: what the gateway reads; the rest is the provider's. */
export const gatewaySchemas: Record<string, SchemaObject> = {
  ChatCompletionRequest: open(
    {
      model: { type: 'string', description: 'A model on the active rate card.' },
      messages: { type: 'array', minItems: 1, items: { type: 'object' } },
      max_tokens: outputLimit('max_tokens'),
      max_completion_tokens: outputLimit('max_completion_tokens'),
      n: { type: 'integer', minimum: 1, maximum: 8 },
      stream: { type: 'boolean' },
      stream_options: { type: 'object', properties: { include_usage: { type: 'boolean' } } },
    },
    ['model', 'messages'],
    "OpenAI's Chat Completions request.",
  ),
  ResponsesRequest: open(
    {
      model: { type: 'string' },
      input: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'object' } }] },
      instructions: { type: 'string' },
      max_output_tokens: outputLimit('max_output_tokens'),
      stream: { type: 'boolean' },
    },
    ['model', 'input'],
    "OpenAI's Responses API request.",
  ),
  EmbeddingsRequest: open(
    {
      model: { type: 'string' },
      input: {
        description: 'A string, an array of strings, an array of tokens or an array of token arrays.',
        oneOf: [
          { type: 'string' },
          { type: 'array', items: { type: 'string' } },
          { type: 'array', items: { type: 'integer' } },
          { type: 'array', items: { type: 'array', items: { type: 'integer' } } },
        ],
      },
    },
    ['model', 'input'],
    "OpenAI's embeddings request (input tokens only: there is no output to hold for).",
  ),
  MessagesRequest: open(
    {
      model: { type: 'string' },
      max_tokens: outputLimit('max_tokens'),
      messages: { type: 'array', minItems: 1, items: { type: 'object' } },
      system: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'object' } }] },
      stream: { type: 'boolean' },
    },
    ['model', 'max_tokens', 'messages'],
    "Anthropic's Messages API request.",
  ),
  ProviderAnswer: {
    type: 'object',
    description:
      "The provider's answer in its own API's shape, with the provider's `usage` (every token type it reports). Simulated models answer in the same shape.",
    additionalProperties: true,
  },
  KeyInfo: {
    type: 'object',
    required: ['data'],
    properties: {
      data: {
        type: 'object',
        description: "The calling key's limit and spend (shaped like OpenRouter's `GET /api/v1/key`), and its account's available balance.",
        required: [
          'label',
          'limit_millicredits',
          'limit_remaining_millicredits',
          'usage_millicredits',
          'usage_daily_millicredits',
          'usage_weekly_millicredits',
          'usage_monthly_millicredits',
          'limit_reset',
          'available_millicredits',
        ],
        properties: {
          label: { type: ['string', 'null'] },
          limit_millicredits: { oneOf: [ref('schemas', 'Millicredits'), { type: 'null' }], description: 'null: no limit.' },
          limit_remaining_millicredits: { oneOf: [ref('schemas', 'Millicredits'), { type: 'null' }] },
          usage_millicredits: ref('schemas', 'Millicredits'),
          usage_daily_millicredits: ref('schemas', 'Millicredits'),
          usage_weekly_millicredits: ref('schemas', 'Millicredits'),
          usage_monthly_millicredits: ref('schemas', 'Millicredits'),
          limit_reset: { enum: ['DAILY', 'WEEKLY', 'MONTHLY', 'NEVER'] },
          available_millicredits: ref('schemas', 'Millicredits'),
        },
      },
    },
  },
  ModelList: {
    type: 'object',
    required: ['object', 'data'],
    properties: {
      object: { const: 'list' },
      data: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'object'],
          properties: { id: { type: 'string' }, object: { const: 'model' }, created: { type: 'integer' }, owned_by: { type: 'string' } },
        },
      },
    },
  },
};

const bearer: SecurityRequirementObject[] = [{ bearerKey: [] }];

/** The refusals every metered call may get, decided before any provider call (except 502/504). */
const meteredRefusals = (dialect: Dialect): ResponsesObject =>
  Object.fromEntries(
    Object.entries({
      400: 'BadRequest',
      401: 'Unauthenticated',
      402: 'PaymentRequired',
      403: 'Forbidden',
      404: 'ModelNotFound',
      413: 'PayloadTooLarge',
      429: 'RateLimited',
      502: 'UpstreamFailed',
      503: 'Overloaded',
      504: 'UpstreamTimeout',
    }).map(([status, name]) => [status, errorResponse(dialect, name)]),
  );

const metered = (opts: {
  summary: string;
  description: string;
  body: string;
  streams: string | null;
  security: OperationObject['security'];
  dialect?: Dialect;
}): OperationObject => ({
  tags: ['gateway'],
  summary: opts.summary,
  description:
    `${opts.description}\n\nHolds the call's worst case before calling the provider, settles on the provider's reported usage ` +
    'and releases the rest; every cap, switch, team allocation, key limit and rate limit applies. A model not on the active rate card ' +
    'is refused (404) and never charged.',
  security: opts.security,
  parameters: ['TeamId', 'SpendCap', 'SessionId', 'SessionSpendCap', 'ReturnTo'].map((p) => ref('parameters', p)),
  requestBody: { required: true, content: { 'application/json': { schema: ref('schemas', opts.body) } } },
  responses: {
    200: {
      description: opts.streams
        ? `The provider's answer. With \`"stream": true\`, server-sent events: ${opts.streams}`
        : "The provider's answer.",
      headers: meteredHeaders(),
      content: {
        'application/json': { schema: ref('schemas', 'ProviderAnswer') },
        ...(opts.streams ? { 'text/event-stream': { schema: { type: 'string' } } } : {}),
      },
    },
    ...meteredRefusals(opts.dialect ?? 'openai'),
  },
});

export const gatewayPaths: PathsObject = {
  '/v1/chat/completions': {
    post: metered({
      summary: 'OpenAI Chat Completions, metered',
      description: 'OpenAI-compatible: point the `openai` SDK at `<origin>/v1`.',
      body: 'ChatCompletionRequest',
      streams:
        "OpenAI's chunks; with `stream_options.include_usage` the final usage chunk carries `creditmeter: { charged_millicredits, balance_millicredits, … }`.",
      security: bearer,
    }),
  },
  '/v1/responses': {
    post: metered({
      summary: 'OpenAI Responses API, metered',
      description:
        'OpenAI-compatible: point the `openai` SDK at `<origin>/v1` and call `responses.create`. `previous_response_id`, `conversation`, ' +
        'stored `prompt`s and `background` are refused (400): a prompt kept at the provider cannot be bounded before the hold.',
      body: 'ResponsesRequest',
      streams:
        "the Responses API's named events; the closing `response.completed` (or `response.incomplete`, also when a partial hold cut the " +
        'stream) carries `creditmeter: { charged_millicredits, balance_millicredits, … }`. A provider failure mid-stream ends with an `error` event and charges nothing.',
      security: bearer,
    }),
  },
  '/v1/embeddings': {
    post: metered({
      summary: 'OpenAI embeddings, metered',
      description: 'OpenAI-compatible: `embeddings.create` through the `openai` SDK. Input tokens only; never streamed.',
      body: 'EmbeddingsRequest',
      streams: null,
      security: bearer,
    }),
  },
  '/v1/messages': {
    post: metered({
      summary: 'Anthropic Messages, metered',
      description:
        "Anthropic's Messages API for models whose rate names provider `anthropic`: point `@anthropic-ai/sdk` at `<origin>`. " +
        'The key is accepted as `x-api-key` or as a bearer token. A model of the other provider is refused with 400 naming its endpoint. ' +
        "Cache reads and 5-minute and 1-hour cache writes are charged at the rate card's cached-input and cache-write rates.",
      body: 'MessagesRequest',
      streams:
        "Anthropic's events (`message_start`, `content_block_*`, `message_delta`, `message_stop`); the final `message_delta`'s " +
        '`usage.creditmeter` carries `{ charged_millicredits, balance_millicredits, … }`. A provider dropping the stream mid-way ' +
        'ends it with an `error` event whose `error.creditmeter` says what the produced part was charged.',
      security: [{ apiKeyHeader: [] }, { bearerKey: [] }],
      dialect: 'anthropic',
    }),
  },
  '/v1/key': {
    get: {
      tags: ['gateway'],
      summary: "The calling key's limit, usage and available balance",
      description:
        "Shaped like OpenRouter's `GET /api/v1/key`. `limit_remaining_millicredits` is what the key's limit leaves after this period's spend " +
        'and its calls in flight; the daily, weekly and monthly usage count from the start of the current day, week (Monday) and month in the ' +
        "account's time zone (a team's own, else UTC). Rate limited like every `/v1` route.",
      security: [{ bearerKey: [] }, { apiKeyHeader: [] }],
      responses: {
        200: { description: 'The key.', content: { 'application/json': { schema: ref('schemas', 'KeyInfo') } } },
        401: ref('responses', 'Unauthenticated'),
        403: ref('responses', 'Forbidden'),
        429: ref('responses', 'RateLimited'),
      },
    },
  },
  '/v1/models': {
    get: {
      tags: ['gateway'],
      summary: 'The enabled models of the active rate card',
      security: bearer,
      responses: {
        200: {
          description: "OpenAI's model list.",
          headers: { 'x-creditmeter-overhead-ms': ref('headers', 'Overhead'), 'Server-Timing': ref('headers', 'ServerTiming') },
          content: { 'application/json': { schema: ref('schemas', 'ModelList') } },
        },
        401: errorResponse('openai', 'Unauthenticated'),
        403: errorResponse('openai', 'Forbidden'),
      },
    },
  },
};
