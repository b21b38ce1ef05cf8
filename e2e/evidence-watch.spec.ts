import { fixtureArticle } from '../lib/testing/fixture-site';
import { slugify } from '../lib/text';
import { expect, test } from './fixtures';
import { IntakePage } from './pages/intake';
import { axeInBothSchemes } from './support/axe';
import { useFixtureSite } from './support/fixture-site';

const fixture = useFixtureSite();

test('an article the outlet changes after the check: the change waits as a pending revision until an editor accepts it, then readers are told', async ({
  page,
  auth,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const slug = `harbour-${Date.now()}`;
  const title = `Harbour record questioned ${slug.slice(-5)}`;
  const paragraphs = [
    'The harbour authority said 4,100 ships docked in 2025, a record for the port.',
    'Its chair said the new quay “paid for itself in a year”.',
  ];
  fixture.site.set(`/news/${slug}`, { body: fixtureArticle(title, ['Sign up to our newsletter', ...paragraphs]), etag: '"1"' });
  await auth.signedIn('editor');
  const intake = new IntakePage(page);
  await intake.open();
  await intake.preview('url', fixture.url(`/news/${slug}`));
  await expect(intake.previewHeading).toBeVisible();
  await page.getByRole('button', { name: 'Remove “Sign up to our newsletter”' }).click();
  await intake.create({ title, outlet: 'Fixture Gazette' });
  await expect(page).toHaveURL(/\/edit\/articles\/\d+/);
  const articleId = Number(/\/edit\/articles\/(\d+)/.exec(page.url())![1]);

  // The outlet quietly rewrites a sentence; the editor asks for a check rather than waiting an hour.
  fixture.site.set(`/news/${slug}`, {
    body: fixtureArticle(title, ['Sign up to our newsletter', paragraphs[0]!, 'Its chair said the new quay would pay for itself within a decade.']),
    etag: '"2"',
  });
  await page.goto(`/edit/articles/${articleId}/revise`);
  await page.getByRole('button', { name: 'Check the outlet’s page for changes now' }).click();
  await expect(async () => {
    await page.goto('/edit');
    await expect(page.getByRole('region', { name: /Articles the outlet changed/ }).getByRole('link', { name: title })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole('region', { name: /Articles the outlet changed/ }).getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: 'The outlet changed this article' })).toBeVisible();
  await expect(page.locator('del').filter({ hasText: 'paid' })).toBeVisible();
  // Word by word: "in a year" → "within a decade" keeps the "a".
  await expect(page.locator('ins').filter({ hasText: 'within' })).toBeVisible();
  await expect(page.locator('ins').filter({ hasText: 'decade' })).toBeVisible();
  // The newsletter box the editor removed at import is not part of the change.
  await expect(page.locator('main')).not.toContainText('Sign up to our newsletter');
  expect(await axeInBothSchemes(page, 'outlet change')).toEqual([]);
  await page.screenshot({ path: 'test-results/evidence-outlet-change.png', fullPage: true });
  // Readers still see the text as checked until the editor accepts.
  const readerPath = `/articles/${slugify(title)}`;
  const reader = await browser.newPage({ baseURL });
  await reader.goto(readerPath);
  await expect(reader.locator('.article-body')).toContainText('“paid for itself in a year”');
  await expect(reader.getByText(/The outlet changed this article/)).toHaveCount(0);

  await page.getByRole('button', { name: 'Accept the outlet’s change as a new revision' }).click();
  await expect(page).toHaveURL(new RegExp(`/edit/articles/${articleId}/review`));

  await reader.goto(readerPath);
  await expect(reader.locator('.article-body')).toContainText('within a decade');
  const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date());
  await expect(reader.getByText(`The outlet changed this article on ${today}, after our check — see changes`)).toBeVisible();
  await reader.getByRole('link', { name: 'see changes' }).click();
  await expect(reader.locator('del').filter({ hasText: 'paid' })).toBeVisible();
  const feed = await (await reader.request.get('/feeds/outlet-changes.atom')).text();
  expect(feed).toContain(`Changed after our check: ${title}`);
  await reader.close();
});
