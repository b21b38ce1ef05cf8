import { expect, test } from './fixtures';
import { AnnotatorPage } from './pages/annotator';
import { AuthPages } from './pages/auth';
import { BoardPage } from './pages/board';

// Demo: the bus-lanes article is article 1; its claim 1 is partly true (no other spec relies on it).
const CLAIM = {
  id: 1,
  articleId: 1,
  statement: 'The Quay Road bus lanes cut the average morning commute into the centre by 20 per cent.',
  path: '/claims/1/the-quay-road-bus-lanes-cut-the-average-morning-commute-into',
};
const ARTICLE = '/articles/riverside-says-its-new-bus-lanes-cut-commutes-by-a-fifth';

test('after an editor changes a status, the claim page, article page, feeds, badge and API show it on the next request', async ({ page, auth, request }) => {
  // A reader (and a CDN) have every surface cached, with their ETags.
  const before: Record<string, string> = {};
  for (const path of [CLAIM.path, ARTICLE, '/feeds/claims.atom', `/claims/${CLAIM.id}/badge.svg`, `/api/v1/claims/${CLAIM.id}`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    before[path] = response.headers().etag!;
  }
  expect((await (await request.get(`/api/v1/claims/${CLAIM.id}`)).json()).data.status).toBe('partly_true');

  await auth.signedIn('editor');
  const annotator = new AnnotatorPage(page);
  await page.goto(`/edit/articles/${CLAIM.articleId}?claim=${CLAIM.id}`);
  await expect(annotator.panel().getByLabel('Statement')).toHaveValue(CLAIM.statement);
  await annotator.setStatus('False', 'The March report shows no fall in journey times at all once the junction works are excluded.', {
    correction: 'We had counted the Bridge Street junction works as part of the bus lanes.',
  });
  // A published verdict changes for readers once a second editor approves it.
  const reviewerContext = await page.context().browser()!.newContext();
  const reviewer = await reviewerContext.newPage();
  await new AuthPages(reviewer).signedIn('editor', 'Reviewer');
  const board = new BoardPage(reviewer);
  await board.open();
  await board.card('ready_for_review', CLAIM.statement).getByRole('button', { name: /^Approve and publish/ }).click();
  await expect(board.card('published', CLAIM.statement)).toBeVisible();
  await reviewerContext.close();

  // Revalidating with the old ETags gets the new content, not a 304.
  for (const [path, etag] of Object.entries(before)) {
    const response = await request.get(path, { headers: { 'If-None-Match': etag } });
    expect(response.status(), path).toBe(200);
  }
  const claimPage = await (await request.get(CLAIM.path)).text();
  expect(claimPage).toContain('once the junction works are excluded');
  const readerPage = await page.context().browser()!.newPage();
  await readerPage.goto(CLAIM.path);
  await expect(readerPage.locator('main header .badge').first()).toHaveText('False');
  await readerPage.goto(ARTICLE);
  await expect(readerPage.locator('.article-body').getByText('(claim 1: False)')).toBeAttached();
  await readerPage.close();

  expect(await (await request.get('/feeds/claims.atom')).text()).toContain(`False: ${CLAIM.statement}`);
  expect(await (await request.get(`/claims/${CLAIM.id}/badge.svg`)).text()).toContain('False');
  const api = (await (await request.get(`/api/v1/claims/${CLAIM.id}`)).json()).data;
  expect(api.status).toBe('false');
  expect(api.statusNote).toContain('junction works are excluded');
  const reviews = await (await request.get('/feeds/claim-reviews.json')).json();
  expect(reviews.dataFeedElement.map((r: { url: string }) => r.url)).toContainEqual(expect.stringContaining(CLAIM.path));
});
