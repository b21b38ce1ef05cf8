import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Methodology and policy pages (#15): an admin's edit reaches readers, who need no script,
// and every earlier version stays readable.

const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

/** Each named chart is a region with its drawing, named as the chart. */
async function expectCharts(page: Page, names: string[]) {
  for (const name of names) await expect(page.getByRole('region', { name, exact: true }).getByRole('img', { name })).toBeVisible();
}

/** The sum of a chart's table's last column (its totals), read from the folded table as a reader opens it. */
async function tableTotal(page: Page, chart: string): Promise<number> {
  const region = page.getByRole('region', { name: chart, exact: true });
  await region.getByText('Table of the figures').click();
  const totals = await region.getByRole('table').locator('tbody tr td:last-child').allTextContents();
  return totals.map((t) => Number(t.replace(/\D/g, ''))).reduce((a, b) => a + b, 0);
}

/** Three months typed into the period form (a plain GET): the address holds them, and each monthly table has three rows. */
async function showPeriod(page: Page, path: string) {
  await page.getByLabel('From month').fill('2024-02');
  await page.getByLabel('To month').fill('2024-04');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(new RegExp(`${path.replace(/\//g, '\\/')}\\?from=2024-02&to=2024-04`));
  await expect(page.getByRole('region', { name: 'Corrections per month', exact: true }).locator('tbody tr')).toHaveCount(3);
}

test('an admin’s methodology edit is what readers see, and the history keeps the old text', async ({ page, auth, browser }) => {
  await auth.signedIn('admin');
  await page.goto('/edit/policies');
  await page.getByRole('main').getByRole('link', { name: 'How we choose and check claims' }).click();
  const original = await page.getByLabel('Text (Markdown)').inputValue();
  expect(original).toContain('## How we choose claims');
  const edited = `## Was wir prüfen\n\nWe check claims in **three languages**: Deutsch, العربية and 中文 — “fairly”.\n\n${original}`;
  await page.getByLabel('Text (Markdown)').fill(edited);
  await page.getByLabel('What changed (shown in the page’s history)').fill('Languages we cover');
  await page.getByRole('button', { name: 'Publish this version' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem')).toHaveCount(2);

  // A reader without JavaScript finds the page from any page's footer.
  const reader = await (await browser.newContext({ baseURL, javaScriptEnabled: false })).newPage();
  await reader.goto('/claims');
  await reader.getByRole('navigation', { name: 'About this newsroom' }).getByRole('link', { name: 'How we choose and check claims' }).click();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('How we choose and check claims');
  await expect(reader.getByRole('heading', { name: 'Was wir prüfen', level: 2 })).toBeVisible();
  await expect(reader.locator('.policy-text strong', { hasText: 'three languages' })).toBeVisible();

  await reader.getByRole('link', { name: 'Earlier versions' }).click();
  const versions = reader.getByRole('list', { name: 'Versions' }).locator(':scope > li');
  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toContainText('(current) · Languages we cover');
  // The first version is still there, word for word, behind its date.
  await versions.nth(1).locator('summary').click();
  await expect(versions.nth(1).getByRole('heading', { name: 'How we choose claims' })).toBeVisible();
  await expect(versions.nth(1)).not.toContainText('Was wir prüfen');

  // The rating scale is the app's own list of statuses.
  await reader.goto('/about/ratings');
  const scale = reader.getByRole('table');
  for (const label of ['Confirmed', 'Partly true', 'Disputed', 'False', 'Opinion', 'Not checkable']) {
    await expect(scale.getByRole('rowheader', { name: label })).toBeVisible();
  }
  await expect(scale.getByRole('row', { name: /Partly true/ })).toContainText('3: “Partly true”');
  await reader.context().close();
});

test('a policy page’s Markdown table and code fit a phone, and the table’s columns read apart', async ({ page, auth, browser }) => {
  await auth.signedIn('admin');
  await page.goto('/edit/policies/corrections');
  const body = [
    'How we label a correction:',
    '',
    '| Status | What it means for readers | Value | Since |',
    '|:--|:--|--:|:-:|',
    '| Confirmed | The evidence supports the claim as stated, in full, with the sources cited below it | 5 | 2024 |',
    '| False | The evidence contradicts the claim; see the sources and the parties’ responses | 1 | 2024 |',
    '',
    '```',
    'GET /api/v1/claims?status=false&updated_after=2026-01-01T00:00:00Z&include=corrections,responses,sources',
    '```',
  ].join('\n');
  await page.getByLabel('Text (Markdown)').fill(body);
  await page.getByRole('button', { name: 'Publish this version' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();

  const reader = await (await browser.newContext({ baseURL, viewport: { width: 360, height: 760 } })).newPage();
  for (const path of ['/about/corrections', '/about/corrections/history']) {
    await reader.goto(path);
    const table = reader.locator('.policy-text table').first();
    await expect(table.getByRole('cell', { name: '2024' }).first()).toBeVisible();
    // Nothing pushes the page sideways (the code line and the four columns made it twice the phone's width).
    expect.soft(await reader.evaluate(() => document.documentElement.scrollWidth), `${path}: page width`).toBeLessThanOrEqual(360);
    // The words of neighbouring columns do not touch ("Confirmed" ran into "The evidence", "5" into "2024").
    const gaps = await table.locator('tbody tr').first().evaluate((row) => {
      const cells = [...row.children].map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        const rects = [...range.getClientRects()];
        return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)) };
      });
      return cells.slice(1).map((cell, i) => cell.left - cells[i]!.right);
    });
    for (const gap of gaps) expect(gap, `${path}: space between columns`).toBeGreaterThanOrEqual(8);
  }
  await reader.context().close();
});

