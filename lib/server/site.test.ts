import { afterEach, describe, expect, it, vi } from 'vitest';

// env.ts reads the environment once, at import: each case imports site.ts afresh under its own.
async function linkOrigin(env: Record<string, string | undefined>, headers: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { linkOriginFrom } = await import('./site');
  return linkOriginFrom(new Headers(headers));
}
afterEach(() => vi.unstubAllEnvs());

const spoofed = { host: 'news.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

describe('invitation link origin', () => {
  it('is APP_URL when set, whatever X-Forwarded-Host says, with or without trusted proxies', async () => {
    expect(await linkOrigin({ APP_URL: 'https://claims.news.example/', TRUST_PROXY: '0' }, spoofed)).toBe('https://claims.news.example');
    expect(await linkOrigin({ APP_URL: 'https://claims.news.example', TRUST_PROXY: '1' }, spoofed)).toBe('https://claims.news.example');
  });

  it('without APP_URL and without trusted proxies, is the Host the client connected to, never X-Forwarded-Host', async () => {
    expect(await linkOrigin({ APP_URL: undefined, TRUST_PROXY: '0' }, spoofed)).toBe('https://news.example');
  });

  it('without APP_URL behind trusted proxies, is the host the proxy forwarded', async () => {
    expect(await linkOrigin({ APP_URL: undefined, TRUST_PROXY: '1' }, { ...spoofed, 'x-forwarded-host': 'claims.news.example, inner.example' })).toBe(
      'https://claims.news.example',
    );
    expect(await linkOrigin({ APP_URL: undefined, TRUST_PROXY: '1' }, { host: 'news.example' })).toBe('http://news.example');
  });
});
