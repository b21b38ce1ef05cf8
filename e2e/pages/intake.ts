import { expect, type Locator, type Page } from '@playwright/test';

/** Puts `text` into a text field at once, the way a paste arrives (one input event). */
export async function paste(field: Locator, text: string) {
  await expect(field).toBeEditable();
  await field.evaluate((el: HTMLTextAreaElement, value) => {
    el.value = value;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

export type ArticleMeta = { title?: string; outlet?: string; author?: string; publishedAt?: string };

const SOURCES = {
  text: { mode: 'Paste text', field: 'Article text' },
  html: { mode: 'Paste HTML', field: 'Article HTML' },
  url: { mode: 'Import from a web address', field: 'Web address' },
} as const;

/** The "New article" screen: the source step, then the preview of its paragraphs. */
export class IntakePage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/edit/articles/new');
    await expect(this.page.getByRole('heading', { name: 'New article' })).toBeVisible();
  }

  /** The preview step's heading; it takes the focus when the preview opens. */
  get previewHeading() {
    return this.page.getByRole('heading', { name: 'Check the paragraphs' });
  }

  /** The paragraphs as they will be stored. */
  get paragraphs() {
    return this.page.getByRole('list', { name: 'Paragraphs as they will be stored' }).getByRole('listitem');
  }

  /**
   * Chooses a source, puts `value` in its field and asks for the preview; does not wait for it.
   * `paste` sets the value in one input event, as a paste does: Playwright's `fill` of
   * multi-line text grows faster than its length (15 s for 200,000 CJK characters in 3,000
   * lines, over two minutes for 2 MB of HTML on a loaded machine).
   */
  async preview(kind: keyof typeof SOURCES, value: string, how: 'fill' | 'paste' = 'fill') {
    await this.page.getByLabel(SOURCES[kind].mode).check();
    const field = this.page.getByLabel(SOURCES[kind].field, { exact: true });
    if (how === 'fill') await field.fill(value);
    else await paste(field, value);
    await this.page.getByRole('button', { name: 'Preview paragraphs' }).click();
  }

  async fillMeta(meta: ArticleMeta) {
    if (meta.title !== undefined) await this.page.getByLabel('Headline').fill(meta.title);
    if (meta.outlet !== undefined) await this.page.getByLabel('Outlet').fill(meta.outlet);
    if (meta.author !== undefined) await this.page.getByLabel('Author').fill(meta.author);
    if (meta.publishedAt !== undefined) await this.page.getByLabel('Publication date').fill(meta.publishedAt);
  }

  /** From the preview: fills the article's details and creates it. */
  async create(meta: ArticleMeta = {}) {
    await expect(this.previewHeading).toBeVisible();
    await this.fillMeta(meta);
    await this.page.getByRole('button', { name: 'Create article' }).click();
  }

  async pasteText(text: string, meta: ArticleMeta) {
    await this.preview('text', text);
    await this.create(meta);
  }

  async pasteHtml(html: string, meta: ArticleMeta = {}) {
    await this.preview('html', html);
    await this.create(meta);
  }

  async importUrl(url: string, meta: ArticleMeta = {}) {
    await this.preview('url', url);
    await this.create(meta);
  }

  /** The error shown beside a field. */
  fieldError(label: string) {
    return this.page.getByLabel(label, { exact: true }).locator('xpath=following-sibling::p[1]');
  }
}
