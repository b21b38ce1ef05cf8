import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

const PAGES = {
  home: '/',
  article: '/articles/riverside-says-its-new-bus-lanes-cut-commutes-by-a-fifth',
  claim: '/claims/3',
  'claims index': '/claims?q=lanes&status=disputed',
  party: '/parties/riverside-city-council',
};

test.describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, path] of Object.entries(PAGES)) {
      test(`axe finds no violations on the ${name} page (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  }

  test('the claim page fits a 360 px wide screen without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of [PAGES.claim, PAGES.article, PAGES['claims index']]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
