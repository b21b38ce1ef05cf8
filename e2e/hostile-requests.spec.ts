import fs from 'node:fs';
import path from 'node:path';
import { decodablePath } from '../lib/request-checks';
import { FormClient } from '../scripts/lib/form-client';
import { expect, test } from './fixtures';
import { joinedOverHttp } from './pages/auth';

// Requests no form would send: undecodable percent-escapes, NUL, overlong UTF-8, dot
// segments, huge and odd values, in every path parameter and query string of every route
// (found from the app folder, so a new route is walked too), signed out and as an admin.
// None may fail with a 5xx; an error page is the app's own, and the answer to an undecodable
// path is a 400 or 404 that no shared cache keeps.
//
// Tagged @independent (playwright.config.ts): it runs beside the shared lane, at the start of the
// run. Its requests are GETs, a failed sign-in of a nobody, and admins and an invitation of its
// own; it creates no article, claim or party, and what it asserts (no 5xx, the app's own error
// pages) no other spec's data can change. Keep it so: a test that writes what other specs read,
// or reads what they write, belongs in another file.

const base = `http://127.0.0.1:${process.env.E2E_PORT}`;

/** Path templates of every page and route handler, e.g. /claims/[id]/[slug]. */
function routeTemplates(): string[] {
  const app = path.join(__dirname, '..', 'app');
  const found: string[] = [];
  const visit = (dir: string, route: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // Route groups like (reader) are not part of the URL; private folders (_components) are not routes.
        if (entry.name.startsWith('_')) continue;
        visit(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? route : [...route, entry.name]);
      } else if (/^(page|route)\.tsx?$/.test(entry.name)) {
        found.push(`/${route.join('/')}`);
      }
    }
  };
  visit(app, []);
  return found;
}

const UNDECODABLE = ['%ff', '%c3%28', '%', '%%', '%e0%80%af', '%ed%a0%80', 'ok%', 'a%zz'];
const ODD_SEGMENTS = [
  '%00', '%c0%af', '..', '%2e%2e', '%2f', '%5c', '~', '%20', '%0a', '-1', '0', '99999999999999999999', '1e3', '0x10',
  '%E6%9D%B1%E4%BA%AC', '%F0%9F%99%82', 'caf%C3%A9', '%EF%BF%BE', '%3Cscript%3E', 'x'.repeat(4000),
];
const QUERIES = [
  'q=%ff', '%ff=1', 'q=%', 'q=%%', 'cursor=%ff', 'cursor=%00', 'limit=%ff', 'limit=-1', 'limit=1e309', 'status=%00',
  'from=%ff&to=..', 'next=%ff', 'next=%2F%2Fevil.example', 'page=99999999999999999999', 'q[]=1', 'q=1&q=2',
  '__proto__=1', 'constructor=1', '=', '&&&', 'q=%c0%af', `q=${'%e2%80%ae'.repeat(500)}`, `q=${'a'.repeat(6000)}`,
];

/** Each template with one parameter made hostile and the others plain. */
function urls(template: string): string[] {
  const params = [...template.matchAll(/\[[^\]]+\]/g)].map((m) => m[0]);
  const fill = (hostile: string, at: number) => {
    let i = 0;
    return template.replace(/\[[^\]]+\]/g, () => (i++ === at ? hostile : '1'));
  };
  const paths = params.flatMap((_, at) => [...UNDECODABLE, ...ODD_SEGMENTS].map((s) => fill(s, at)));
  const plain = fill('', -1);
  return [...paths, ...UNDECODABLE.map((s) => `${plain.replace(/\/$/, '')}/${s}`), ...QUERIES.map((q) => `${plain}?${q}`)];
}

type Seen = { url: string; status: number; cacheControl: string; contentType: string; body: string };

async function walk(client: FormClient, all: string[]): Promise<Seen[]> {
  const seen: Seen[] = [];
  const queue = [...all];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      // fetch() would re-encode the path; the raw bytes go out as written here.
      const response = await fetch(`${base}${url}`, { headers: client.headers(), redirect: 'manual' });
      const body = await response.text();
      seen.push({
        url,
        status: response.status,
        cacheControl: response.headers.get('cache-control') ?? '',
        contentType: response.headers.get('content-type') ?? '',
        body,
      });
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return seen;
}

