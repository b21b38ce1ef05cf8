import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { AnnotatorPage } from './pages/annotator';
import { runSetup } from './support/setup';

type Made = { id: number; slug: string; claims: Record<string, number> };

const SHOTS = process.env.LIFECYCLE_SHOTS;

/** An article of pasted-looking text (curly quotes, an emoji, a right-to-left name) with claims on the given passages. */
function article(label: string, drafts: string[], published: string[] = []): Made & { title: string } {
  const tag = randomUUID().slice(0, 6);
  const title = `${label} ${tag}`;
  const body = [
    `The harbour board met on Tuesday to discuss the ferry timetable 🚢 for ${tag}.`,
    ...drafts,
    ...published,
    `Board member نادية حداد said the minutes would be “published in full”.`,
  ].join('\n\n');
  return { title, ...runSetup<Made>('lifecycle.ts', { action: 'article', title, body, drafts, published }) };
}

test.describe('opinions and other claims that cannot be checked', () => {
  test('an editor records an opinion; readers see it labelled, without a verdict or ClaimReview', async ({ page, auth, browser }) => {
    const opinion = '“The new timetable is the best thing to happen to this town in decades,” the mayor said';
    const made = article('Ferry timetable opinions', [opinion]);
    const claimId = made.claims[opinion]!;

    await auth.signedIn('editor', 'Olu');
    const annotator = new AnnotatorPage(page);
    await page.goto(`/edit/articles/${made.id}?claim=${claimId}`);
    const status = annotator.editor().getByLabel('Status', { exact: true });
    // The select tells the editor which choices are verdicts and which are not.
    await expect(status.locator('optgroup[label="Not checkable (no verdict)"] option')).toHaveText(['Opinion', 'Prediction', 'Not checkable']);
    await annotator.setStatus('Opinion', 'A judgement of value: no record could prove or disprove it.');
    await expect(status).toHaveValue('opinion');
    // No verdict is suggested for a passage nobody can check.
    await expect(annotator.panel().getByTestId('suggested-status')).toHaveCount(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/opinion-editor.png`, fullPage: true });

    runSetup('lifecycle.ts', { action: 'publish', claimId });

    const reader = await browser.newContext();
    const readerPage = await reader.newPage();
    const response = await readerPage.goto(`/claims/${claimId}`);
    expect(response?.status()).toBe(200);
    await expect(readerPage.locator('main header .badge').first()).toHaveText('❝Opinion');
    await expect(readerPage.getByRole('heading', { name: 'Why no verdict' })).toBeVisible();
    await expect(readerPage.getByText('A view or judgement, not a statement of fact: there is nothing to check.')).toBeVisible();
    expect(await readerPage.locator('script[type="application/ld+json"]').count()).toBe(0);
    if (SHOTS) await readerPage.screenshot({ path: `${SHOTS}/opinion-reader.png`, fullPage: true });

    // Lists count it apart from the verdicts.
    await readerPage.goto('/');
    const entry = readerPage.getByRole('listitem').filter({ has: readerPage.getByRole('heading', { name: made.title }) });
    await expect(entry).toContainText('1 claim');
    await expect(entry).toContainText('1 not checkable');
    await expect(entry.locator('.badge')).toHaveCount(0);
    const feed = await readerPage.request.get('/feeds/claim-reviews.json');
    expect(await feed.text()).not.toContain(`/claims/${claimId}/`);
    await reader.close();
  });
});
