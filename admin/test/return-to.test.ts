import { describe, expect, it } from 'vitest';
import { BYPASSES, KEPT } from '../../server/test/security/return-to.cases';
import { sanitizeReturnTo } from '../shared/return-to';

const APP = 'https://app.example.test';

/** The Credits page's "Back to the app" link: the server's rule, the server's hostile list. */
describe("the Credits page's returnTo", () => {
  it.each(BYPASSES.map((v) => [JSON.stringify(v), v]))('drops %s', (_label, value) => {
    expect(sanitizeReturnTo(value, APP)).toBeNull();
  });

  it.each(KEPT)('keeps %j as %j', (value, expected) => {
    expect(sanitizeReturnTo(value, APP)).toBe(expected);
  });

  it("judges against the page's own origin by default", () => {
    const here = window.location.origin;
    expect(sanitizeReturnTo(`${here}/app/chat?x=1`)).toBe('/app/chat?x=1');
    expect(sanitizeReturnTo('/.//evil.example/phish')).toBeNull();
    expect(sanitizeReturnTo('https://app.example.test/app')).toBeNull();
  });
});
