import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossSiteWrite, decodablePath } from './request-checks';

describe('decodablePath', () => {
  it.each(['/articles/%ff', '/parties/%c3%28', '/claims/1/%ff', '/articles/%', '/articles/%%', '/a/%e2%82', '/api/v1/articles/%ed%a0%80', '/%c0%af'])(
    'refuses %s',
    (path) => expect(decodablePath(path)).toBe(false),
  );

  it.each(['/', '/articles/bus-lanes', '/articles/caf%C3%A9', '/parties/%E6%9D%B1%E4%BA%AC', '/claims/1/x%20y', '/a/%00', '/a/..%2F..'])(
    'accepts %s',
    (path) => expect(decodablePath(path)).toBe(true),
  );

  it('accepts every path the browser encodes from any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => decodablePath(`/articles/${encodeURIComponent(text)}`)));
  });
});

describe('crossSiteWrite', () => {
  const post = (headers: Record<string, string>) => crossSiteWrite('POST', new Headers({ host: 'claims.example', ...headers }));

  it('lets same-site posts, posts without Origin and reads through', () => {
    expect(post({ origin: 'https://claims.example' })).toBe(false);
    expect(post({})).toBe(false);
    expect(post({ origin: 'https://cdn.example', 'x-forwarded-host': 'cdn.example' })).toBe(false);
    expect(crossSiteWrite('GET', new Headers({ host: 'claims.example', origin: 'https://evil.example' }))).toBe(false);
  });

  it.each(['https://evil.example', 'https://claims.example.evil.example', 'http://claims.example:8080', 'null', 'not a url', 'file:///etc/passwd', '', '%'])(
    'refuses Origin %j',
    (origin) => expect(post({ origin })).toBe(true),
  );
});
