import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { ARABIC_PASTE, EMOJI_PASTE, WIRE_BODY, WIRE_CHROME, WIRE_PASTE, cjkArticle, heavyNewsPage } from '../lib/testing/messy-articles';
import { expect, test } from './fixtures';
import { IntakePage, paste } from './pages/intake';

// A newsroom's first pastes: real pages' text with their furniture, other scripts, and
// sizes near the limits. Whatever is refused, what was typed is still on screen.

/** The stored text of the article the page is on (/edit/articles/:id), read from the database. */
function storedBody(url: string): string {
  const id = Number(new URL(url).pathname.split('/').pop());
  const db = new Database(process.env.E2E_DATABASE_PATH!, { readonly: true });
  try {
    return db
      .prepare('select r.body from article_revisions r join articles a on a.current_revision_id = r.id where a.id = ?')
      .pluck()
      .get(id) as string;
  } finally {
    db.close();
  }
}

/** A news site on loopback serving one page. */
async function newsSite(html: string) {
  const server = http.createServer((req, res) => {
    if (req.url === '/harbour') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else res.writeHead(404).end('missing');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

test.beforeEach(async ({ auth }) => {
  await auth.signedIn('editor');
});

test('a wire story copied from a page: one line per paragraph, furniture offered at both ends and removed line by line', async ({ page }) => {
  const intake = new IntakePage(page);
  await intake.open();
  await intake.preview('text', WIRE_PASTE);
  await expect(intake.previewHeading).toBeFocused();
  await expect(intake.paragraphs).toHaveCount(WIRE_BODY.length + WIRE_CHROME.length - 1);
  await expect(page.getByText(`${WIRE_CHROME.length} lines look like part of the web page`)).toBeVisible();
  // Bylines and timestamps are the article's, not the page's: no Remove button.
  await expect(page.getByRole('button', { name: /By Maren Ostrova|Updated 14 March/ })).toHaveCount(0);

  // Each line with one click; the first from the keyboard.
  await page.getByRole('button', { name: 'Remove “Skip to main content”' }).focus();
  await page.keyboard.press('Enter');
  for (const line of WIRE_CHROME.slice(1)) await page.getByRole('button', { name: `Remove “${line}”` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${WIRE_CHROME.length} lines removed` })).toBeAttached();
  // A change of mind: the advertisement marker goes back, then out again.
  await page.getByRole('button', { name: 'Put back “Advertisement”' }).click();
  await page.getByRole('button', { name: 'Remove “Advertisement”' }).click();

  // A refused save (no headline) keeps the removals and everything typed.
  await page.getByLabel('Outlet').fill('Kestrel Bay Courier');
  await page.getByRole('button', { name: 'Create article' }).click();
  await expect(intake.fieldError('Headline')).toHaveText('Give the article its headline.');
  await expect(page.getByLabel('Outlet')).toHaveValue('Kestrel Bay Courier');
  await expect(page.getByRole('button', { name: /^Put back/ })).toHaveCount(WIRE_CHROME.length);

  await intake.create({ title: 'Harbour dredging to finish by June, authority says' });
  await expect(page).toHaveURL(/\/edit\/articles\/\d+$/);
  expect(storedBody(page.url())).toBe(WIRE_BODY.filter((p) => p !== 'Advertisement').join('\n\n'));
  await page.goto('/articles/harbour-dredging-to-finish-by-june-authority-says');
  await expect(page.locator('.article-body p')).toHaveText(WIRE_BODY.filter((p) => p !== 'Advertisement'));
});

test('nothing is removed unless chosen, and the paragraph marking can be switched', async ({ page }) => {
  const intake = new IntakePage(page);
  await intake.open();
  await intake.preview('text', WIRE_PASTE);
  await page.getByLabel('Blank lines separate paragraphs').check();
  await expect(intake.paragraphs).toHaveCount(1);
  await page.getByLabel('Each line is a paragraph').check();
  await expect(intake.paragraphs).toHaveCount(WIRE_BODY.length + WIRE_CHROME.length - 1);
  // Back to the text: the paste is still there as it was.
  await page.getByRole('button', { name: 'Back to the text' }).click();
  await expect(page.getByLabel('Article text')).toBeFocused();
  await expect(page.getByLabel('Article text')).toHaveValue(WIRE_PASTE.replace(/\r\n/g, '\n'));
  await page.getByRole('button', { name: 'Preview paragraphs' }).click();
  await intake.create({ title: 'Harbour dredging, everything kept' });
  await expect(page).toHaveURL(/\/edit\/articles\/\d+$/);
  expect(storedBody(page.url()).split('\n\n')).toEqual(WIRE_PASTE.split('\r\n'));
});

test('right-to-left and emoji text are stored as pasted', async ({ page }) => {
  const intake = new IntakePage(page);
  await intake.open();
  await intake.preview('text', ARABIC_PASTE);
  await expect(intake.paragraphs).toHaveCount(5);
  await expect(intake.paragraphs.first().locator('[dir="auto"]')).toHaveText(ARABIC_PASTE.split('\n')[0]!);
  await page.getByRole('button', { name: 'Remove “Comments”' }).click();
  await intake.create({ title: 'المجلس البلدي يعد بفتح الجسر الجديد' });
  await expect(page).toHaveURL(/\/edit\/articles\/\d+$/);
  expect(storedBody(page.url())).toBe(ARABIC_PASTE.split('\n').slice(0, 4).join('\n\n'));

  await intake.open();
  await intake.preview('text', EMOJI_PASTE);
  await expect(intake.paragraphs).toHaveCount(4);
  await page.getByRole('button', { name: 'Remove “Share on Facebook”' }).click();
  await intake.create({ title: 'Bakery’s 🥐 record' });
  await expect(page).toHaveURL(/\/edit\/articles\/\d+$/);
  expect(storedBody(page.url())).toBe(EMOJI_PASTE.split('\n\n').slice(0, 3).join('\n\n'));
});

test('400,000 Chinese characters (1.2 MB) go through; one over the limit is refused beside the field with the text kept', async ({ page }) => {
  test.setTimeout(240_000); // 1.2 MB crosses the browser, the server action and back, twice
  const intake = new IntakePage(page);
  await intake.open();
  const cjk = cjkArticle(400_000);
  let started = Date.now();
  await intake.preview('text', cjk, 'paste');
  await expect(intake.previewHeading).toBeVisible({ timeout: 60_000 });
  console.log(`400,000 CJK characters: preview in ${Date.now() - started} ms`);
  started = Date.now();
  await intake.create({ title: '渡轮航线明年春季开通' });
  await expect(page).toHaveURL(/\/edit\/articles\/\d+$/, { timeout: 60_000 });
  console.log(`400,000 CJK characters: created in ${Date.now() - started} ms`);
  expect(storedBody(page.url())).toBe(cjk.split('\n').join('\n\n'));

  await intake.open();
  const tooLong = cjkArticle(500_001);
  await intake.preview('text', tooLong, 'paste');
  await expect(intake.fieldError('Article text')).toContainText('500,001 characters long; the limit is 500,000');
  expect((await page.getByLabel('Article text').inputValue()).length).toBe(500_001);
  await expect(page.getByRole('form', { name: 'Article source' }).getByRole('alert')).toContainText('Too long to save: Article text');
});

test('a 2 MB news page pasted as HTML or imported from its address; 6 MB is refused beside the field', async ({ page }) => {
  test.setTimeout(240_000); // megabytes cross the browser, the server action and back, several times
  const html = heavyNewsPage(2_000_000);
  expect(html.length).toBeGreaterThan(1_990_000);
  const intake = new IntakePage(page);
  await intake.open();
  const started = Date.now();
  await intake.preview('html', html, 'paste');
  await expect(intake.previewHeading).toBeVisible({ timeout: 60_000 });
  console.log(`2 MB of HTML: pasted and previewed in ${Date.now() - started} ms`);
  await expect(page.getByLabel('Headline')).toHaveValue(/^Harbour dredging to finish by June/);
  await expect(page.getByLabel('Publication date')).toHaveValue('2026-03-14');
  await expect(intake.paragraphs.filter({ hasText: 'unexpectedly hard clay' })).toHaveCount(1);
  await expect(intake.paragraphs.filter({ hasText: 'window.__analytics' })).toHaveCount(0);
  await intake.create({ title: 'Harbour dredging (pasted page)' });
  await expect(page).toHaveURL(/\/edit\/articles\/\d+$/, { timeout: 60_000 });
  expect(storedBody(page.url())).toContain(WIRE_BODY[4]);

  const site = await newsSite(html);
  try {
    await intake.open();
    await intake.preview('url', `${site.base}/harbour`);
    await expect(intake.previewHeading).toBeVisible({ timeout: 60_000 });
    // The test site's address is a loopback IP, which readers are never sent to: not offered as
    // the canonical address.
    await expect(page.getByLabel('Canonical URL')).toHaveValue('');
    await expect(page.getByLabel('Outlet')).toHaveValue('Kestrel Bay Courier');
  } finally {
    site.close();
  }

  await intake.open();
  const huge = heavyNewsPage(6_000_000);
  await intake.preview('html', huge, 'paste');
  await expect(intake.fieldError('Article HTML')).toContainText('the limit is 5 MB');
  expect((await page.getByLabel('Article HTML').inputValue()).length).toBe(huge.length);
  await expect(page.getByRole('heading', { name: 'New article' })).toBeVisible();
});

test('a refused address keeps the web-address mode and the address; the corrected one imports', async ({ page }) => {
  const site = await newsSite(heavyNewsPage(50_000));
  try {
    const intake = new IntakePage(page);
    await intake.open();
    await intake.preview('url', 'http://10.0.0.1/harbour');
    await expect(intake.fieldError('Web address')).toContainText('private or local network');
    await expect(page.getByLabel('Import from a web address')).toBeChecked();
    await expect(page.getByLabel('Web address', { exact: true })).toHaveValue('http://10.0.0.1/harbour');
    await expect(page.getByLabel('Web address', { exact: true })).toHaveAttribute('aria-invalid', 'true');

    await intake.preview('url', 'harbour page');
    await expect(intake.fieldError('Web address')).toContainText('starting with http:// or https://');
    await expect(page.getByLabel('Import from a web address')).toBeChecked();

    // The text pasted before switching to an address is still there in its own mode.
    await page.getByLabel('Paste text').check();
    await page.getByLabel('Article text').fill('A draft paste kept aside.');
    await page.getByLabel('Import from a web address').check();
    await expect(page.getByLabel('Web address', { exact: true })).toHaveValue('harbour page');

    await intake.importUrl(`${site.base}/harbour`);
    await expect(page).toHaveURL(/\/edit\/articles\/\d+$/);
    expect(storedBody(page.url())).toContain('unexpectedly hard clay');
  } finally {
    site.close();
  }
});

test('the revision form refuses an oversized text beside the field and keeps it', async ({ page }) => {
  await page.goto('/edit/articles/new');
  await new IntakePage(page).pasteText('The ferry runs every hour, the operator said.', { title: 'Ferry hourly, operator says' });
  await expect(page).toHaveURL(/\/edit\/articles\/\d+$/);
  await page.goto(`${page.url()}/revise`);
  const field = page.getByLabel('Updated text');
  const tooLong = cjkArticle(500_001);
  await paste(field, tooLong);
  await page.getByRole('button', { name: 'Save revision' }).click();
  await expect(field.locator('xpath=following-sibling::p[1]')).toContainText('the limit is 500,000');
  expect((await field.inputValue()).length).toBe(500_001);
});
