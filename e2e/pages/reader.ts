import { expect, type Page } from '@playwright/test';
import { slugify } from '../../lib/text';

/** What a logged-out reader does: open articles and claims. */
export class ReaderPages {
  constructor(readonly page: Page) {}

  async openHome() {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Articles', level: 1 })).toBeVisible();
  }

  /**
   * From the page that lists it, or by its address: the home page lists the newest articles
   * only, and in a full run the specs' own articles push the demo's off it.
   */
  async openArticle(title: string) {
    const link = this.page.getByRole('link', { name: title }).first();
    if (await link.isVisible()) await link.click();
    else await this.page.goto(`/articles/${slugify(title)}`);
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

  /** The claims index: a plain GET form for search and filters, and its results. */
  async openClaims(query = '') {
    await this.page.goto(`/claims${query}`);
    await expect(this.page.getByRole('heading', { name: 'Claims', level: 1 })).toBeVisible();
  }

  searchForm() {
    return this.page.getByRole('search', { name: 'Search and filter claims' });
  }

  async search(words: string) {
    await this.searchForm().getByLabel('Search claims').fill(words);
    await this.searchForm().getByRole('button', { name: 'Search' }).click();
  }

  /** Ticks a status box (its label is the badge: icon and word) and submits the form. */
  async filterByStatus(label: string) {
    await this.searchForm().getByRole('checkbox', { name: label }).check();
    await this.searchForm().getByRole('button', { name: 'Search' }).click();
  }

  async filterByParty(name: string) {
    await this.searchForm().getByLabel('Party').selectOption({ label: name });
    await this.searchForm().getByRole('button', { name: 'Search' }).click();
  }

  /** The heading that counts the results, e.g. "2 claims found". */
  resultCount() {
    return this.page.getByRole('heading', { name: /found$/ });
  }

  /** One card per claim in the results. */
  results() {
    return this.page.getByRole('region', { name: /found$/ }).getByRole('listitem');
  }
}
