import { randomUUID } from 'node:crypto';
import { expect, type Locator, type Page } from '@playwright/test';
import { test } from './fixtures';
import { AnnotatorPage } from './pages/annotator';
import { AuthPages } from './pages/auth';

// A news page as it copies: one newline between paragraphs, curly quotes, the page's own
// lines at both ends. Each claim is a whole short paragraph, so the keyboard reaches it with
// the arrow keys alone.
const CLAIMS = [
  'Leakage fell by 52 per cent in two years.',
  'The programme was finished on budget, at £48 million.',
  'Bills will not rise next year, the utility said.',
];
const PASTED = [
  'Share this article',
  'NORTHBRIDGE — The utility reported on Monday.',
  CLAIMS[0],
  '“We replaced 140 km of mains,” Kowalski said.',
  CLAIMS[1],
  CLAIMS[2],
  'Comments',
].join('\n');

/** Tab (or Shift+Tab) until `target` has the focus, as a keyboard user moves through a page (a busy board has many stops). */
async function keyTo(page: Page, target: Locator, { back = false, max = 2000 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

async function press(page: Page, target: Locator, key = 'Enter', options?: { back?: boolean }) {
  await keyTo(page, target, options);
  await page.keyboard.press(key);
}

async function typeInto(page: Page, target: Locator, text: string, options?: { back?: boolean }) {
  await keyTo(page, target, options);
  await page.keyboard.type(text);
}

/** A closed select picks the option whose label is typed while it has the focus. */
async function choose(page: Page, select: Locator, label: string, options?: { back?: boolean }) {
  await keyTo(page, select, options);
  await page.keyboard.type(label);
  await expect(select.locator('option:checked')).toHaveText(label);
}

test('the first day by keyboard alone: paste, preview, three claims, a source and a response, review and a second editor’s approval', async ({ page, browser }) => {
  const title = `Northbridge pipes ${randomUUID().slice(0, 6)}`;
  await new AuthPages(page).signedIn('editor', 'Mara');
  const workspace = page.getByRole('navigation', { name: 'Workspace' });

  // Paste and preview.
  await press(page, workspace.getByRole('link', { name: 'New article' }));
  await expect(page.getByRole('heading', { name: 'New article', level: 1 })).toBeVisible();
  await keyTo(page, page.getByLabel('Paste text'));
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Paste text')).toBeChecked();
  await keyTo(page, page.getByLabel('Article text'));
  await page.keyboard.insertText(PASTED);
  await press(page, page.getByRole('button', { name: 'Preview paragraphs' }));
  const preview = page.getByRole('list', { name: 'Paragraphs as they will be stored' }).getByRole('listitem');
  await expect(page.getByRole('heading', { name: 'Check the paragraphs' })).toBeFocused();
  await expect(preview).toHaveCount(7);
  await press(page, page.getByRole('button', { name: 'Remove “Share this article”' }));
  await press(page, page.getByRole('button', { name: 'Remove “Comments”' }));
  await typeInto(page, page.getByLabel('Headline'), title);
  await typeInto(page, page.getByLabel('Outlet'), 'Northbridge Evening Post');
  await press(page, page.getByRole('button', { name: 'Create article' }));

  // Three claims: to the paragraph with the arrow keys, select it with Shift+End, press C.
  const annotator = new AnnotatorPage(page);
  await expect(annotator.text()).toBeVisible();
  await expect(annotator.text()).not.toContainText('Share this article');
  const paragraphOf = (claim: string) => PASTED.split('\n').slice(1, -1).indexOf(claim);
  for (const claim of CLAIMS) {
    await keyTo(page, annotator.text());
    await page.keyboard.press('ControlOrMeta+Home');
    for (let i = 0; i < paragraphOf(claim); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('c');
    const create = annotator.createForm();
    await expect(create.getByRole('blockquote')).toHaveText(claim);
    await expect(create.getByLabel('Statement')).toBeFocused();
    await press(page, create.getByRole('button', { name: 'Create claim' }));
    await expect(annotator.editor().getByLabel('Statement')).toHaveValue(claim);
  }
  await expect(page.getByRole('region', { name: /3 claims in this article/ })).toBeVisible();

  // The first claim: a source, a response, the verdict, then "Save and ask for review".
  await press(page, page.getByRole('region', { name: /3 claims in this article/ }).getByRole('link', { name: CLAIMS[0] }));
  const panel = annotator.panel();
  await expect(annotator.editor().getByLabel('Statement')).toHaveValue(CLAIMS[0]!);
  await press(page, panel.getByText('Add a source', { exact: true }));
  const source = page.getByRole('form', { name: 'Add a source' });
  await typeInto(page, source.getByLabel('Web address'), 'https://northbridge-water.example/annual-report-2026');
  await typeInto(page, source.getByLabel('Title'), 'Annual report 2026');
  await typeInto(page, source.getByLabel('Publisher'), 'Northbridge Water');
  await choose(page, source.getByLabel('Relation'), 'Contradicts');
  await typeInto(page, source.getByLabel('Excerpt'), 'Leakage down 31 per cent since 2024.');
  await press(page, source.getByRole('button', { name: 'Add source' }));
  await expect(panel.getByRole('region', { name: 'Sources' })).toContainText('Annual report 2026');

  await press(page, panel.getByText('Add a response or request for comment'));
  const response = page.getByRole('form', { name: 'Add a response' });
  await typeInto(page, response.getByLabel('Or a new party'), 'Northbridge Water press office');
  await choose(page, response.getByLabel('Stance'), 'disputes');
  await typeInto(page, response.getByLabel('Quote'), '“Our new meters show 52 per cent.”');
  await press(page, response.getByRole('button', { name: 'Add response' }));
  await expect(panel.getByRole('region', { name: 'Responses' })).toContainText('Northbridge Water press office disputes');

  const editor = annotator.editor();
  await choose(page, editor.getByLabel('Status', { exact: true }), 'False', { back: true });
  await typeInto(page, editor.getByLabel('Why this status'), 'The utility’s annual report gives 31 per cent for the same years.');
  await press(page, editor.getByRole('button', { name: 'Save and ask for review' }));
  await expect(panel.getByRole('status').filter({ hasText: /^Saved at \d\d:\d\d$/ })).toBeVisible();
  await expect(panel).toContainText('Workflow: Ready for review');

  // A second editor approves it from the board, by keyboard too: on a busy board (hundreds of
  // claims, each a few Tab stops) they narrow it to the article with the filter form first.
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await new AuthPages(reviewer).signedIn('editor', 'Theo');
  await press(reviewer, reviewer.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Board' }));
  await expect(reviewer.getByRole('heading', { name: 'Review board' })).toBeVisible();
  const filter = reviewer.getByRole('form', { name: 'Filter claims' });
  await choose(reviewer, filter.getByLabel('Article'), title);
  await press(reviewer, filter.getByRole('button', { name: 'Filter' }));
  await expect(reviewer).toHaveURL(/[?&]article=\d+/);
  await expect(reviewer.getByRole('region', { name: 'Draft (2)', exact: true })).toContainText(CLAIMS[1]!);
  const waiting = reviewer.getByRole('region', { name: /^Ready for review \(/ }).getByRole('listitem').filter({ hasText: CLAIMS[0] });
  await press(reviewer, waiting.getByRole('button', { name: /^Approve and publish/ }), 'Enter', { back: false });
  await expect(reviewer.getByRole('region', { name: /^Published \(/ }).getByRole('listitem').filter({ hasText: CLAIMS[0] })).toBeVisible();
  await reviewerContext.close();

  // Readers see the verdict with its evidence.
  await page.goto('/claims');
  await page.getByRole('link', { name: CLAIMS[0] }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`“${CLAIMS[0]}”`);
  await expect(page.getByRole('region', { name: 'Sources' })).toContainText('Annual report 2026');
  await expect(page.getByRole('region', { name: 'Responses' })).toContainText('“Our new meters show 52 per cent.”');
  await expect(page.getByRole('region', { name: 'History' })).toContainText(/approved by Theo/);
});
