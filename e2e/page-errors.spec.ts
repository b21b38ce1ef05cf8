import { expect, test } from './fixtures';

// The fixture's guard (e2e/fixtures.ts) must be able to fail a test: each of these is expected to fail.
// None switches it on: it is on by default, and they would pass (and so fail) were it not.

test('the guard fails a test whose page throws uncaught', async ({ page }) => {
  test.fail();
  await page.goto('/about/ratings');
  await page.evaluate(() => setTimeout(() => {
    throw new Error('Lost the reader’s place ✗');
  }));
  await expect.poll(() => page.evaluate(() => document.readyState)).toBe('complete');
  await page.waitForTimeout(100);
});

test('the guard fails a test whose page logs a hydration error', async ({ page }) => {
  test.fail();
  await page.goto('/about/ratings');
  await page.evaluate(() => console.error('Uncaught Error: Minified React error #418; visit https://react.dev/errors/418?args[]=HTML for the full message'));
  await page.waitForTimeout(100);
});

test('the guard fails a test whose page of a context it opened itself throws uncaught', async ({ browser }) => {
  test.fail();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/about/ratings');
  await page.evaluate(() => setTimeout(() => {
    throw new Error('Le lecteur a perdu sa place ✗');
  }));
  await expect.poll(() => page.evaluate(() => document.readyState)).toBe('complete');
  await page.waitForTimeout(100);
  await context.close();
});
