import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { articleWithClaims, RevisionPages } from './pages/revisions';

const SALES = 'sales of the e-ferry pass doubled in April 2021';
const JOBS = 'unemployment fell by 3% last year';

const MINISTER = `The minister said that ${JOBS}.`;
const OPPOSITION = `The opposition leader denied that ${JOBS}, calling the figure “massaged”.`;
const BODY = [`The operator’s annual report says ${SALES}, helped by a cheaper fare 🚢.`, MINISTER, 'Economists urged caution.', OPPOSITION].join(
  '\n\n',
);
// Pasted back from the outlet's page: Windows line ends, the date reworded, the minister's sentence gone.
const REVISED = [`The operator’s annual report says ${SALES.replace('April 2021', 'spring 2021')}, helped by a cheaper fare 🚢.`, 'Economists urged caution.', OPPOSITION].join(
  '\r\n\r\n',
);

test('the review card marks the changed words, never re-attaches a claim to a look-alike, and asks for the statement', async ({ page, auth }) => {
  const suffix = randomUUID().slice(0, 6);
  const salesStatement = `E-ferry pass sales doubled in April 2021 (${suffix}).`;
  const jobsStatement = `Unemployment fell by 3% last year (${suffix}).`;
  const article = articleWithClaims({
    title: `Ferry pass report ${suffix}`,
    body: BODY,
    quotes: [SALES, JOBS],
    statements: [salesStatement, jobsStatement],
  });
  const revisions = new RevisionPages(page);
  await auth.signedIn('editor');
  await revisions.submitRevision(article.id, REVISED);

  // The minister's claim is not moved onto the opposition's denial: it waits for review.
  await expect(page.getByRole('status').filter({ hasText: 'found in the current text' })).toContainText('0 claims found in the current text');
  const jobs = revisions.reviewCard(jobsStatement);
  await expect(jobs).toBeVisible();
  await expect(jobs.getByRole('heading', { name: 'What changed' })).toBeVisible();
  await expect(jobs.locator('del').filter({ hasText: 'minister said' })).toBeVisible();
  await expect(jobs.locator('ins').filter({ hasText: 'opposition leader denied' })).toBeVisible();

  // The date's card marks the one changed word on each side and asks for the statement.
  const sales = revisions.reviewCard(salesStatement);
  await expect(sales.locator('del')).toHaveText(['[removed: April]']);
  await expect(sales.locator('ins')).toHaveText(['[added: spring]']);
  await expect(sales).toContainText('The claim’s statement still says “April”, which the new passage no longer does.');
  await sales.screenshot({ path: test.info().outputPath('review-card.png') });

  await sales.getByRole('button', { name: 'Accept new passage' }).click();
  const done = page.getByRole('status').filter({ hasText: 'The new passage is now the claim’s quote.' });
  await expect(done).toContainText('Its statement still says “April”: update the statement');
  await done.getByRole('link', { name: 'update the statement' }).click();
  await expect(page).toHaveURL(new RegExp(`/edit/articles/${article.id}\\?claim=${article.claims[0]!.id}$`));
  await expect(page.getByLabel('Statement')).toHaveValue(salesStatement);
});