test('editors cannot change policy pages', async ({ page, auth }) => {
  await auth.signedIn('editor');
  const response = await page.goto('/edit/policies/methodology');
  expect(response?.status()).toBe(403);
});

test('newsroom statistics work without JavaScript: period form, tables and CSV downloads', async ({ browser }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('navigation', { name: 'About this newsroom' }).getByRole('link', { name: 'Statistics' }).click();
  await expect(page.getByRole('heading', { name: 'Newsroom statistics', level: 1 })).toBeVisible();
  await expectCharts(page, ['Claims checked per week, by status', 'Time from first appearance to verdict', 'Corrections per month', 'Verdicts by outlet']);
  // The demo's verdicts are in this month's figures.
  expect(await tableTotal(page, 'Claims checked per week, by status')).toBeGreaterThan(0);
  // A period typed by hand: the form is a plain GET, so the address holds it.
  await showPeriod(page, '/stats');
  // A period the wrong way round is explained, and a sensible one shown.
  await page.goto('/stats?from=2025-09&to=2025-01');
  await expect(page.getByRole('alert')).toContainText('The first month must not be after the last.');

  const csv = await page.request.get('/stats/replies.csv?from=2024-02&to=2024-04');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toBe('month,sent,onTime,late,never,awaiting\n2024-02,0,0,0,0,0\n2024-03,0,0,0,0,0\n2024-04,0,0,0,0,0\n');
  expect((await page.request.get('/stats/replies.csv?from=2024-13')).status()).toBe(400);
  expect((await page.request.get('/stats/nothing.csv')).status()).toBe(404);
  // The editors' figures are theirs only.
  expect((await page.request.get('/edit/stats/workload.csv')).status()).toBe(401);
  await context.close();
});

test('the editors’ dashboard works without JavaScript: period form, sign-off queue, tables and the editors’ CSV', async ({ browser, page, auth }) => {
  await auth.signedIn('editor');
  const noJs = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await page.context().storageState() });
  const editor = await noJs.newPage();
  await editor.goto('/edit');
  await editor.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Statistics' }).click();
  await expect(editor.getByRole('heading', { name: 'Statistics', level: 1 })).toBeVisible();
  await expect(editor.getByRole('heading', { name: /^Waiting for sign-off \(\d+\)$/ })).toBeVisible();
  await expectCharts(editor, ['Open claims per editor, by workflow state', 'Overdue replies at the end of each week', 'Claims checked per week, by status']);
  // The demo's drafts are open claims: the workload table counts them.
  expect(await tableTotal(editor, 'Open claims per editor, by workflow state')).toBeGreaterThan(0);
  await showPeriod(editor, '/edit/stats');
  const csv = await editor.request.get('/edit/stats/overdue.csv?from=2024-02&to=2024-04');
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split('\n')[0]).toBe('week,overdue');
  await noJs.close();
});
