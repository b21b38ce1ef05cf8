import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fixture site answers for one path; change it between fetches to make a page move, change or vanish. */
export type FixturePage = {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sends the body this slowly: one byte every `dripMs` (a slow drip), or waits `delayMs` first. */
  dripMs?: number;
  delayMs?: number;
  /** Answers 304 when the request's If-None-Match names this ETag. */
  etag?: string;
};

export type FixtureRequest = { path: string; headers: http.IncomingHttpHeaders; at: number };

/**
 * A local web site for tests of fetching (loopback is allowed for tests only): pages set by
 * the test, every request recorded, and the most requests it saw at once.
 */
export async function startFixtureSite(port = 0) {
  const pages = new Map<string, FixturePage>();
  const requests: FixtureRequest[] = [];
  let open = 0;
  let peak = 0;
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://fixture').pathname;
    requests.push({ path, headers: req.headers, at: Date.now() });
    open++;
    peak = Math.max(peak, open);
    res.on('close', () => open--);
    const page = pages.get(path);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not found</h1>');
      return;
    }
    const headers = { 'content-type': 'text/html; charset=utf-8', ...page.headers, ...(page.etag ? { etag: page.etag } : {}) };
    if (page.etag && req.headers['if-none-match'] === page.etag) {
      res.writeHead(304, { etag: page.etag });
      res.end();
      return;
    }
    const send = () => {
      res.writeHead(page.status ?? 200, headers);
      const body = Buffer.from(page.body ?? '');
      if (!page.dripMs) return res.end(body);
      let i = 0;
      const drip = setInterval(() => {
        if (res.destroyed || i >= body.length) {
          clearInterval(drip);
          res.end();
          return;
        }
        res.write(body.subarray(i, ++i));
      }, page.dripMs);
    };
    if (page.delayMs) setTimeout(send, page.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    url: (path: string) => `${base}${path}`,
    set: (path: string, page: FixturePage | null) => (page ? pages.set(path, page) : pages.delete(path)),
    requests,
    requestsTo: (path: string) => requests.filter((r) => r.path === path),
    /** The most requests that were open at the same time. */
    peak: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FixtureSite = Awaited<ReturnType<typeof startFixtureSite>>;

/** A small article page as a newsroom would cite it. */
export function fixtureArticle(title: string, paragraphs: string[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<nav><a href="/">Home</a> · <a href="/about">About</a></nav>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>© Fixture Gazette</footer><script>document.title = 'changed by script'</script></body></html>`;
}
