import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AuthPages } from './pages/auth';

const READER_PAGES = {
  home: '/',
  article: '/articles/riverside-says-its-new-bus-lanes-cut-commutes-by-a-fifth',
  claim: '/claims/3',
  'claims index': '/claims?q=lanes&status=disputed',
  party: '/parties/riverside-city-council',
};

const SCHEMES = ['light', 'dark'] as const;
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

/**
 * What axe finds: violations, and colour-contrast checks it could not decide. It files
 * text it cannot measure (a 1:1 ratio, a lone symbol, text over an image) under
 * `incomplete`, which is where the blue-on-blue "New article" button hid.
 */
async function axeFindings(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const undecided = results.incomplete.filter((rule) => rule.id === 'color-contrast');
  return [...results.violations, ...undecided].flatMap((rule) =>
    rule.nodes.map((node) => `${label}: ${rule.id}: ${node.target.join(' ')} ${node.html.slice(0, 160)} ${node.failureSummary ?? ''}`.trim()),
  );
}

test.describe('accessibility of reader pages', () => {
  for (const scheme of SCHEMES) {
    for (const [name, path] of Object.entries(READER_PAGES)) {
      test(`axe finds no violations on the ${name} page (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await axeFindings(page, `${name} (${scheme})`)).toEqual([]);
      });
    }
  }

  test('the claim page fits a 360 px wide screen without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of [READER_PAGES.claim, READER_PAGES.article, READER_PAGES['claims index']]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});

test.describe('accessibility of editor pages', () => {
  let storageState: Awaited<ReturnType<import('@playwright/test').BrowserContext['storageState']>>;

  // One admin, signed in once for the tests below.
  test.beforeAll(async ({ browser }: { browser: Browser }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await new AuthPages(page).signedIn('admin', 'Axe Admin');
    storageState = await context.storageState();
    await context.close();
  });

  test('the "New article" button reads as white on blue, not blue on blue', async ({ browser }) => {
    const context = await browser.newContext({ baseURL, storageState });
    const page = await context.newPage();
    await page.goto('/edit');
    const button = page.getByRole('heading', { name: 'Articles', level: 1 }).locator('..').getByRole('link', { name: 'New article' });
    const colours = await button.evaluate((el) => {
      const style = getComputedStyle(el);
      return { color: style.color, background: style.backgroundColor };
    });
    expect(colours.color).toBe('rgb(255, 255, 255)');
    expect(colours.background).not.toBe(colours.color);
    await context.close();
  });
});
