import { expect, type Page } from '@playwright/test';

/** What a logged-out reader does: open articles and claims. */
export class ReaderPages {
  constructor(readonly page: Page) {}

  async openHome() {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Articles', level: 1 })).toBeVisible();
  }

  async openArticle(title: string) {
    await this.page.getByRole('link', { name: title }).first().click();
    await expect(this.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  }

  /** The highlighted passages of the article body (each a link to its claim). */
  highlights() {
    return this.page.locator('.article-body mark a');
  }

  /** The status badge at the top of a claim page (icon and word). */
  claimStatus() {
    return this.page.locator('main header .badge').first();
  }

  claimHeading() {
    return this.page.getByRole('heading', { level: 1 });
  }
}
