import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { DEMO, expect, test } from './fixtures';
import { runSetup } from './support/setup';

// Selects of names the newsroom typed (parties, outlets, articles, people): one long name may be
// wider than a phone, so these must only take all the width there is.
const NAMES = ['Party', 'Outlet', 'Who made the claim', 'Claimant', 'Article', 'Assignee', 'Duplicate to merge', 'Older revision', 'Newer revision'];

/**
 * Every visible select whose longest option does not fit its box (the text would be cut),
 * except name selects that already fill their container.
 */
async function truncatedSelects(page: Page): Promise<string[]> {
  return page.evaluate((names) => {
    const context = document.createElement('canvas').getContext('2d')!;
    // Room Chromium keeps for the drop-down arrow beside the padding (a select sized to its options leaves exactly this).
    const ARROW = 20;
    return [...document.querySelectorAll('select')].flatMap((select) => {
      if (!select.checkVisibility()) return [];
      const style = getComputedStyle(select);
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - ARROW;
      const widest = [...select.options].reduce((max, o) => Math.max(max, context.measureText(o.text).width), 0);
      const name = select.labels[0]?.textContent?.trim() || select.getAttribute('aria-label') || select.name;
      if (widest <= room + 1) return [];
      const parent = select.parentElement!;
      const parentStyle = getComputedStyle(parent);
      const full = parent.clientWidth - parseFloat(parentStyle.paddingLeft) - parseFloat(parentStyle.paddingRight);
      // A select named with its row ("Assignee: <claim>") counts as its kind.
      if (names.includes(name.split(':')[0]!) && select.offsetWidth >= full - 1) return [];
      return [`${name}: ${Math.ceil(widest)} px of text in ${Math.floor(room)} px`];
    });
  }, NAMES);
}

