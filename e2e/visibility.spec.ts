import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { articleWithClaims } from './pages/revisions';

// Issue 16, case 8: a party named only on a draft claim is not public anywhere.
test('a party known only from a draft claim answers 404 to a signed-out reader, and only editors see it', async ({ page, auth, browser }) => {
  const suffix = randomUUID().slice(0, 6);
  const name = `Noor al-Hadi ${suffix}`;
  const quote = 'the desalination plant would be finished “before Ramadan” 🌙';
  const article = articleWithClaims({
    title: `Water plant promises ${suffix}`,
    body: `محطة التحلية\n\nThe minister said the desalination plant would be finished “before Ramadan” 🌙, officials confirmed.`,
    quotes: [quote],
    claimant: name,
    published: false,
  });
  const slug = article.claimant!.slug;

  const reader = await (await browser.newContext()).newPage();
  const party = await reader.request.get(`/parties/${slug}`, { maxRedirects: 0 });
  expect(party.status()).toBe(404);
  expect((await reader.request.get(`/parties/${slug}/feed.atom`)).status()).toBe(404);
  expect((await reader.request.get(`/api/v1/parties/${slug}`)).status()).toBe(404);
  const list = (await (await reader.request.get('/api/v1/parties')).json()) as { data: { slug: string }[] };
  expect(list.data.map((p) => p.slug)).not.toContain(slug);
  await reader.goto('/parties');
  await expect(reader.getByRole('heading', { level: 1, name: 'Parties' })).toBeVisible();
  await expect(reader.getByRole('link', { name })).toHaveCount(0);

  await reader.goto(`/parties/${slug}`);
  await expect(reader.getByRole('heading', { level: 1 })).not.toContainText(name);
  await reader.goto('/claims');
  await expect(reader.getByLabel('Party')).toBeVisible();
  await expect(reader.getByLabel('Party').locator('option', { hasText: name })).toHaveCount(0);

  // Editors still find the party in the workspace.
  await auth.signedIn('editor');
  await page.goto('/edit/parties');
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
});
