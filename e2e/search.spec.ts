import { DEMO, expect, test } from './fixtures';

test.describe('claims index', () => {
  test('search finds a claim by a word that is only in its quote, with the word highlighted', async ({ page, reader }) => {
    await reader.openClaims();
    // "announced" is in the quoted passage, not in the claim's statement.
    await reader.search('announced');
    await expect(page).toHaveURL(/\/claims\?q=announced/);
    await expect(reader.resultCount()).toHaveText('1 claim found');
    await expect(reader.results()).toHaveCount(1);
    await expect(reader.results().first()).toContainText('Kestrel Glassworks promised 450 new jobs');
    await expect(reader.results().first().locator('mark')).toHaveText('announced');
  });

  test('filters narrow the list and survive in the URL', async ({ page, reader }) => {
    await reader.openClaims();
    const all = Number((await reader.resultCount().textContent())?.match(/\d+/)?.[0]);
    expect(all).toBeGreaterThan(5);
    await reader.filterByStatus('Disputed');
    await expect(page).toHaveURL(/status=disputed/);
    const disputed = Number((await reader.resultCount().textContent())?.match(/\d+/)?.[0]);
    expect(disputed).toBeGreaterThan(0);
    expect(disputed).toBeLessThan(all);
    await expect(reader.results()).toHaveCount(disputed);
    for (const card of await reader.results().all()) await expect(card).toContainText('Disputed');
    await reader.filterByParty('Riverside Drivers’ Association');
    await expect(page).toHaveURL(/party=riverside-drivers-association/);
    await expect(reader.resultCount()).toHaveText('1 claim found');
    await expect(reader.results().first()).toContainText(DEMO.disputedClaim);
    // The filters are kept in the form after the reload.
    await expect(reader.searchForm().getByRole('checkbox', { name: 'Disputed' })).toBeChecked();
  });

  test('a bad filter value is explained beside its field', async ({ reader }) => {
    await reader.openClaims('?from=2026-02-31&status=maybe');
    await expect(reader.searchForm().getByRole('alert')).toContainText('Some filters could not be used');
    await expect(reader.searchForm().getByLabel('From')).toHaveAccessibleDescription('Not a real date.');
  });

  test('the party page lists its claims and responses and counts stances', async ({ page }) => {
    await page.goto('/parties/riverside-city-council');
    await expect(page.getByRole('heading', { name: 'Riverside City Council', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Responses by stance' })).toContainText('disputes');
    await expect(page.getByRole('region', { name: /responses? to claims/ })).toContainText('The Quay Road bus lanes pushed traffic');
    expect((await page.request.get('/parties/no-such-party')).status()).toBe(404);
  });
});

test.describe('claims index with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('search and filters work as a plain form', async ({ page, reader }) => {
    await reader.openClaims();
    await reader.search('ridership');
    await expect(reader.resultCount()).toHaveText('1 claim found');
    await reader.filterByStatus('False');
    await expect(reader.resultCount()).toHaveText('0 claims found');
    await expect(page.getByText('No published claim matches')).toBeVisible();
  });
});
