import { randomUUID } from 'node:crypto';
import { DEMO, expect, test } from './fixtures';
import { axeInBothSchemes } from './support/axe';
import { runSetup } from './support/setup';

test.describe('a logged-out reader', () => {
  test('goes from the home page to an article and on to a claim', async ({ page, reader }) => {
    await reader.openHome();
    await reader.openArticle(DEMO.busArticle);

    // Five published claims are highlighted; the draft one is not.
    await expect(page.getByRole('heading', { name: '5 claims in this article' })).toBeVisible();
    await expect(reader.highlights()).toHaveCount(5);
    await expect(page.locator('.article-body')).not.toContainText('(claim 6');
    // Each highlight carries its status in words, not only in colour.
    await expect(page.locator('.article-body').getByText('(claim 3: Disputed)')).toBeAttached();

    await page.locator('.article-body mark a', { hasText: 'the lanes had pushed traffic onto side streets' }).click();
    await expect(reader.claimHeading()).toContainText(DEMO.disputedClaim);
    await expect(reader.claimStatus()).toHaveText('Disputed');

    const responses = page.getByRole('region', { name: 'Responses' });
    await expect(responses).toContainText('Riverside City Council disputes');
    await expect(responses).toContainText('no response by');
    await expect(page.getByRole('region', { name: 'History' })).toContainText('Published as Disputed');
    await expect(page.getByRole('region', { name: 'In context' })).toContainText('Owen Pryce, said');
  });

  test('sees a claim’s sources grouped by how they bear on it', async ({ page, reader }) => {
    await reader.openHome();
    await reader.openArticle(DEMO.busArticle);
    await page.getByRole('link', { name: 'the scheme had been paid for entirely by a national grant' }).first().click();
    const sources = page.getByRole('region', { name: 'Sources' });
    await expect(sources.getByRole('heading', { name: 'Contradicts' })).toBeVisible();
    await expect(sources.getByRole('link', { name: 'Transport capital programme 2026' })).toBeVisible();
    await expect(reader.claimStatus()).toHaveText('False');
  });

  test('a claim made in two articles lists both', async ({ page, reader }) => {
    await reader.openHome();
    await reader.openArticle(DEMO.glassArticle);
    await page.locator('.article-body mark a', { hasText: 'ridership on the number 7 route' }).click();
    await expect(page.getByRole('region', { name: 'Also appeared in' })).toContainText(DEMO.glassArticle);
  });

  test('a claim on right-to-left words keeps its number and status icon together after them', async ({ page }) => {
    // Between Arabic words and English ones, the bidirectional algorithm once pulled the number
    // to one side of the quote and the icon to the other.
    const quote = '«العبّارة متأخرة دائمًا»';
    const title = `Ferry sign ${randomUUID().slice(0, 6)}`;
    const body = `Riders at the quay held a sign reading ${quote} — “the ferry is always late” — on Monday.`;
    const made = runSetup<{ slug: string }>('lifecycle.ts', { action: 'article', title, body, published: [quote] });
    await page.goto(`/articles/${made.slug}`);
    const ref = page.locator('.article-body .claim-ref');
    await expect(ref).toHaveCount(1);
    expect(await ref.evaluate((el) => el.getClientRects().length)).toBe(1);
  });

  test('unknown claims, drafts and bad ids get a real 404; short links redirect', async ({ page, request }) => {
    for (const path of ['/claims/99999/anything', '/claims/abc/x', '/claims/6/draft', '/articles/no-such-article']) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
    }
    const missing = await page.goto('/claims/99999/anything');
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

    const short = await request.get('/claims/3', { maxRedirects: 0 });
    expect(short.status()).toBe(308);
    expect(short.headers().location).toMatch(/\/claims\/3\/the-quay-road-bus-lanes/);
    const wrongSlug = await request.get('/claims/3/old-slug', { maxRedirects: 0 });
    expect(wrongSlug.status()).toBe(308);
  });

  test('a party’s or an article’s address typed by hand or pasted from a chat lands on its page', async ({ page, request }) => {
    const tag = randomUUID().slice(0, 6);
    // A claimant whose name has no letter a slug keeps: its slug says nothing, its name finds it.
    const name = '東京都港湾局広報課';
    const quote = `The harbour ferry ${tag} will run every ten minutes.`;
    const made = runSetup<{ slug: string; claimant: { slug: string } }>('article-with-claims.ts', { title: `Ferry “Nova” ${tag}: Zoë’s timetable`, body: quote, quotes: [quote], claimant: name });
    const addresses: [string, string][] = [
      ['/parties/Zoe-Marchetti', '/parties/zoe-marchetti'],
      [`/parties/${encodeURIComponent('Zoë Marchetti')}`, '/parties/zoe-marchetti'],
      [`/parties/${encodeURIComponent(name)}`, `/parties/${made.claimant.slug}`],
      [`/parties/${encodeURIComponent(name)}/feed.atom`, `/parties/${made.claimant.slug}/feed.atom`],
      [`/articles/${made.slug.toUpperCase()}`, `/articles/${made.slug}`],
      [`/articles/${encodeURIComponent(`Ferry “Nova” ${tag}: Zoë’s timetable`)}`, `/articles/${made.slug}`],
    ];
    for (const [typed, canonical] of addresses) {
      const response = await request.get(typed, { maxRedirects: 0 });
      expect(response.status(), typed).toBe(308);
      expect(new URL(response.headers().location!, 'http://x').pathname, typed).toBe(canonical);
    }
    for (const path of ['/parties/Zoe', `/parties/${encodeURIComponent('東京都')}`, '/articles/Ferry']) {
      expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
    }
    // A trailing slash as well: two steps, and the reader lands on the page.
    const landed = await page.goto('/parties/ZOE-MARCHETTI/');
    expect(landed?.status()).toBe(200);
    await expect(page).toHaveURL(/\/parties\/zoe-marchetti$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Zoë Marchetti');
  });

  test('going up from a party’s page or a policy page finds the list of them', async ({ page }) => {
    // Readers shorten an address to go up a level: /parties and /about answered 404.
    const parties = await page.goto('/parties');
    expect(parties?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Parties' })).toBeVisible();
    const council = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Riverside City Council', exact: true }) });
    await expect(council).toContainText(/Government · \d+ claims? · \d+ responses?/);
    expect(await axeInBothSchemes(page, 'parties')).toEqual([]);
    await council.getByRole('link', { name: 'Riverside City Council' }).click();
    await expect(page).toHaveURL(/\/parties\/riverside-city-council$/);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Parties' })).toHaveAttribute('href', '/parties');

    const about = await page.goto('/about');
    expect(about?.status()).toBe(200);
    for (const title of ['How we choose and check claims', 'Rating scale', 'Corrections policy', 'Contact us and submit a claim', 'Corrections', 'Statistics']) {
      await expect(page.getByRole('main').getByRole('link', { name: title, exact: true })).toBeVisible();
    }
    expect(await axeInBothSchemes(page, 'about')).toEqual([]);
  });

  test('robots.txt names the sitemap, whose files a strict XML parser reads and whose every address opens', async ({ page, request }) => {
    const robots = await request.get('/robots.txt');
    expect(robots.headers()['content-type']).toContain('text/plain');
    const robotsText = await robots.text();
    expect(robotsText).toContain('Disallow: /edit');
    const sitemap = /^Sitemap: (\S+)$/m.exec(robotsText)![1]!;
    expect(sitemap).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml$/);
    await page.goto('/');
    // The browser's XML parser, which refuses what is not well-formed.
    const locs = (xml: string) =>
      page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        if (doc.querySelector('parsererror')) throw new Error(`Not well-formed: ${text.slice(0, 200)}`);
        return { root: doc.documentElement.localName, locs: [...doc.getElementsByTagName('loc')].map((l) => l.textContent!) };
      }, xml);
    const index = await locs(await (await request.get(new URL(sitemap).pathname)).text());
    expect(index.root).toBe('sitemapindex');
    const urls: string[] = [];
    for (const file of index.locs) {
      const response = await request.get(new URL(file).pathname);
      expect(response.headers()['content-type']).toContain('application/xml');
      const set = await locs(await response.text());
      expect(set.root).toBe('urlset');
      urls.push(...set.locs);
    }
    expect(urls).toContain(new URL('/parties/zoe-marchetti', sitemap).href);
    expect(urls.some((u) => /\/claims\/\d+\//.test(u))).toBe(true);
    for (const url of urls) {
      expect((await request.get(new URL(url).pathname, { maxRedirects: 0 })).status(), url).toBe(200);
    }
  });

  test('the health route answers a constant', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ ok: true, service: 'claimline' });
  });
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('the article page shows its highlighted claims and links work', async ({ page, reader }) => {
    await reader.openHome();
    await reader.openArticle(DEMO.busArticle);
    await expect(page.locator('.article-body mark a')).toHaveCount(5);
    await page.locator('.article-body mark a', { hasText: 'ridership on the number 7 route' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('ridership on the number 7 route had doubled');
    await expect(page.getByRole('region', { name: 'Sources' })).toContainText('Route 7 ridership, annual totals');
  });
});