/** Every problem at once (not just the first), so one run shows the whole picture. */
function expectTotal(seen: Seen[]) {
  const problems: string[] = [];
  for (const s of seen) {
    const where = `${s.status} ${s.url.slice(0, 100)}`;
    if (s.status >= 500) problems.push(`${where}: server error`);
    if (s.status >= 400 && s.contentType.startsWith('text/html') && !s.body.includes('<html')) problems.push(`${where}: not the app's error page`);
    if (!decodablePath(s.url.split('?')[0]!)) {
      if (s.status !== 400 && s.status !== 404) problems.push(`${where}: an undecodable path must be 400 or 404`);
      if (/public|s-maxage/.test(s.cacheControl)) problems.push(`${where}: publicly cacheable (${s.cacheControl})`);
    }
  }
  expect(problems).toEqual([]);
}

test.describe('hostile requests', { tag: '@independent' }, () => {
  test.setTimeout(300_000);

  test('every route, signed out: no 5xx for hostile paths and queries, and a real error page for undecodable ones', async () => {
    const templates = routeTemplates();
    expect(templates).toEqual(expect.arrayContaining(['/articles/[slug]', '/claims/[id]/share.png', '/api/v1/claims/[id]', '/edit/articles/[id]/review']));
    const seen = await walk(new FormClient(base), templates.flatMap(urls));
    expectTotal(seen);
    const notFound = seen.find((s) => s.url === '/articles/%ff')!;
    expect(notFound.status).toBe(404);
    expect(notFound.body).toContain('Page not found');
    const apiError = seen.find((s) => s.url === '/api/v1/articles/%ff')!;
    expect(apiError.status).toBe(400);
    expect(JSON.parse(apiError.body)).toMatchObject({ error: { status: 400 } });
  });

  test('every editor route, as an admin: no 5xx for hostile paths and queries', async () => {
    const { client: admin } = await joinedOverHttp('admin', 'Hostile admin');
    const seen = await walk(admin, routeTemplates().filter((t) => t.startsWith('/edit')).flatMap(urls));
    expectTotal(seen);
    expect(seen.some((s) => s.status === 200), 'the admin really was signed in').toBe(true);
  });

  test('a server action posted from another site or with a malformed Origin is refused with 403', async () => {
    const client = new FormClient(base);
    const form = await client.readForm('/sign-in', 'email');
    const post = async (origin: string | null) => {
      const body = new FormData();
      for (const [name, value] of form) body.append(name, value);
      body.set('email', 'nobody@newsroom.example');
      body.set('password', 'not the password');
      const response = await fetch(`${base}/sign-in`, { method: 'POST', body, headers: origin === null ? {} : { origin }, redirect: 'manual' });
      return { status: response.status, text: await response.text() };
    };
    for (const origin of ['http://evil.example', 'null', 'not a url', 'http://127.0.0.1:1', `${base}.evil.example`]) {
      const answer = await post(origin);
      expect(answer.status, origin).toBe(403);
      expect(answer.text).toContain('another site');
    }
    // The same form from the site itself is answered normally.
    expect((await post(base)).text).toContain('do not match');
  });

  test('an invitation link takes its host from APP_URL, not from X-Forwarded-Host', async () => {
    const { client: admin } = await joinedOverHttp('admin', 'Inviting admin');
    const form = await admin.readForm('/edit/users', 'days');
    const body = new FormData();
    for (const [name, value] of form) body.append(name, value);
    // As a client that both names another host and sends the form "from" it.
    const response = await fetch(`${base}/edit/users`, {
      method: 'POST',
      body,
      headers: admin.headers({ origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' }),
      redirect: 'manual',
    });
    const html = await response.text();
    const link = /value="(https?:\/\/[^"]*\/join\/[^"]+)"/.exec(html)?.[1];
    expect(link, html.slice(0, 300)).toBeTruthy();
    expect(new URL(link!).origin).toBe(base);
  });
});
