import { expect, type Page } from '@playwright/test';

export type ArticleMeta = { title?: string; outlet?: string; author?: string; publishedAt?: string };

/** The "New article" form. */
export class IntakePage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/edit/articles/new');
    await expect(this.page.getByRole('heading', { name: 'New article' })).toBeVisible();
  }

  async fillMeta(meta: ArticleMeta) {
    if (meta.title !== undefined) await this.page.getByLabel('Headline').fill(meta.title);
    if (meta.outlet !== undefined) await this.page.getByLabel('Outlet').fill(meta.outlet);
    if (meta.author !== undefined) await this.page.getByLabel('Author').fill(meta.author);
    if (meta.publishedAt !== undefined) await this.page.getByLabel('Publication date').fill(meta.publishedAt);
  }

  async pasteText(text: string, meta: ArticleMeta) {
    await this.page.getByLabel('Paste text').check();
    await this.page.getByLabel('Article text').fill(text);
    await this.fillMeta(meta);
    await this.submit();
  }

  async pasteHtml(html: string, meta: ArticleMeta = {}) {
    await this.page.getByLabel('Paste HTML').check();
    await this.page.getByLabel('Article HTML').fill(html);
    await this.fillMeta(meta);
    await this.submit();
  }

  async importUrl(url: string, meta: ArticleMeta = {}) {
    await this.page.getByLabel('Import from a web address').check();
    await this.page.getByLabel('Web address', { exact: true }).fill(url);
    await this.fillMeta(meta);
    await this.submit();
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Add article' }).click();
  }

  /** The error shown beside a field. */
  fieldError(label: string) {
    return this.page.getByLabel(label, { exact: true }).locator('xpath=following-sibling::p[1]');
  }
}
