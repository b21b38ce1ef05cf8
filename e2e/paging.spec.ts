import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { axeFindings } from './support/axe';
import { runSetup } from './support/setup';

// Long reader lists come in pages (#15): a party's claims, the home page's articles. Readers
// page through them by plain links, without JavaScript and by keyboard.

const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
const DOCUMENT = { accept: 'text/html' };

test('a reader pages through a party’s claims without JavaScript, and the record still counts them all', async ({ browser }) => {
  const { party } = runSetup<{ party: { slug: string } }>('paged-lists.ts', { tag: randomUUID().slice(0, 6), claims: 60, articles: 0 });
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/parties/${party.slug}`);
  const claims = page.getByRole('region', { name: 'Claims made (60)' });
  // The claims, not the pager's list of links.
  const listed = claims.locator(':scope > ol > li');
  await expect(listed).toHaveCount(25);
  await expect(claims).toContainText('1–25 of 60, most recently updated first (page 1 of 3)');
  await expect(page.getByRole('region', { name: 'Record in numbers' })).toContainText('60 published claims made by');

  // By keyboard: the pager's links are ordinary links, in reading order.
  const pager = page.getByRole('navigation', { name: 'Pages of claims made' });
  await pager.getByRole('link', { name: 'Next' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/parties/${party.slug}\\?page=2#party-claims-heading$`));
  await expect(claims).toContainText('26–50 of 60');
  await expect(listed).toHaveCount(25);
  await expect(pager.locator('[aria-current="page"]')).toHaveText('Page 2');
  await expect(pager.getByRole('link', { name: 'Previous' })).toHaveAttribute('rel', 'prev');
  const second = await listed.allTextContents();
  await pager.getByRole('link', { name: 'Page 3' }).click();
  await expect(listed).toHaveCount(10);
  await expect(pager.getByRole('link', { name: 'Next' })).toHaveCount(0);
  // No claim is on two pages.
  for (const item of await listed.allTextContents()) expect(second).not.toContain(item);
  // axe runs as a script: in a context of its own where scripts run, on the same page.
  const checker = await browser.newContext({ baseURL });
  const checked = await checker.newPage();
  await checked.goto(page.url());
  expect(await axeFindings(checked, 'party page 3 (light)')).toEqual([]);
  await checked.emulateMedia({ colorScheme: 'dark' });
  expect(await axeFindings(checked, 'party page 3 (dark)')).toEqual([]);
  await checker.close();

  // Addresses that are no page: past the end goes to the last page, nonsense to the first.
  await page.goto(`/parties/${party.slug}?page=40`);
  await expect(page).toHaveURL(new RegExp(`/parties/${party.slug}\\?page=3$`));
  await page.goto(`/parties/${party.slug}?page=%D9%A3`);
  await expect(page).toHaveURL(new RegExp(`/parties/${party.slug}$`));

  // Every page is one the page cache keeps: the second request for it is answered from memory.
  for (let i = 0; i < 2; i++) await (await page.request.get(`/parties/${party.slug}?page=2`, { headers: DOCUMENT })).body();
  expect((await page.request.get(`/parties/${party.slug}?page=2`, { headers: DOCUMENT })).headers()['x-claimline-cache']).toBe('hit');
  await context.close();
});

test('a reader reaches older articles from the home page', async ({ browser }) => {
  const { oldest } = runSetup<{ oldest: string }>('paged-lists.ts', { tag: randomUUID().slice(0, 6), claims: 0, articles: 55 });
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  const pager = page.getByRole('navigation', { name: 'Pages of articles' });
  await expect(pager.getByRole('link', { name: 'Previous' })).toHaveCount(0);
  // The last page by its number, the last link before "Next".
  await pager.getByRole('listitem').nth(-2).getByRole('link').click();
  await expect(page).toHaveURL(/\/\?page=\d+$/);
  await expect(page.getByRole('heading', { name: oldest, level: 2 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Next' })).toHaveCount(0);
  await pager.getByRole('link', { name: 'Previous' }).click();
  await expect(page.getByRole('heading', { name: 'Articles', level: 1 })).toBeVisible();
  await page.goto('/?page=0');
  await expect(page).toHaveURL(`${baseURL}/`);
  await context.close();
});

test('a reader reaches every correction, the oldest of hundreds too', async ({ browser }) => {
  // More than the 200 the log once showed, all older than any other correction.
  const { oldestCorrection } = runSetup<{ oldestCorrection: string }>('paged-lists.ts', { tag: randomUUID().slice(0, 6), claims: 205, articles: 0, corrections: 205 });
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/corrections');
  await expect(page.getByText(/^1–50 of \d+, newest first/)).toBeVisible();
  await expect(page.getByText(oldestCorrection)).toHaveCount(0);
  const pager = page.getByRole('navigation', { name: 'Pages of corrections' });
  await pager.getByRole('listitem').nth(-2).getByRole('link').click();
  await expect(page).toHaveURL(/\/corrections\?page=\d+$/);
  await expect(page.getByText(oldestCorrection)).toBeVisible();
  await expect(page).toHaveTitle(/^Corrections, page \d+/);
  await expect(pager.getByRole('link', { name: 'Next' })).toHaveCount(0);
  // axe runs in the page's own script, which this context has turned off.
  const withScript = await browser.newPage({ baseURL });
  await withScript.goto(page.url());
  expect(await axeFindings(withScript, 'corrections, last page')).toEqual([]);
  await withScript.close();
  await page.goto('/corrections?page=9999');
  await expect(page).toHaveURL(/\/corrections\?page=\d+$/);
  await expect(page.getByText(oldestCorrection)).toBeVisible();
  await context.close();
});

test('an editor pages through the open requests for comment by keyboard', async ({ page, auth }) => {
  const tag = randomUUID().slice(0, 6);
  runSetup('paged-lists.ts', { tag, claims: 55, articles: 0, requests: 55 });
  await auth.signedIn('editor');
  await page.goto('/edit/replies');
  const listed = page.locator('main ul.space-y-2 > li');
  await expect(listed).toHaveCount(50);
  const intro = page.getByText(/^Open requests for comment, overdue first\. 1–50 of \d+\.$/);
  await expect(intro).toBeVisible();
  const total = Number((await intro.textContent())!.match(/of (\d+)/)![1]);
  expect(total).toBeGreaterThanOrEqual(55);
  const pages = Math.ceil(total / 50);
  const pager = page.getByRole('navigation', { name: 'Pages of requests' });
  const first = await listed.allTextContents();
  await pager.getByRole('link', { name: 'Next' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/edit\/replies\?page=2$/);
  await expect(pager.locator('[aria-current="page"]')).toHaveText('Page 2');
  for (const item of await listed.allTextContents()) expect(first).not.toContain(item);
  // Requests without a deadline come last: this party's are on the last page.
  await page.goto(`/edit/replies?page=${pages}`);
  await expect(listed.filter({ hasText: `(${tag})` }).first()).toBeVisible();
  await page.goto('/edit/replies?page=1');
  await expect(page).toHaveURL(/\/edit\/replies$/);
  await page.goto('/edit/replies?page=9999');
  await expect(page).toHaveURL(new RegExp(`/edit/replies${pages > 1 ? `\\?page=${pages}` : ''}$`));
});
