import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { AnnotatorPage } from './pages/annotator';
import { AuthPages } from './pages/auth';
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

test('a second editor accepts the new passage of a claim asked for review, after its statement was fixed since, and readers see it once approved', async ({ page, auth, browser, request }) => {
  const suffix = randomUUID().slice(0, 6);
  const statement = `E-ferry pass sales doubled in April 2021 — «تضاعفت» 倍増 (${suffix}).`;
  const fixed = `E-ferry pass sales doubled in spring 2021 — «تضاعفت» 倍増 (${suffix}).`;
  const article = articleWithClaims({ title: `Ferry pass sales ${suffix}`, body: BODY, quotes: [SALES], statements: [statement], published: false });
  const claimId = article.claims[0]!.id;
  // Mara checks the claim and asks for review; then the outlet rewords the passage.
  await auth.signedIn('editor', 'Mara');
  const mara = new AnnotatorPage(page);
  await page.goto(`/edit/articles/${article.id}?claim=${claimId}`);
  await mara.move('Start checking', 'Ask for review');
  await new RevisionPages(page).submitRevision(article.id, REVISED);

  // Theo, the second editor, opens Needs review: the card's Accept names the claim as it is now.
  const theoContext = await browser.newContext();
  const theoPage = await theoContext.newPage();
  await new AuthPages(theoPage).signedIn('editor', 'Theo');
  await theoPage.goto(`/edit/articles/${article.id}/review`);
  const card = new RevisionPages(theoPage).reviewCard(statement);
  await expect(card.getByRole('button', { name: 'Accept new passage' })).toBeVisible();
  // Meanwhile Mara fixes the statement to the new wording: a new version of the claim.
  await page.goto(`/edit/articles/${article.id}?claim=${claimId}`);
  await mara.editor().getByLabel('Statement').fill(fixed);
  await mara.save();

  await card.getByRole('button', { name: 'Accept new passage' }).click();
  const done = theoPage.getByRole('status').filter({ hasText: 'The new passage is now the claim’s quote.' });
  await expect(done).toBeVisible();
  await expect(done).not.toContainText('still says');
  await theoPage.goto(`/edit/articles/${article.id}?claim=${claimId}`);
  await new AnnotatorPage(theoPage).move('Approve and publish');
  await theoContext.close();

  // Readers see the claim with Mara's statement and the outlet's new words in context.
  const reader = await request.get(`/claims/${claimId}`, { headers: { accept: 'text/html' } });
  expect(reader.status()).toBe(200);
  const html = await reader.text();
  expect(html).toContain('sales of the e-ferry pass doubled in spring 2021');
  expect(html).toContain('«تضاعفت» 倍増');
});
