import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDatabase, useFreshDatabase } from './db/testing';
import { hotAnswer, hotMiss } from './lib/server/page-cache';
import { proxy } from './proxy';

// The proxy reads the reader cache's content version, which opens the database: never the default file.
let file: string;
beforeAll(() => {
  file = useFreshDatabase();
});
afterAll(() => removeDatabase(file));

const policyFor = async (path: string) => {
  const response = await proxy(new NextRequest(`http://claimline.test${path}`));
  return { csp: response.headers.get('content-security-policy') ?? '', frame: response.headers.get('x-frame-options') };
};

describe('proxy security headers', () => {
  it('forbids framing of pages and allows only nonced scripts', async () => {
    const { csp, frame } = await policyFor('/claims/12/some-claim');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    const scripts = csp.split('; ').find((d) => d.startsWith('script-src'));
    expect(scripts).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(frame).toBe('DENY');
  });

  it('lets other sites embed the status badge, which may run no script at all', async () => {
    const { csp, frame } = await policyFor('/claims/12/badge.svg');
    expect(csp).not.toContain('frame-ancestors');
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(frame).toBeNull();
  });

  it('lets any site frame the claim card, which may run no script, and no other page', async () => {
    const { csp, frame } = await policyFor('/claims/12/card');
    expect(csp).toContain('frame-ancestors *');
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(frame).toBeNull();
    for (const path of ['/claims/12/cards', '/claims/12/card/x', '/claims/x/card', '/oembed', '/embed.js', '/articles/card']) {
      const other = await policyFor(path);
      expect(other.csp, path).toContain("frame-ancestors 'none'");
      expect(other.frame, path).toBe('DENY');
    }
  });

  it('gives the archived copy of a source a policy with no script and nothing fetched, and no framing', async () => {
    const { csp, frame } = await policyFor('/claims/12/archive/7');
    expect(csp.split('; ')).toEqual([
      "default-src 'none'",
      expect.stringMatching(/^style-src 'sha256-[A-Za-z0-9+/]+=*'$/),
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]);
    expect(frame).toBe('DENY');
    expect((await policyFor('/claims/12/archive/7/x')).csp).toContain("script-src 'self' 'nonce-");
  });

  it('does not mistake a look-alike path for the badge', async () => {
    expect((await policyFor('/claims/12/badge.svg/../../edit')).csp).toContain("frame-ancestors 'none'");
    expect((await policyFor('/claims/abc/badge.svg')).csp).toContain("frame-ancestors 'none'");
  });
});

describe('proxy refusals', () => {
  it('answers an undecodable path with the not-found page (a rewrite), never the page cache', async () => {
    for (const path of ['/articles/%ff', '/parties/%c3%28', '/claims/1/%ff', '/claims/1/%ff/feed.atom']) {
      const response = await proxy(new NextRequest(`http://claimline.test${path}`));
      expect(response.headers.get('x-middleware-rewrite'), path).toContain('/_undecodable-path');
      expect(response.headers.get('content-security-policy'), path).toContain('nonce-');
      expect(response.headers.get('cache-control') ?? '', path).not.toMatch(/public/);
    }
    expect((await proxy(new NextRequest('http://claimline.test/articles/caf%C3%A9'))).headers.get('x-middleware-rewrite')).toBeNull();
  });

  it('answers an undecodable API path with the API’s JSON error, not cacheable', async () => {
    for (const path of ['/api/v1/articles/%ff', '/api/v1/claims/%', '/api/v1/parties/%c3%28']) {
      const response = await proxy(new NextRequest(`http://claimline.test${path}`));
      expect(response.status, path).toBe(400);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      expect(await response.json(), path).toEqual({ error: { status: 400, message: 'The path is not valid percent-encoded UTF-8.' } });
    }
  });

  it('refuses a write from another site or with a malformed Origin with 403', async () => {
    const post = (origin: string) =>
      proxy(new NextRequest('http://claimline.test/sign-in', { method: 'POST', headers: { origin, host: 'claimline.test' } }));
    for (const origin of ['https://evil.example', 'null', 'not a url']) expect((await post(origin)).status, origin).toBe(403);
    expect((await post('http://claimline.test')).status).not.toBe(403);
  });
});

describe('reader pages the page cache did not answer', () => {
  // Only the page cache's answers name their cache tags (xkey), which a write purges from a shared
  // cache; a page Next renders past it has none, so a CDN that kept it would serve it unpurgeable
  // for s-maxage plus stale-while-revalidate (11 minutes) after the next edit.
  const cacheControl = async (path: string, headers: Record<string, string> = {}) =>
    (await proxy(new NextRequest(`http://claimline.test${path}`, { headers: { host: 'claimline.test', accept: 'text/html', ...headers } }))).headers.get('cache-control');

  it('go out for their reader only when the render for the cache failed, the cache is off, or the client navigates', async () => {
    // The page cache's render over loopback fails: the connection drops before any answer.
    const failing = http.createServer((req) => req.socket.destroy());
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    process.env.PORT = String((failing.address() as AddressInfo).port);
    try {
      // As scripts/server.mjs meets it: no stored page, the hot path's own render fails, the request goes on to Next.
      const path = '/claims/12/fares-fell-“by-half”-🚋';
      const raw = { method: 'GET', url: encodeURI(path), headers: { host: 'claimline.test', accept: 'text/html' } as Record<string, string | string[] | undefined> };
      expect(hotAnswer(raw)).toBeNull();
      expect(await hotMiss(raw)).toBeNull();
      const passed = await proxy(new NextRequest(`http://claimline.test${encodeURI(path)}`, { headers: raw.headers as Record<string, string> }));
      expect(passed.headers.get('cache-control')).toBe('private, no-cache');
      // Without the hot path (next start): the proxy's own render fails the same way.
      expect(await cacheControl('/articles/bus-lanes-%D8%B1%D8%B3%D9%88%D9%85')).toBe('private, no-cache');
      expect(await cacheControl('/claims?q=%E8%BF%90%E8%B4%B9')).toBe('private, no-cache');
      // A client-side navigation's payload (no text/html in Accept) never goes through the cache.
      expect(await cacheControl('/claims/12/some-claim', { accept: '*/*' })).toBe('private, no-cache');
    } finally {
      delete process.env.PORT;
      failing.close();
    }
    // No page cache at all (no port to render on).
    expect(await cacheControl('/parties/harbour-authority')).toBe('private, no-cache');
  });
});
