import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { FERRY_CLAIMS, ferryPage } from '../embed/testing/ferry-article';
import { expect, test } from './fixtures';
import { axeFindings } from './support/axe';
import { runSetup } from './support/setup';

// Claims that travel (#14 items 1 and 2): /embed.js on a publisher's page served from another
// origin, and the oEmbed card framed by another site.

const APP = `http://127.0.0.1:${process.env.E2E_PORT}`;
// E2E_PORT + 1 is Varnish's (e2e/varnish.spec.ts).
const PUBLISHER_PORT = Number(process.env.E2E_PORT) + 2;
const PUBLISHER = `http://127.0.0.1:${PUBLISHER_PORT}`;
const ARTICLE_PATH = '/news/ferry-fares';

let server: http.Server;
let oembedHtml = '';
let seeded: { slug: string; claims: { id: number; slug: string }[] };

test.beforeAll(async () => {
  // Stored without the trailing slash the page's canonical link has: the overlay still finds it.
  seeded = runSetup('embed.ts', { action: 'article', canonicalUrl: `${PUBLISHER}${ARTICLE_PATH}` });
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', PUBLISHER);
    const html =
      url.pathname === ARTICLE_PATH
        ? ferryPage({ canonical: `${PUBLISHER}${ARTICLE_PATH}/`, embed: url.searchParams.has('plain') ? undefined : `src="${APP}/embed.js" async` })
        : url.pathname === '/blog'
          ? `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog</title></head><body><main><h1>What the fact-checkers said</h1>${oembedHtml}</main></body></html>`
          : null;
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(PUBLISHER_PORT, '127.0.0.1', resolve));
  expect((server.address() as AddressInfo).port).toBe(PUBLISHER_PORT);
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** The words each named highlight covers, by status. */
const highlighted = (page: Page) =>
  page.evaluate(() => {
    const found: Record<string, string[]> = {};
    CSS.highlights.forEach((highlight, name) => {
      found[name] = [...highlight].map((range) => range.toString().replace(/\s+/g, ' '));
    });
    return found;
  });

const chip = (page: Page, label: string) => page.locator('claimline-chip').getByRole('button', { name: new RegExp(`^${label} \\(fact check`) });

test('the overlay marks each claim on the publisher’s own page, by keyboard too, and follows edits in Claimline', async ({ page }, testInfo) => {
  const missing: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'startGroup' || message.text().startsWith('Claimline:')) missing.push(message.text());
  });
  await page.goto(`${PUBLISHER}${ARTICLE_PATH}?plain`);
  const text = await page.locator('article').textContent();
  await page.goto(`${PUBLISHER}${ARTICLE_PATH}`);
  await expect(page.locator('claimline-chip')).toHaveCount(FERRY_CLAIMS.filter((c) => c.onPage).length);

  // The right words, by status, across the link, the footnote marker, the advertisement and the marks.
  expect(await highlighted(page)).toEqual({
    'claimline-confirmed': ['carried 1.2 million passengers last year', 'called the new timetable “a work of fiction”'],
    'claimline-partly_true': ['fares rose by 40 per cent', 'since 2019'],
    'claimline-disputed': ['the subsidy', 'would end in March, leaving the operator to cover the shortfall alone'],
    'claimline-unverified': ["the council's own survey"],
    'claimline-prediction': ['fares will rise again'],
  });
  expect(await page.evaluate(() => [...CSS.highlights.get('claimline-prediction')!][0]!.startContainer.parentElement!.localName)).toBe('strong');
  await expect(chip(page, 'Confirmed')).toHaveCount(2);
  await expect(chip(page, 'Disputed')).toHaveCount(1);
  // Nothing of the page's own text changed; the claim not on the page is reported, not shown.
  expect(await page.locator('article').textContent()).toBe(text);
  expect(missing).toEqual([expect.stringMatching(/^Claimline: 1 of 7 claims not found on this page/)]);

  expect(await axeFindings(page, 'overlay', { include: 'claimline-chip' })).toEqual([]);

  // By keyboard: Tab reaches the first chip after the links before it, Enter opens its card.
  await page.locator('h1').click();
  let focused = '';
  for (let i = 0; i < 10 && !focused.startsWith('Confirmed'); i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent ?? '');
  }
  expect(focused).toMatch(/^Confirmed \(fact check 1 by /);
  await page.keyboard.press('Enter');
  const card = page.getByRole('dialog', { name: 'Fact check: Confirmed' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('“The ferry carried 1.2 million passengers last year.”');
  await expect(card).toContainText('ticket counts agree');
  await expect(chip(page, 'Confirmed').first()).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  const link = card.getByRole('link', { name: 'Read the fact check' });
  await expect(link).toBeFocused();
  await expect(link).toHaveAttribute('href', `${APP}/claims/${seeded.claims[0]!.id}/${seeded.claims[0]!.slug}`);
  expect(await axeFindings(page, 'overlay with a card open', { include: 'claimline-chip', undecided: false })).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('overlay.png'), fullPage: true });
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await expect(chip(page, 'Confirmed').first()).toBeFocused();

  // An editor changes a verdict and withdraws a claim in Claimline: the next load shows both.
  const [first, , third] = seeded.claims;
  runSetup('embed.ts', { action: 'verdict', claimId: first!.id, status: 'false', statusNote: 'The report counted return tickets twice.' });
  runSetup('embed.ts', { action: 'withdraw', claimId: third!.id, note: 'The quote was misattributed.' });
  await page.reload();
  await expect(page.locator('claimline-chip')).toHaveCount(5);
  await expect(chip(page, 'False')).toHaveCount(1);
  await expect(chip(page, 'Disputed')).toHaveCount(0);
  const now = await highlighted(page);
  expect(now['claimline-false']).toEqual(['carried 1.2 million passengers last year']);
  expect(now['claimline-disputed'] ?? []).toEqual([]);

  // A card of the withdrawn claim already embedded elsewhere says so, still framable, as 410 Gone.
  const gone = await page.request.get(`${APP}/claims/${third!.id}/card`, { headers: { accept: 'text/html' } });
  expect(gone.status()).toBe(410);
  expect(gone.headers()['content-security-policy']).toContain('frame-ancestors *');
  expect(await gone.text()).toContain('The quote was misattributed.');
});

