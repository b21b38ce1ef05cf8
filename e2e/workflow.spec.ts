import { DEMO, expect, test } from './fixtures';
import { AnnotatorPage } from './pages/annotator';
import { AuthPages } from './pages/auth';
import { BoardPage } from './pages/board';

const DRAFT_CLAIM = 6; // the demo's unpublished claim, in the bus-lanes article (id 1)
const DISPUTED_CLAIM = 3;

test.describe('second-reviewer sign-off and corrections', () => {
  test('editor A saves a draft’s verdict and asks for review in one step; A is offered no Approve; B approves; history names both', async ({ page, auth, browser }) => {
    const a = await auth.signedIn('editor', 'Anna');
    const annotator = new AnnotatorPage(page);
    await page.goto(`/edit/articles/1?claim=${DRAFT_CLAIM}`);
    await expect(annotator.panel()).toContainText('Workflow: Draft');
    // Sign-off is on: the form says so before saving and offers review, not a publish it would refuse.
    await expect(annotator.editor()).toContainText('Sign-off is on: a second editor approves this claim before readers see it.');
    await expect(annotator.editor().getByLabel('Published (readers can see this claim)')).toHaveCount(0);
    await annotator.panel().screenshot({ path: test.info().outputPath('claim-editor-sign-off.png') });
    const note = 'Only one of the five side streets saw more traffic — the council’s “Table 3”.';
    await annotator.saveForReview('Partly true', note);
    await expect(annotator.panel()).toContainText('Workflow: Ready for review');
    // What the editor wrote is kept.
    await expect(annotator.editor().getByLabel('Status', { exact: true })).toHaveValue('partly_true');
    await expect(annotator.editor().getByLabel('Why this status')).toHaveValue(note);
    await expect(annotator.panel().getByRole('button', { name: /^Approve and publish:/ })).toHaveCount(0);
    await expect(annotator.panel()).toContainText('Waiting for another editor’s approval.');
    await annotator.panel().screenshot({ path: test.info().outputPath('claim-panel-ready-for-review.png') });
    // Nor on the board: the verdict's author is not shown Approve.
    const boardA = new BoardPage(page);
    await boardA.open();
    await expect(boardA.card('ready_for_review', DEMO.draftQuote)).toBeVisible();
    await expect(boardA.card('ready_for_review', DEMO.draftQuote).getByRole('button', { name: /^Approve and publish/ })).toHaveCount(0);
    await page.goto('/edit/inbox');
    await expect(page.getByRole('region', { name: /Waiting for your review/ })).not.toContainText(DEMO.draftQuote);
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
    const history = page.getByRole('region', { name: 'History' });
    await expect(history).toContainText(`Published as Partly true: verdict by ${a.name}, approved by ${b.name}`);
  });

  test('an approval is refused when the claim changed after the approver opened the board', async ({ page, auth, browser }) => {
    await auth.signedIn('editor', 'Anna');
    const annotator = new AnnotatorPage(page);
    // A draft of its own (the demo's draft is published by the test above).
    const quote = 'The Water Board said it would decide on the application in the new year';
    await annotator.open(2);
    await annotator.createClaim(quote);
    const claimUrl = page.url();
    const claimId = Number(new URL(claimUrl).searchParams.get('claim'));
    await annotator.saveForReview('False', 'The board’s calendar shows a decision in March — not “the new year”.');

    const contextB = await browser.newContext();
    const pageB = await contextB.newPage();
    await new AuthPages(pageB).signedIn('editor', 'Bilal');
    const board = new BoardPage(pageB);
    await board.open();
    await expect(board.card('ready_for_review', quote)).toBeVisible();

    // Anna changes her mind while Bilal has the board open.
    await page.goto(claimUrl);
    await annotator.setStatus('Confirmed', 'The board confirmed the timing by email.');

    await board.card('ready_for_review', quote).getByRole('button', { name: /^Approve and publish/ }).click();
    await expect(board.card('ready_for_review', quote).getByRole('alert')).toContainText('This claim changed after you opened it: it is now Confirmed');
    expect((await pageB.request.get(`/claims/${claimId}/x`, { maxRedirects: 0 })).status()).toBe(404);
    await contextB.close();
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
    // Other specs add requests of their own to the shared newsroom: the demo's overdue one is among
    // the overdue, and no request on time comes before an overdue one.
    const requests = page.getByRole('main').getByRole('listitem').filter({ hasText: 'reply due' });
    await expect(requests.filter({ hasText: 'Riverside Drivers’ Association' }).first()).toContainText('Overdue');
    const overdue = (await requests.allTextContents()).map((text) => text.startsWith('Overdue'));
    expect(overdue[0]).toBe(true);
    expect(overdue).toEqual([...overdue].sort((a, b) => Number(b) - Number(a)));
  });
});
