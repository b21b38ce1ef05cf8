import { DEMO, expect, test } from './fixtures';
import { AnnotatorPage } from './pages/annotator';
import { AuthPages } from './pages/auth';
import { BoardPage } from './pages/board';

const DRAFT_CLAIM = 6; // the demo's unpublished claim, in the bus-lanes article (id 1)
const DISPUTED_CLAIM = 3;

test.describe('second-reviewer sign-off and corrections', () => {
  test('editor A sets a verdict and asks for review; A cannot approve it; B approves; history names both', async ({ page, auth, browser }) => {
    const a = await auth.signedIn('editor', 'Anna');
    const annotator = new AnnotatorPage(page);
    await page.goto(`/edit/articles/1?claim=${DRAFT_CLAIM}`);
    await annotator.setStatus('Partly true', 'Only one of the five side streets saw more traffic.');
    await annotator.move('Start checking', 'Ask for review');
    await expect(annotator.panel()).toContainText('Workflow: Ready for review');
    await annotator.panel().getByRole('button', { name: /^Approve and publish:/ }).click();
    await expect(annotator.panel().getByRole('alert').filter({ hasText: /\S/ })).toHaveText('A different editor must approve the verdict you set.');
    expect((await page.request.get(`/claims/${DRAFT_CLAIM}/x`, { maxRedirects: 0 })).status()).toBe(404);

    const contextB = await browser.newContext();
    const pageB = await contextB.newPage();
    const b = await new AuthPages(pageB).signedIn('editor', 'Bilal');
    await pageB.goto('/edit/inbox');
    await expect(pageB.getByRole('region', { name: /Waiting for your review/ })).toContainText(DEMO.draftQuote);
    const board = new BoardPage(pageB);
    await board.open();
    await board.card('ready_for_review', DEMO.draftQuote).getByRole('button', { name: /^Approve and publish/ }).click();
    await expect(board.card('published', DEMO.draftQuote)).toBeVisible();
    await contextB.close();

    await page.goto(`/claims/${DRAFT_CLAIM}`);
    await expect(page.locator('main header .badge').first()).toContainText('Partly true');
    await expect(page.getByRole('region', { name: 'History' })).toContainText(`Published: verdict by ${a.name}, approved by ${b.name}`);
  });

  test('a changed published verdict needs a correction note, waits for approval, then appears on the corrections page', async ({ page, auth, browser }) => {
    await auth.signedIn('editor', 'Carmen');
    const annotator = new AnnotatorPage(page);
    await page.goto(`/edit/articles/1?claim=${DISPUTED_CLAIM}`);
    await annotator.panel().getByLabel('Status', { exact: true }).selectOption({ label: 'False' });
    await annotator.panel().getByLabel('Why this status').fill('Council counts on all five side streets show no rise.');
    await annotator.panel().getByRole('button', { name: 'Save claim' }).click();
    await expect(annotator.panel().getByText('This verdict is public: say in a correction note what changed and why.')).toBeVisible();
    await annotator.panel().getByLabel('Correction note (public)').fill('New council counts for the side streets were published on Monday.');
    await annotator.save();
    await expect(annotator.panel()).toContainText('change to False waiting for review');

    // Readers still see the published verdict until a second editor approves.
    await page.goto(`/claims/${DISPUTED_CLAIM}`);
    await expect(page.locator('main header .badge').first()).toContainText('Disputed');

    const contextB = await browser.newContext();
    const pageB = await contextB.newPage();
    await new AuthPages(pageB).signedIn('editor', 'Dmitri');
    const board = new BoardPage(pageB);
    await board.open();
    await board.card('ready_for_review', DEMO.disputedClaim).getByRole('button', { name: /^Approve and publish/ }).click();
    await expect(board.card('published', DEMO.disputedClaim)).toBeVisible();
    await contextB.close();

    await page.goto(`/claims/${DISPUTED_CLAIM}`);
    await expect(page.locator('main header .badge').first()).toContainText('False');
    await expect(page.getByRole('link', { name: /corrected on/ })).toBeVisible();
    await page.getByRole('link', { name: /corrected on/ }).click();
    await expect(page.getByRole('heading', { name: 'Corrections', level: 1 })).toBeVisible();
    const entry = page.getByRole('listitem').filter({ hasText: DEMO.disputedClaim });
    await expect(entry).toContainText('Corrected: status changed from Disputed to False');
    await expect(entry).toContainText('New council counts for the side streets were published on Monday.');
  });

  test('the right-of-reply queue lists open requests, overdue first', async ({ page, auth }) => {
    await auth.signedIn('editor');
    await page.goto('/edit/replies');
    const first = page.getByRole('listitem').first();
    await expect(first).toContainText('Overdue');
    await expect(first).toContainText('Riverside Drivers’ Association');
  });
});