test.describe('details of the first day', () => {
  test('a response quote shows once in quotation marks, whatever marks the editor typed', async ({ page, auth, claimSections }) => {
    await auth.signedIn('editor');
    const claimId = await claimSections.claimIdFromReader(DEMO.busArticle, 'side streets');
    const typed = [
      ['Riverside Cyclists', '“The lanes moved traffic, not people.”', 'The lanes moved traffic, not people.'],
      ['Quay Road Traders', '"Deliveries now take twice as long".', 'Deliveries now take twice as long.'],
      ['Association des riverains', '« Nous contestons ces chiffres. »', 'Nous contestons ces chiffres.'],
      ['河畔居民会', '「数字有误。」', '数字有误。'],
      ['Harbour Board', 'We have not seen the data.', 'We have not seen the data.'],
    ];
    for (const [party, quote] of typed) {
      await claimSections.open(claimId);
      await claimSections.addResponse({ newParty: `${party} ${randomUUID().slice(0, 4)}`, stance: 'disputes', quote, respondedOn: '2026-11-02' });
      await expect(claimSections.message()).toContainText('saved', { ignoreCase: true });
    }
    for (const path of [`/edit/claims/${claimId}`, `/claims/${claimId}/x`]) {
      await page.goto(path);
      const quotes = await page.getByRole('region', { name: 'Responses' }).locator('blockquote').allTextContents();
      for (const [, , shown] of typed) expect(quotes, path).toContain(`“${shown}”`);
    }
  });

  test('a reply of two paragraphs and an excerpt of two lines keep their line breaks for readers and editors, on both pages', async ({ page, auth, claimSections }) => {
    await auth.signedIn('editor');
    const claimId = await claimSections.claimIdFromReader(DEMO.busArticle, 'side streets');
    const tag = randomUUID().slice(0, 6);
    const reply = `We dispute the ${tag} figures.\n\nThe survey counted one week in August, when the schools were closed.`;
    await claimSections.open(claimId);
    await claimSections.addResponse({ newParty: `Side Street Residents ${tag}`, stance: 'disputes', quote: reply, respondedOn: '2026-11-03' });
    await expect(claimSections.message()).toContainText('saved', { ignoreCase: true });
    await claimSections.open(claimId);
    await claimSections.addSource({ url: `https://records.example/counts/${tag}`, title: `Traffic counts ${tag}`, relation: 'Context', excerpt: `Mill Lane: 1,240 vehicles a day\nChurch Row: 860 vehicles a day` });
    await expect(claimSections.message()).toContainText('saved', { ignoreCase: true });
    for (const path of [`/edit/claims/${claimId}`, `/claims/${claimId}/x`]) {
      await page.goto(path);
      // innerText is what is drawn: line breaks that CSS collapses read as spaces.
      const quote = page.getByRole('region', { name: 'Responses' }).locator('blockquote', { hasText: tag });
      expect(await quote.innerText(), path).toMatch(/figures\.\n+The survey/);
      const excerpt = page.getByRole('region', { name: 'Sources' }).locator('blockquote', { hasText: 'Mill Lane' });
      expect(await excerpt.innerText(), path).toMatch(/a day\nChurch Row/);
    }
  });

  test('on a phone the claim page leads with its verdict above the statement, which takes the whole width', async ({ browser }) => {
    const tag = randomUUID().slice(0, 6);
    const quote = `The harbour tunnel ${tag} will open in 2027, «قبل الموعد», two years early 🚇.`;
    const { claims } = runSetup<{ claims: { id: number }[] }>('article-with-claims.ts', { title: `Harbour tunnel ${tag}`, body: quote, quotes: [quote] });
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    const page = await phone.newPage();
    await page.goto(`/claims/${claims[0]!.id}`);
    const badge = page.locator('main header .badge').first();
    const heading = page.getByRole('heading', { level: 1 });
    const [b, h] = [(await badge.boundingBox())!, (await heading.boundingBox())!];
    expect(b.y + b.height, 'the verdict above the statement').toBeLessThanOrEqual(h.y);
    expect(h.width, 'the statement as wide as the page’s text').toBeGreaterThan(300);
    await page.screenshot({ path: test.info().outputPath('claim-phone.png') });
    await phone.close();
  });

  test('saving a claim says when it was saved, in a status screen readers announce', async ({ page, auth }) => {
    await auth.signedIn('editor');
    await page.goto('/edit/articles/1?claim=1');
    const status = page.getByRole('status').filter({ hasText: /^Saved at/ });
    await expect(status).toHaveCount(0);
    const original = await page.getByLabel('Statement').inputValue();
    await page.getByLabel('Statement').fill(`Commutes on Quay Road fell by a fifth (checked ${randomUUID().slice(0, 4)})`);
    await page.getByRole('button', { name: 'Save claim' }).click();
    await expect(status).toHaveText(/^Saved at \d\d:\d\d$/);
    await expect(status).toHaveAttribute('aria-live', 'polite');
    // Put the demo statement back: later specs read it.
    await page.getByLabel('Statement').fill(original);
    await page.getByRole('button', { name: 'Save claim' }).click();
    await expect(page.getByLabel('Statement')).toHaveValue(original);
    // Opening another claim starts without the notice.
    await page.goto('/edit/articles/1?claim=2');
    await expect(page.getByRole('button', { name: 'Save claim' })).toBeVisible();
    await expect(status).toHaveCount(0);
  });

  test('the site has an icon: /favicon.ico and the SVG icon answer, and pages link it', async ({ page, request }) => {
    const ico = await request.get('/favicon.ico');
    expect(ico.status()).toBe(200);
    expect(ico.headers()['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
    });
    await page.goto('/');
    const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute('href');
    const svg = await request.get(href!);
    expect(svg.status()).toBe(200);
    expect(await svg.text()).toContain('<svg');
    expect(missing).toEqual([]);
  });

  for (const width of [1280, 360]) {
    test(`no select cuts its options short at ${width} px`, async ({ page, auth }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/claims');
      const found = (await truncatedSelects(page)).map((s) => `/claims ${s}`);
      await auth.signedIn('admin');
      for (const path of ['/edit/articles/1?claim=3', '/edit/claims/3', '/edit/board', '/edit/board?view=table', '/edit/users', '/edit/parties', '/edit/parties/1']) {
        await page.goto(path);
        await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        found.push(...(await truncatedSelects(page)).map((s) => `${path} ${s}`));
      }
      expect(found).toEqual([]);
    });
  }

  test('the home page lists a verdict published in one save once', async ({ page }) => {
    const { claimId, statement } = runSetup<{ claimId: number; statement: string }>('verdict-in-one-save.ts', { title: `Footbridge ${randomUUID().slice(0, 6)}` });
    await page.goto('/');
    const changes = page.getByRole('region', { name: 'Recent status changes' });
    await expect(changes.getByRole('link', { name: statement })).toHaveCount(1);
    await expect(changes.locator(`a[href^="/claims/${claimId}/"]`)).toHaveCount(1);
  });
});