test('the overlay follows the page: a paragraph its script shows later, and one it renders again', async ({ page }) => {
  // The publisher's own script holds the mayor's paragraph back and shows it a second later, as a
  // lazily loaded body or infinite scroll does; the overlay has placed its chips by then.
  await page.addInitScript(() => {
    const watcher = new MutationObserver(() => {
      const held = [...document.querySelectorAll('article p')].find((p) => p.textContent!.includes('mayor'));
      if (!held) return;
      watcher.disconnect();
      const marker = document.createComment('loading');
      held.replaceWith(marker);
      setTimeout(() => marker.replaceWith(held), 1500);
    });
    watcher.observe(document, { childList: true, subtree: true });
  });
  const chipOf = (index: number) => page.locator(`claimline-chip[data-claim="${seeded.claims[index]!.id}"]`);
  await page.goto(`${PUBLISHER}${ARTICLE_PATH}`);
  await expect(chipOf(0)).toHaveCount(1);
  expect(await chipOf(3).count()).toBe(0);
  await expect(chipOf(3)).toHaveCount(1);
  expect(await highlighted(page)).toMatchObject({ 'claimline-confirmed': expect.arrayContaining(['called the new timetable “a work of fiction”']) });

  // A framework renders the first paragraph again: a new element, the chip gone with the old one.
  const words = 'carried 1.2 million passengers last year';
  const before = await chipOf(0).getByRole('button').textContent();
  await page.evaluate(() => {
    const old = document.querySelector('article p')!;
    const fresh = old.cloneNode(true) as HTMLElement;
    fresh.querySelectorAll('claimline-chip').forEach((c) => c.remove());
    fresh.normalize();
    fresh.id = 'rendered-again';
    old.replaceWith(fresh);
  });
  await expect(page.locator('#rendered-again claimline-chip')).toHaveCount(1);
  await expect(chipOf(0)).toHaveCount(1);
  expect(await chipOf(0).getByRole('button').textContent()).toBe(before);
  // The passage is highlighted once, on the new paragraph's words.
  const ranges = await page.evaluate((w) => {
    const found: boolean[] = [];
    CSS.highlights.forEach((h) => h.forEach((r) => r.toString().replace(/\s+/g, ' ') === w && found.push((r as Range).startContainer.isConnected && !!document.getElementById('rendered-again')!.contains((r as Range).startContainer))));
    return found;
  }, words);
  expect(ranges).toEqual([true]);
});

test('oEmbed gives a card any site can frame; every other page still refuses frames', async ({ page, request }, testInfo) => {
  const claim = seeded.claims[1]!;
  const claimUrl = `${APP}/claims/${claim.id}/${claim.slug}`;
  // Discovery: the claim page names its oEmbed answer.
  const claimPage = await request.get(claimUrl, { headers: { accept: 'text/html' } });
  const discovery = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(await claimPage.text())?.[1];
  expect(discovery?.replaceAll('&amp;', '&')).toBe(`${APP}/oembed?url=${encodeURIComponent(claimUrl)}&format=json`);
  expect(claimPage.headers()['x-frame-options']).toBe('DENY');
  expect(claimPage.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

  const answer = await request.get(discovery!.replaceAll('&amp;', '&'));
  expect(answer.status()).toBe(200);
  const oembed = await answer.json();
  expect(oembed).toMatchObject({ version: '1.0', type: 'rich', width: expect.any(Number), height: expect.any(Number) });
  expect(oembed.html).toContain(`src="${APP}/claims/${claim.id}/card"`);
  expect((await request.get(`/oembed?url=${encodeURIComponent(claimUrl)}&format=xml`)).status()).toBe(501);
  expect((await request.get(`/oembed?url=${encodeURIComponent(`${APP}/claims/999999/x`)}`)).status()).toBe(404);
  expect((await request.get('/oembed?format=json')).status()).toBe(400);

  // The card, twice (the second from the page cache): framable by anyone, no script allowed.
  for (let i = 0; i < 2; i++) {
    const cardResponse = await request.get(`/claims/${claim.id}/card`, { headers: { accept: 'text/html' } });
    expect(cardResponse.headers()['content-security-policy']).toContain('frame-ancestors *');
    expect(cardResponse.headers()['x-frame-options']).toBeUndefined();
  }

  // A blog on another origin pastes the oEmbed html: the card shows in its frame, without script.
  oembedHtml = oembed.html;
  await page.goto(`${PUBLISHER}/blog`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByText('Partly true')).toBeVisible();
  await expect(frame.getByText('“Ferry fares rose by 40 per cent since 2019.”')).toBeVisible();
  await expect(frame.getByText('Claimed by Councillor Imogen Platt')).toBeVisible();
  await expect(frame.getByRole('link', { name: /Read the fact check by/ })).toHaveAttribute('href', claimUrl);
  await page.screenshot({ path: testInfo.outputPath('card.png') });
});
