import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { AuthPages } from './pages/auth';
import { BoardPage } from './pages/board';
import { articleWithClaims, RevisionPages } from './pages/revisions';

const MOVED = 'the night ferry would keep running through the winter';
const ALTERED = 'fares on the island route rose by 12 per cent in March';
const DELETED = 'the harbour master resigned after the inspection';

const BODY = [
  `The operator said on Monday that ${MOVED}.`,
  `Passengers told the paper that ${ALTERED}, the second rise this year.`,
  `According to two council members, ${DELETED}. The port authority did not comment.`,
  'The timetable for next summer will be published in April.',
].join('\n\n');

const REVISED = [
  'Correction, 14 November: an earlier version of this article misstated the fare rise and the harbour master’s role.',
  `The operator said on Monday that ${MOVED}.`,
  `Passengers told the paper that ${ALTERED.replace('12 per cent', '9 per cent')}, the second rise this year.`,
  'The port authority did not comment.',
  'The timetable for next summer will be published in April.',
].join('\n\n');

test('an editor records a revision; claims are kept, flagged or orphaned; readers see the change', async ({ page, auth, browser }) => {
  const title = `Island ferry fares ${randomUUID().slice(0, 6)}`;
  const article = articleWithClaims({ title, body: BODY, quotes: [MOVED, ALTERED, DELETED] });
  const [moved, altered, deleted] = article.claims;
  const revisions = new RevisionPages(page);
  await auth.signedIn('editor');

  await revisions.submitRevision(article.id, REVISED);
  await expect(page.getByRole('status').filter({ hasText: 'found in the current text' })).toHaveText(
    '1 claim found in the current text · 1 with a changed passage · 1 with a lost passage',
  );
  const fuzzy = revisions.reviewCard(ALTERED);
  await expect(fuzzy).toContainText(/Passage changed \(match \d+%\)/);
  await expect(fuzzy.locator('mark')).toHaveText(ALTERED.replace('12 per cent', '9 per cent'));
  const orphaned = revisions.reviewCard(DELETED);
  await expect(orphaned).toContainText('Passage not found in the new text');
  await expect(revisions.reviewCard(MOVED)).toHaveCount(0);

  // The annotator lists one kept, one changed and one lost passage, and draws only the two still in the text.
  await page.getByRole('link', { name: title }).click();
  const claims = page.getByRole('region', { name: '3 claims in this article' });
  await expect(claims.getByRole('listitem').filter({ hasText: MOVED })).not.toContainText('needs review');
  await expect(claims.getByRole('listitem').filter({ hasText: ALTERED })).toContainText('(passage changed, needs review)');
  await expect(claims.getByRole('listitem').filter({ hasText: DELETED })).toContainText('(passage lost, needs review)');
  await expect(page.getByRole('textbox', { name: 'Article text' }).locator('mark')).toHaveCount(2);
  await page.getByRole('link', { name: 'Review moved passages' }).click();

  // Readers, signed out and without JavaScript, see the revision note and what changed.
  const reader = await browser.newContext({ javaScriptEnabled: false });
  const readerPage = await reader.newPage();
  await readerPage.goto(`/articles/${article.slug}`);
  await expect(readerPage.getByText(/Revised on .* — see changes/)).toBeVisible();
  await expect(readerPage.locator('.article-body mark a', { hasText: MOVED })).toBeVisible();
  await expect(readerPage.locator('.article-body mark a', { hasText: DELETED })).toHaveCount(0);
  await readerPage.getByRole('link', { name: 'see changes' }).click();
  await expect(readerPage.getByRole('heading', { name: 'Changes to the article', level: 1 })).toBeVisible();
  await expect(readerPage.locator('del', { hasText: '12' })).toBeVisible();
  await expect(readerPage.locator('ins', { hasText: '9' })).toBeVisible();
  await expect(readerPage.locator('del', { hasText: DELETED })).toBeVisible();
  // Choosing the same revision twice works with a plain form submission.
  await readerPage.getByLabel('Older revision').selectOption({ index: 1 });
  await readerPage.getByRole('button', { name: 'Compare' }).click();
  await expect(readerPage).toHaveURL(/from=\d+&to=\d+/);
  await expect(readerPage.getByText(/the same revision\./)).toBeVisible();

  await readerPage.goto(`/claims/${altered!.id}/${altered!.slug}`);
  await expect(readerPage.getByRole('region', { name: 'In context' })).toContainText('This passage changed in a revision of the article.');
  await readerPage.goto(`/claims/${deleted!.id}/${deleted!.slug}`);
  const lost = readerPage.getByRole('region', { name: 'In context' });
  await expect(lost).toContainText('No longer in the article.');
  await expect(lost.locator('mark')).toHaveText(DELETED);
  await readerPage.goto(`/claims/${moved!.id}/${moved!.slug}`);
  await expect(readerPage.getByRole('region', { name: 'History' })).toContainText('Position in the article updated after a revision');

  // The editor resolves both: accepts the new wording, and marks the lost passage as removed.
  await fuzzy.getByRole('button', { name: 'Accept new passage' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The new passage is now the claim’s quote.' })).toBeVisible();
  await expect(fuzzy).toHaveCount(0);
  // Words that point to several places are refused beside the field.
  await orphaned.getByLabel('Words from the new text').fill('the');
  await orphaned.getByRole('button', { name: 'Use these words' }).click();
  await expect(orphaned.getByText(/These words appear \d+ times in the article/)).toBeVisible();
  await orphaned.getByRole('button', { name: 'Mark as removed' }).click();
  // A note for readers is required; the browser asks for it before anything is sent.
  expect(await orphaned.getByLabel('Note for readers').evaluate((input: HTMLInputElement) => input.validity.valueMissing)).toBe(true);
  await orphaned.getByLabel('Note for readers').fill('Passage retracted by the outlet.');
  await orphaned.getByLabel('Also set the status to Retracted').check();
  await orphaned.getByRole('button', { name: 'Mark as removed' }).click();
  // The claim is public: retracting it is a correction, refused without a correction note, and nothing is lost.
  await expect(orphaned.getByText('This verdict is public: say in a correction note what changed and why.')).toBeVisible();
  await expect(orphaned.getByLabel('Also set the status to Retracted')).toBeChecked();
  await expect(orphaned.getByLabel('Note for readers')).toHaveValue('Passage retracted by the outlet.');
  await orphaned.getByLabel('Correction note (public)').fill('The outlet withdrew the harbour master sentence on 14 November.');
  await orphaned.getByRole('button', { name: 'Mark as removed' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The retraction waits for another editor’s approval' })).toBeVisible();
  await expect(page.getByText('Nothing to review: every claim is anchored in the current text.')).toBeVisible();

  // Until a second editor approves, readers keep the published status.
  await readerPage.goto(`/claims/${deleted!.id}/${deleted!.slug}`);
  await expect(readerPage.locator('main header .badge').first()).not.toContainText('Retracted');
  await expect(readerPage.getByRole('region', { name: 'History' })).toContainText('Passage confirmed removed from the article');
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await new AuthPages(reviewer).signedIn('editor', 'Reviewer');
  const board = new BoardPage(reviewer);
  await board.open();
  await board.card('ready_for_review', DELETED).getByRole('button', { name: /^Approve and publish/ }).click();
  await expect(board.card('published', DELETED)).toBeVisible();
  await reviewerContext.close();

  await readerPage.goto(`/claims/${deleted!.id}/${deleted!.slug}`);
  await expect(readerPage.locator('main header .badge').first()).toContainText('Retracted');
  await expect(readerPage.getByRole('region', { name: 'Why this status' })).toContainText('Passage retracted by the outlet.');
  await expect(readerPage.getByRole('region', { name: 'History' })).toContainText('The outlet withdrew the harbour master sentence on 14 November.');
  await readerPage.goto(`/claims/${altered!.id}/${altered!.slug}`);
  await expect(readerPage.getByRole('region', { name: 'In context' })).not.toContainText('changed in a revision');
  await reader.close();
});

test('a revision pasted as copied from the page, one line per paragraph, keeps its paragraphs', async ({ page, auth }) => {
  const title = `Ferry boardings ${randomUUID().slice(0, 6)}`;
  const article = articleWithClaims({ title, body: BODY, quotes: [MOVED] });
  await auth.signedIn('editor');
  // What a browser copies from a news page: one line break between paragraphs, as New article accepts.
  const copied = REVISED.split('\n\n').join('\n');
  await new RevisionPages(page).submitRevision(article.id, copied);
  await page.goto(`/articles/${article.slug}`);
  const paragraphs = page.locator('.article-body p');
  await expect(paragraphs).toHaveCount(5);
  await expect(paragraphs.nth(3)).toHaveText('The port authority did not comment.');
});
