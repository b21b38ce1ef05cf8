import { fixtureArticle } from '../lib/testing/fixture-site';
import { DEMO, expect, test } from './fixtures';
import { AuthPages } from './pages/auth';
import { runSetup } from './support/setup';
import { axeInBothSchemes } from './support/axe';
import { useFixtureSite } from './support/fixture-site';

const fixture = useFixtureSite();

const EXCERPT = 'Peak-hour journeys on Quay Road took 26 minutes in March, down from 31 minutes';

test('a cited source is archived; readers open the copy with the excerpt marked, and see it first once the page is gone', async ({
  page,
  auth,
  claimSections,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const claimId = await claimSections.claimIdFromReader(DEMO.busArticle, 'ridership on the number 7 route had doubled');
  fixture.site.set('/harbour/report', {
    body: fixtureArticle('Quay Road monitoring — “interim” report', [
      'This report covers the first six months of the bus lane trial.',
      `${EXCERPT}, according to the council’s own counters. 通勤 🚌`,
      'Side streets were not measured.',
    ]),
  });
  await auth.signedIn('editor');
  await claimSections.open(claimId);
  // The demo's own source is under a name reserved for examples: never fetched, so no Archive again, and the reason.
  const demoSource = claimSections.sources().getByRole('listitem', { name: 'Route 7 ridership, annual totals' });
  await expect(demoSource.getByTestId('source-evidence')).toHaveText(/^Not archived: Claimline never fetches addresses under names reserved for examples/);
  await expect(demoSource.getByRole('button', { name: /^Archive again/ })).toHaveCount(0);
  await claimSections.addSource({ url: fixture.url('/harbour/report'), title: 'Quay Road monitoring report', relation: 'Supports', excerpt: EXCERPT });
  const item = claimSections.sources().getByRole('listitem', { name: 'Quay Road monitoring report' });
  // "Archive again" was named "Archive <title> again": a name that does not hold the words on the button (WCAG 2.5.3).
  await expect(item.getByRole('button', { name: 'Archive again: Quay Road monitoring report' })).toBeVisible();
  expect(await axeInBothSchemes(page, 'claim editor with a source to archive again')).toEqual([]);
  await expect(async () => {
    await page.reload();
    await expect(item.getByTestId('source-evidence')).toContainText('Archived copy of', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(item.getByTestId('source-evidence')).toContainText('Online');

  await page.goto(`/claims/${claimId}/x`);
  const sources = page.getByRole('region', { name: 'Sources' });
  const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date());
  const copyPath = await sources.getByRole('link', { name: `Archived copy, ${today}` }).getAttribute('href');
  const [copy] = await Promise.all([page.waitForResponse((r) => r.url().endsWith(copyPath!)), sources.getByRole('link', { name: `Archived copy, ${today}` }).click()]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quay Road monitoring — “interim” report');
  await expect(page.getByText('Archived copy', { exact: true })).toBeVisible();
  await expect(page.locator('mark#cited')).toHaveText(EXCERPT);
  await expect(page.locator('main')).toContainText('Side streets were not measured.');
  // Only the text was kept: the page's navigation and its script are not in the copy, and the copy has no script of its own.
  await expect(page.locator('main')).not.toContainText('changed by script');
  await expect(page.locator('main')).not.toContainText('About');
  await expect(page.locator('script')).toHaveCount(0);
  expect(copy.headers()['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/);
  expect(await axeInBothSchemes(page, 'archived copy')).toEqual([]);
  await page.screenshot({ path: 'test-results/evidence-archived-copy.png', fullPage: true });
  await page.getByRole('link', { name: 'Back to the claim' }).click();
  await expect(page).toHaveURL(new RegExp(`/claims/${claimId}/`));

  // The page vanishes from its site; an editor asks for a new copy and learns it is gone.
  fixture.site.set('/harbour/report', null);
  await claimSections.open(claimId);
  await item.getByRole('button', { name: 'Archive again: Quay Road monitoring report' }).click();
  await expect(async () => {
    await page.reload();
    await expect(item.getByTestId('source-evidence')).toContainText('Gone', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(claimSections.sources().getByRole('note')).toContainText('Gone: Quay Road monitoring report');
  await page.screenshot({ path: 'test-results/evidence-claim-editor.png', fullPage: true });
  await page.goto('/edit');
  await expect(page.getByRole('region', { name: /Sources needing attention/ })).toContainText('Quay Road monitoring report');
  expect(await axeInBothSchemes(page, 'workspace with sources needing attention')).toEqual([]);

  await page.goto(`/claims/${claimId}/x`);
  const cited = sources.getByRole('listitem').filter({ hasText: 'Quay Road monitoring report' });
  await expect(cited).toContainText('No longer online.');
  await expect(cited.getByRole('link').first()).toHaveText(`Archived copy, ${today}`);
  await cited.screenshot({ path: 'test-results/evidence-gone-source.png' });

  // The source is removed again, for the specs after this one.
  await claimSections.open(claimId);
  await claimSections.removeSource('Quay Road monitoring report');

  // An admin sees the jobs on the jobs page, and the copy in its totals.
  const admin = await browser.newPage({ baseURL });
  await new AuthPages(admin).signedIn('admin');
  await admin.goto('/edit/jobs');
  const done = admin.getByRole('table', { name: 'Done lately' });
  await expect(done.getByRole('row').filter({ hasText: 'Archive source' }).first()).toBeVisible();
  await expect(admin.getByText(/Archived copies/)).toBeVisible();
  await admin.screenshot({ path: 'test-results/evidence-jobs.png', fullPage: true });
  await admin.close();
});

test('editors open the archived copy of a draft claim’s source; readers cannot', async ({ page, auth, claimSections, browser, baseURL }) => {
  test.setTimeout(60_000);
  const quote = 'the ferry carried 2,310 passengers on its first weekend';
  const { claims } = runSetup<{ claims: { id: number }[] }>('article-with-claims.ts', {
    title: `Ferry launch weekend ${Date.now()}`,
    body: `Operators said ${quote}, more than the bridge did. عبّارة 渡轮`,
    quotes: [quote],
    published: false,
  });
  const draftId = claims[0]!.id;
  const excerpt = 'Passengers, first weekend: 2,310 (Saturday 1,402; Sunday 908)';
  fixture.site.set('/ferry/counts', { body: fixtureArticle('Ferry counts — launch weekend', ['Counts from the ticket barriers.', `${excerpt}.`]) });
  await auth.signedIn('editor');
  await claimSections.open(draftId);
  await claimSections.addSource({ url: fixture.url('/ferry/counts'), title: 'Ferry ticket counts', relation: 'Supports', excerpt });
  const evidence = claimSections.sources().getByRole('listitem', { name: 'Ferry ticket counts' }).getByTestId('source-evidence');
  await expect(async () => {
    await page.reload();
    await expect(evidence.getByRole('link', { name: /^Archived copy of / })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const copyPath = (await evidence.getByRole('link', { name: /^Archived copy of / }).getAttribute('href'))!;
  await evidence.getByRole('link', { name: /^Archived copy of / }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ferry counts — launch weekend');
  await expect(page.getByText('The claim citing it is not published: only signed-in editors can open this copy.')).toBeVisible();
  await expect(page.locator('mark#cited')).toHaveText(excerpt);
  await expect(page.locator('script')).toHaveCount(0);
  expect(await axeInBothSchemes(page, "archived copy of a draft's source")).toEqual([]);
  await page.getByRole('link', { name: 'Back to the claim' }).click();
  await expect(page).toHaveURL(new RegExp(`/edit/claims/${draftId}$`));

  // A reader (no session) learns nothing about the draft; nor does a cache keep the editor's copy.
  const reader = await browser.newContext({ baseURL });
  const answer = await reader.request.get(copyPath);
  expect(answer.status()).toBe(404);
  expect(await answer.text()).not.toContain('Ferry');
  expect((await page.request.get(copyPath)).headers()['cache-control']).toBe('private, no-store');
  await reader.close();
});
