import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { articleWithClaims } from './pages/revisions';

// Readers come back: they reload, go back and forward, and open a page again after the
// newsroom edited something else. Each time the browser revalidates its copy (reader pages
// say max-age=0) and may keep the body it has; the page's scripts must still run under the
// policy that body came with. A 304 naming another nonce would block them all (issue 17).

type Watch = { violations: string[]; documents: { url: string; status: number; cache?: string }[] };

/**
 * Records every CSP violation (the DOM event and Chromium's console report) and the status of
 * every document response as it came over the wire (Playwright reports a revalidated copy as
 * the 200 it kept; the DevTools protocol's extra info has the 304).
 */
async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { violations: [], documents: [] };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const documents = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Document') documents.set(e.requestId, new URL(e.request.url).pathname);
  });
  cdp.on('Network.responseReceivedExtraInfo', (e) => {
    const url = documents.get(e.requestId);
    if (url) seen.documents.push({ url, status: e.statusCode, cache: e.headers['x-claimline-cache'] });
  });
  await page.exposeFunction('reportViolation', (v: string) => seen.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.violations.push(message.text());
  });
  return seen;
}

/** The app router exists only once Next's nonced scripts ran and React hydrated the page. */
async function expectHydrated(page: Page, heading: string) {
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
  await page.waitForFunction(() => Boolean((window as unknown as { next?: { router?: unknown } }).next?.router), null, { timeout: 10_000 });
}

test('a reader who reloads, goes back and forward, and returns after an unrelated edit keeps a working page', async ({ browser, auth, claimSections }) => {
  // Two browsers, a sign-up and an edit: slow on a busy machine.
  test.setTimeout(120_000);
  const statement = 'the harbour crane will lift twice the tonnage by summer';
  const otherStatement = 'the night bus will run every twenty minutes';
  const article = articleWithClaims({
    title: 'Port authority doubles its crane capacity',
    body: `The port authority said “${statement}.” Dock workers’ unions want to see the plans first. 🚢`,
    quotes: [statement],
  });
  const other = articleWithClaims({
    title: 'Night buses to run more often',
    body: `The transport board said ${otherStatement}. Drivers have not agreed to the rota.`,
    quotes: [otherStatement],
  });
  const claimPath = `/claims/${article.claims[0]!.id}/${article.claims[0]!.slug}`;
  const otherPath = `/claims/${other.claims[0]!.id}/${other.claims[0]!.slug}`;
  // Signing up writes from another process, which drops every stored page: done before the reader comes.
  await auth.signedIn('editor');

  // The reader: a browser of their own, with its HTTP cache, never signed in.
  const context = await browser.newContext();
  const reader = await context.newPage();
  const seen = await watch(reader);

  /** Each step a reader takes, then the page it lands on must be the right one, hydrated. */
  const walk = async (steps: [() => Promise<unknown>, string][]) => {
    for (const [step, heading] of steps) {
      await step();
      await expectHydrated(reader, heading);
    }
  };
  await walk([
    [() => reader.goto(claimPath), statement],
    [() => reader.reload(), statement],
    [() => reader.goto(otherPath), otherStatement],
    [() => reader.goBack(), statement],
    [() => reader.goForward(), otherStatement],
  ]);

  // The editor answers on the other claim; the reader's claim page is unchanged and stays stored.
  await claimSections.open(other.claims[0]!.id);
  await claimSections.addResponse({ newParty: 'Night Drivers’ Union', stance: 'disputes', quote: 'No rota for twenty-minute nights was agreed.' });
  await expect(claimSections.responses()).toContainText('Night Drivers’ Union disputes');

  // Back on the unchanged page (revalidated: a 304) and on the edited one, which is new: both work.
  await walk([
    [() => reader.goto(claimPath), statement],
    [() => reader.reload(), statement],
    [() => reader.goto(otherPath), otherStatement],
    [() => reader.reload(), otherStatement],
  ]);
  await expect(reader.getByText('No rota for twenty-minute nights was agreed.')).toBeVisible();

  // Every document that came over the network came from the page cache (back and forward may use the
  // browser's copy without asking), and the revisits of the unchanged page were answered with 304,
  // the one after the unrelated edit included.
  const log = JSON.stringify(seen.documents);
  expect(seen.documents.every((d) => d.cache === 'hit' || d.cache === 'miss'), log).toBe(true);
  const claimStatuses = seen.documents.filter((d) => d.url === claimPath).map((d) => d.status);
  expect(claimStatuses[0], log).toBe(200);
  expect(claimStatuses.slice(1).filter((status) => status === 304).length, log).toBe(claimStatuses.length - 1);
  expect(claimStatuses.length, log).toBeGreaterThanOrEqual(4);
  expect(seen.documents.filter((d) => d.url === otherPath).map((d) => d.status).slice(-2), log).toEqual([200, 304]);
  expect(seen.violations).toEqual([]);
  await context.close();
});

test('a 304 to the stored page’s ETag carries no Content-Security-Policy and nothing else the kept body depends on', async ({ request }) => {
  const statement = 'the ferry terminal roof will be finished in May';
  const article = articleWithClaims({
    title: 'Ferry terminal roof “nearly done”',
    body: `The contractor said ${statement}. The council’s site reports disagree.`,
    quotes: [statement],
  });
  const claimPath = `/claims/${article.claims[0]!.id}/${article.claims[0]!.slug}`;
  const document = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'accept-encoding': 'gzip, deflate, br, zstd' };
  await request.get(claimPath, { headers: document });
  const full = await request.get(claimPath, { headers: document });
  expect(full.status()).toBe(200);
  const etag = full.headers().etag!;
  const policy = full.headers()['content-security-policy']!;
  const nonce = /'nonce-([0-9a-f]{32})'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(etag).toMatch(/^W\/"[\w-]+"$/);
  // Named by its tags for a shared cache to purge.
  expect(full.headers().xkey?.split(' ')).toEqual(expect.arrayContaining([`claim:${article.claims[0]!.id}`, `article:${article.id}`]));
  // The body is the one the policy was made for.
  expect((await full.text()).match(/nonce="[^"]*"/g)?.every((n) => n === `nonce="${nonce}"`)).toBe(true);

  for (const inm of [etag, etag.replace(/^W\//, ''), `"stale-copy", ${etag}`]) {
    const revalidated = await request.get(claimPath, { headers: { ...document, 'if-none-match': inm } });
    expect(revalidated.status(), inm).toBe(304);
    const headers = revalidated.headers();
    expect(headers['content-security-policy'], inm).toBeUndefined();
    expect(headers.link, inm).toBeUndefined();
    expect(headers['content-type'], inm).toBeUndefined();
    expect(headers['content-encoding'], inm).toBeUndefined();
    expect(headers.xkey, inm).toBeUndefined();
    expect(headers.etag).toBe(etag);
    expect(headers['cache-control']).toBe(full.headers()['cache-control']);
    // Whatever else it sends is the same as on the 200 (the headers every response gets).
    for (const [name, value] of Object.entries(headers)) {
      if (['date', 'connection', 'keep-alive', 'x-claimline-cache'].includes(name)) continue;
      expect(full.headers()[name], `${name} on the 304`).toBe(value);
    }
  }
  // The next full answer is the same bytes under the same policy.
  const again = await request.get(claimPath, { headers: document });
  expect(again.headers()['content-security-policy']).toBe(policy);
  expect(again.headers().etag).toBe(etag);
});
