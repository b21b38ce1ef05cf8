import type { APIRequestContext, APIResponse } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { articleWithClaims, type SeededArticle } from './pages/revisions';

// The full-page cache for anonymous readers (lib/server/page-cache.ts), seen from outside:
// the x-claimline-cache header says whether a response was rendered for it (miss) or not (hit).

// What a browser sends when it loads a page (Playwright's request context sends */*).
const DOCUMENT = { headers: { accept: 'text/html,application/xhtml+xml' } };
/** What the page cache did for a document request: hit, stale, miss or pass. */
const cacheStateOf = async (request: APIRequestContext, path: string) => (await request.get(path, DOCUMENT)).headers()['x-claimline-cache'];

const nonceOf = (response: APIResponse) => /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1];

/** Every script tag of the page carries the nonce its response's policy names, and no other nonce appears. */
async function expectOwnNonce(response: APIResponse) {
  const nonce = nonceOf(response);
  expect(nonce).toMatch(/^[0-9a-f]{32}$/);
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(html.match(/nonce="[^"]*"/g)?.every((n) => n === `nonce="${nonce}"`)).toBe(true);
  return { nonce: nonce!, html };
}

test.describe('page cache', () => {
  let article: SeededArticle;
  let claimPath: string;
  const statement = 'the new timetable adds forty crossings a week';
  test.beforeAll(() => {
    article = articleWithClaims({
      title: 'Ferry company promises a busier timetable',
      body: `The ferry company said ${statement}. Passenger groups were not convinced.`,
      quotes: [statement],
    });
    claimPath = `/claims/${article.claims[0]!.id}/${article.claims[0]!.slug}`;
  });

  test('a signed-out reader gets the second request from the cache: the same bytes under the same working policy', async ({ page, request }) => {
    const first = await request.get(claimPath, DOCUMENT);
    const second = await request.get(claimPath, DOCUMENT);
    expect(first.status()).toBe(200);
    expect(first.headers()['x-claimline-cache']).toBe('miss');
    expect(second.headers()['x-claimline-cache']).toBe('hit');
    const a = await expectOwnNonce(first);
    const b = await expectOwnNonce(second);
    expect(b.nonce).toBe(a.nonce);
    expect(b.html).toBe(a.html);
    expect(second.headers().etag).toBe(first.headers().etag);

    // In a browser, the cached copy's scripts run: no policy violation, and a client-side navigation works.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const opened = await page.goto(claimPath);
    expect(opened?.headers()['x-claimline-cache']).toBe('hit');
    // React marks the elements it hydrated; that happens only if Next's nonced scripts ran.
    await page.waitForFunction(() => Object.keys(document.querySelector('main a') ?? {}).some((key) => key.startsWith('__react')));
    await page.evaluate(() => Object.assign(window, { stayed: true }));
    await page.getByRole('link', { name: 'See it in the article' }).click();
    await expect(page.getByRole('heading', { name: 'Ferry company promises a busier timetable', level: 1 })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  });

  test('what the cache does not keep names no purge key, so no shared cache may keep it either', async ({ request }) => {
    // A claim that does not exist (a draft's page looks the same), and a client-side navigation's payload:
    // kept by a CDN, the 404 would hide the claim for minutes after it is published, out of reach of any purge.
    const missing = await request.get('/claims/987654321/no-such-claim', DOCUMENT);
    const payload = await request.get(claimPath, { headers: { accept: '*/*', rsc: '1' } });
    expect(missing.status()).toBe(404);
    for (const answer of [missing, payload]) {
      expect(answer.headers()['cache-control']).not.toMatch(/public|s-maxage/);
      expect(answer.headers().xkey).toBeUndefined();
    }
  });

  test('an edit makes the next anonymous request a fresh render; a signed-in editor never gets the cached copy', async ({ page, auth, claimSections, request }) => {
    await request.get(claimPath, DOCUMENT);
    expect((await request.get(claimPath, DOCUMENT)).headers()['x-claimline-cache']).toBe('hit');

    await auth.signedIn('editor');
    // The editor's own view of the reader page is rendered for them, never taken from or put in the cache.
    for (let i = 0; i < 2; i++) {
      const own = await page.goto(claimPath);
      expect(own?.headers()['x-claimline-cache']).toBeUndefined();
      expect(own?.headers()['cache-control']).not.toContain('public');
    }
    await claimSections.open(article.claims[0]!.id);
    await claimSections.addResponse({ newParty: 'Ferry Passengers Forum', stance: 'disputes', quote: 'The timetable adds twelve crossings, not forty.' });
    await expect(claimSections.responses()).toContainText('Ferry Passengers Forum disputes');

    const after = await request.get(claimPath, DOCUMENT);
    expect(after.headers()['x-claimline-cache']).toBe('miss');
    expect(await after.text()).toContain('The timetable adds twelve crossings, not forty.');
    expect((await request.get(claimPath, DOCUMENT)).headers()['x-claimline-cache']).toBe('hit');
  });

  test('an edit re-renders the pages that show what it changed and leaves the other pages cached', async ({ auth, claimSections, request }) => {
    const otherStatement = 'the library will open on Sundays from March';
    const other = articleWithClaims({
      title: 'Library hours to grow next spring',
      body: `The council said ${otherStatement}. Staff have not been asked yet.`,
      quotes: [otherStatement],
    });
    const otherPath = `/claims/${other.claims[0]!.id}/${other.claims[0]!.slug}`;
    const articlePath = `/articles/${article.slug}`;
    const cacheState = (path: string) => cacheStateOf(request, path);
    // The API's list as a script asks for it (JSON, any Accept).
    const apiList = '/api/v1/claims?sort=updated&limit=3';
    // Joining writes the invitation from another process, which counts as a change to everything.
    await auth.signedIn('editor');
    for (const path of [claimPath, articlePath, otherPath, '/', apiList]) {
      await cacheState(path);
      expect(await cacheState(path), path).toBe('hit');
    }

    await claimSections.open(article.claims[0]!.id);
    await claimSections.addResponse({ newParty: 'Harbour Users Group', stance: 'confirms', quote: 'The extra crossings are on the new timetable.' });
    await expect(claimSections.responses()).toContainText('Harbour Users Group confirms');

    // The claim, its article and the lists on the home page show the response; the other claim does not.
    expect(await cacheState(otherPath)).toBe('hit');
    expect(await cacheState(claimPath)).toBe('miss');
    expect(await cacheState(articlePath)).toBe('miss');
    expect(await cacheState('/')).toBe('miss');
    expect(await (await request.get(claimPath, DOCUMENT)).text()).toContain('The extra crossings are on the new timetable.');
    // The API list too: the edited claim was updated last, so it leads the list sorted by update.
    const list = await request.get(apiList);
    expect(list.headers()['x-claimline-cache']).toBe('miss');
    expect((await list.json()).data[0].id).toBe(article.claims[0]!.id);
  });

  test('a response saved to a claim re-renders its page, its article and the lists of responses, and leaves the claims beside it and other searches cached', async ({ auth, claimSections, request }) => {
    const reopens = 'the harbour bridge will reopen in April';
    const tolls = 'tolls on the bridge stay at two euros';
    const bridge = articleWithClaims({
      title: 'Harbour bridge works near the end',
      body: `The port authority said ${reopens}. It added that ${tolls}. Drivers’ groups doubt both — «on verra» 🌉.`,
      quotes: [reopens, tolls],
    });
    const [edited, beside] = bridge.claims.map((c) => `/claims/${c.id}/${c.slug}`) as [string, string];
    const cacheState = (path: string) => cacheStateOf(request, path);
    const listsEdited = `/claims?q=${encodeURIComponent('reopen April')}`;
    const listsOther = `/claims?q=${encodeURIComponent('forty crossings')}`;
    await auth.signedIn('editor');
    // A party readers see already: the first response brings it to them (a change to the lists of parties).
    await claimSections.open(bridge.claims[0]!.id);
    await claimSections.addResponse({ newParty: 'Bridge Users Association', stance: 'disputes', quote: 'April is the contractor’s hope, not a date.' });
    await expect(claimSections.responses()).toContainText('Bridge Users Association disputes');
    // A second party asked for comment, so readers see it before it answers (a new party would change every list's party filter).
    await claimSections.open(bridge.claims[0]!.id);
    await claimSections.addResponse({ newParty: 'Harbour Ferry Riders', requestedOn: '2026-11-20', deadline: '2026-11-27' });
    await expect(claimSections.responses()).toContainText('Harbour Ferry Riders');
    for (const path of [edited, beside, `/articles/${bridge.slug}`, '/', listsEdited, listsOther]) {
      await cacheState(path);
      expect(await cacheState(path), path).toBe('hit');
    }

    await claimSections.open(bridge.claims[0]!.id);
    // The second party answers (the home page counts parties disputing, not responses).
    await claimSections.editResponse('Harbour Ferry Riders', { stance: 'denies', quote: 'Nobody has seen the “April” timetable.', respondedOn: '2026-11-25' });
    // Shown in one pair of marks, the quote's own nested as single ones (lib/quotes.ts).
    await expect(claimSections.responses()).toContainText('Nobody has seen the ‘April’ timetable.');

    // What shows the response, the claim's new date or the count of disputes is rendered again and shows it.
    expect(await cacheState(edited)).toBe('miss');
    expect(await (await request.get(edited, DOCUMENT)).text()).toContain('Nobody has seen the ‘April’ timetable.');
    expect(await cacheState(`/articles/${bridge.slug}`)).toBe('miss');
    // The home page's most disputed claims count disputes: rendered again when this claim is on it
    // (now with two), kept when the save left the list as it was (the shared newsroom may hold five
    // claims disputed more).
    const homeState = await cacheState('/');
    const home = await (await request.get('/', DOCUMENT)).text();
    const disputed = home.slice(home.indexOf('id="disputed-heading"'));
    const listed = disputed.includes('Harbour bridge works near the end');
    // Whether it belongs there, from the database (the page's own answer cannot say: a home page
    // wrongly kept would show the list from before, without it, and pass as "kept").
    const belongs = mostDisputedIds().includes(bridge.claims[0]!.id);
    expect(listed, 'the home page lists the claim exactly when it is among the most disputed').toBe(belongs);
    expect(homeState).toBe(belongs ? 'miss' : 'hit');
    expect(!listed || /2 parties disputing · (<!-- -->)?Harbour bridge works near the end/.test(disputed)).toBe(true);
    expect(await cacheState(listsEdited)).toBe('miss');
    // The claim beside it in the same article, and a search that does not list it, show nothing of it.
    expect(await cacheState(beside)).toBe('hit');
    expect(await cacheState(listsOther)).toBe('hit');
  });

  test('the API’s lists come from the cache per query, revalidate with CORS, and a bad parameter is never kept', async ({ request }) => {
    const path = `/api/v1/claims?q=${encodeURIComponent('forty crossings')}&limit=2`;
    const first = await request.get(path);
    const second = await request.get(path, { headers: { Origin: 'https://elsewhere.example' } });
    expect(second.headers()['x-claimline-cache']).toBe('hit');
    expect(await second.text()).toBe(await first.text());
    expect(second.headers()).toMatchObject({ etag: first.headers().etag, 'access-control-allow-origin': '*', 'content-type': 'application/json; charset=utf-8' });
    expect(second.headers()['cache-control']).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    const revalidated = await request.get(path, { headers: { 'If-None-Match': first.headers().etag!, Origin: 'https://elsewhere.example' } });
    expect(revalidated.status()).toBe(304);
    expect(revalidated.headers()['access-control-allow-origin']).toBe('*');
    // Another cursor is another answer.
    const { nextCursor } = (await first.json()) as { nextCursor: string | null };
    if (nextCursor) expect((await request.get(`${path}&cursor=${nextCursor}`)).headers()['x-claimline-cache']).toBe('miss');
    for (let i = 0; i < 2; i++) {
      const refused = await request.get('/api/v1/claims?status=maybe&limit=2');
      expect(refused.status()).toBe(400);
      expect(refused.headers()['cache-control']).toBe('no-store');
      expect(refused.headers()['x-claimline-cache']).not.toBe('hit');
    }
  });

  test('a missing page is still a 404 and an old link still a 308, each rendered with its own nonce', async ({ request }) => {
    for (let i = 0; i < 2; i++) {
      const missing = await request.get('/claims/999999/nothing-here', DOCUMENT);
      expect(missing.status()).toBe(404);
      expect(missing.headers()['x-claimline-cache']).toBe('pass');
      const { html } = await expectOwnNonce(missing);
      expect(html).toContain('Page not found');

      const moved = await request.get(`/claims/${article.claims[0]!.id}`, { ...DOCUMENT, maxRedirects: 0 });
      expect(moved.status()).toBe(308);
      expect(new URL(moved.headers().location!, 'http://x').pathname).toBe(claimPath);
      // A line linking there, not the 14 KB document Next renders around a page's redirect.
      expect((await moved.text()).length).toBeLessThan(300);
      expect(await moved.text()).toContain(`href="${claimPath}"`);
    }
  });
});

/** The home page's most disputed claims as the database has them now (listMostDisputedClaims' order). */
function mostDisputedIds(): number[] {
  const db = new Database(process.env.E2E_DATABASE_PATH!, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT id FROM claims WHERE published = 1 AND (disputes > 0 OR status IN ('disputed', 'false'))
         ORDER BY disputes DESC, status = 'disputed' DESC, updated_at DESC, id DESC LIMIT 5`,
      )
      .pluck()
      .all() as number[];
  } finally {
    db.close();
  }
}
