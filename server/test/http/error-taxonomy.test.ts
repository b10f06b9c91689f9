import { describe, expect, it } from 'vitest';
import { Overloaded } from '../../src/http/admission.js';
import { RateLimited } from '../../src/http/rate-limit.js';
import { domainErrorResponse } from '../../src/proxy/proxy.errors.js';
import { anthropicErrorBody } from '../../src/proxy/surfaces/messages.errors.js';
import { DomainError, ERROR_KINDS, type DomainErrorCode } from '../../src/shared/errors.js';

const codes = Object.keys(ERROR_KINDS) as DomainErrorCode[];

describe('the error taxonomy', () => {
  it('gives each status one Anthropic type, whichever kind answers with it', () => {
    const byStatus = new Map<number, Set<string>>();
    for (const kind of Object.values(ERROR_KINDS)) byStatus.set(kind.status, (byStatus.get(kind.status) ?? new Set()).add(kind.anthropic));
    for (const [status, types] of byStatus) expect([status, [...types]]).toEqual([status, [...types].slice(0, 1)]);
  });

  it('is what the proxy dialects answer with, for every kind', () => {
    for (const code of codes) {
      const openai = domainErrorResponse(new DomainError(code, `refused: ${code}`), 'https://app.example', null);
      expect(openai.status).toBe(ERROR_KINDS[code].status);
      expect(openai.body.error).toMatchObject({ ...ERROR_KINDS[code].openai, message: `refused: ${code}` });
      expect(anthropicErrorBody(openai)).toMatchObject({ type: 'error', error: { type: ERROR_KINDS[code].anthropic } });
    }
  });

  it('covers the rate limit and the admission refusal, with the bodies /v1 has always sent', () => {
    const limited = domainErrorResponse(new RateLimited(60, 7), 'https://app.example', null);
    expect(limited).toEqual({
      status: 429,
      body: { error: { type: 'requests', code: 'rate_limit_exceeded', message: new RateLimited(60, 7).message, param: null } },
    });
    const overloaded = new Overloaded('proxy', 'queue_full', 2);
    expect(domainErrorResponse(overloaded, 'https://app.example', null)).toEqual({
      status: 503,
      body: { error: { type: 'server_error', code: 'server_overloaded', message: overloaded.message, param: null } },
    });
  });
});
