import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { purgeSharedCaches, UNTAGGED } from './purge';

describe('purging shared caches', () => {
  const received: { method?: string; url?: string; keys?: string }[] = [];
  let slowAnswered = false;
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      received.push({ method: req.method, url: req.url, keys: req.headers['xkey-purge'] as string });
      if (req.url === '/slow') {
        setTimeout(() => {
          slowAnswered = true;
          res.end('late');
        }, 300);
        return;
      }
      res.writeHead(req.url === '/refuses' ? 403 : 200).end('Purged 3');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('sends the touched tags, and the untagged pages, to every cache, and returns once all have answered', async () => {
    received.length = 0;
    slowAnswered = false;
    await purgeSharedCaches(['claim:12', 'article:3', 'lists', 'claim:12'], [`${base}/`, `${base}/slow`]);
    expect(slowAnswered).toBe(true);
    expect(received).toEqual([
      { method: 'PURGE', url: '/', keys: `claim:12 article:3 lists ${UNTAGGED}` },
      { method: 'PURGE', url: '/slow', keys: `claim:12 article:3 lists ${UNTAGGED}` },
    ]);
  });

  it('warns once about a cache that is down or refuses, never throws, and lets the save go on', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const down = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise((resolve) => closed.close(resolve));
    for (let i = 0; i < 3; i++) await purgeSharedCaches(['claim:1'], [down, `${base}/refuses`]);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls.map(([message]) => String(message)).join('\n')).toMatch(/403/);
    warn.mockRestore();
  });

  it('does nothing without caches or tags', async () => {
    received.length = 0;
    await purgeSharedCaches([], [`${base}/`]);
    await purgeSharedCaches(['claim:1'], []);
    expect(received).toEqual([]);
  });
});
