import { expect, type Locator, type Page } from '@playwright/test';

/** The annotator (/edit/articles/[id]): article text, claim panel, suggestions, claim editor. */
export class AnnotatorPage {
  constructor(readonly page: Page) {}

  text(): Locator {
    return this.page.getByRole('textbox', { name: 'Article text' });
  }

  panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Claim panel' });
  }

  /** The claim editor form of the open claim. */
  editor(): Locator {
    return this.panel().getByRole('form', { name: 'Edit claim' });
  }

  /** The create step's form. */
  createForm(): Locator {
    return this.panel().getByRole('form', { name: 'New claim' });
  }

  async open(articleId: number) {
    await this.page.goto(`/edit/articles/${articleId}`);
    await expect(this.text()).toBeVisible();
  }

  /** The article id from the current URL. */
  articleId(): number {
    return Number(new URL(this.page.url()).pathname.split('/')[3]);
  }

  /** Drags the mouse across `quote` (its first occurrence in the article text). */
  async selectWithMouse(quote: string) {
    const box = await this.text().evaluate(async (root, quote) => {
      const segments = [...root.querySelectorAll<HTMLElement>('[data-start]')];
      const body = new Map(segments.map((s) => [Number(s.dataset.start), s]));
      const full = segments.map((s) => s.textContent).join('');
      // Offsets of the quote in the concatenated segments, mapped back to a text node each.
      const at = full.indexOf(quote);
      if (at < 0) throw new Error(`Not in the article: ${quote}`);
      const locate = (n: number) => {
        let seen = 0;
        for (const s of body.values()) {
          const length = s.textContent!.length;
          if (n < seen + length) return { node: s.firstChild!, offset: n - seen };
          seen += length;
        }
        throw new Error('out of range');
      };
      const rectOf = (n: number) => {
        const { node, offset } = locate(n);
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect();
      };
      (locate(at).node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      // Paragraphs scrolled into view are laid out only now (content-visibility) and may move
      // the passage: measure again after each frame until it stays put.
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      let box = '';
      for (let i = 0; i < 10; i++) {
        await frame();
        const first = rectOf(at);
        const last = rectOf(at + quote.length - 1);
        const next = JSON.stringify({ x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 });
        if (next === box) break;
        box = next;
      }
      return JSON.parse(box) as { x1: number; y1: number; x2: number; y2: number };
    }, quote);
    await this.page.mouse.move(box.x1, box.y1);
    await this.page.mouse.down();
    await this.page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
    await this.page.mouse.move(box.x2, box.y2, { steps: 4 });
    await this.page.mouse.up();
  }

  /** Selects the passage with the mouse and presses the floating "Create claim" button. */
  async startClaim(quote: string) {
    await this.selectWithMouse(quote);
    await this.page.getByRole('button', { name: 'Create claim' }).click();
    await expect(this.panel().getByRole('heading', { name: 'New claim' })).toBeVisible();
    await expect(this.panel().getByRole('blockquote')).toHaveText(quote);
  }

  /** Creates a claim from a passage; returns to the claim editor of the new claim. */
  async createClaim(quote: string, { statement, newParty }: { statement?: string; newParty?: string } = {}) {
    await this.startClaim(quote);
    const form = this.createForm();
    if (statement) await form.getByLabel('Statement').fill(statement);
    if (newParty) await form.getByLabel('Or a new party').fill(newParty);
    await form.getByRole('button', { name: 'Create claim' }).click();
    await expect(this.editor()).toBeVisible();
    await expect(this.page).toHaveURL(/\?claim=\d+/);
    // The article text shows the new claim as the open one once it has caught up with the panel.
    await expect.poll(() => this.highlighted('claimline-open')).toEqual([quote]);
  }

  /** Sets status (with its note) and publication in the open claim editor, then saves. */
  async setStatus(status: string, note: string, { publish, correction }: { publish?: boolean; correction?: string } = {}) {
    const form = this.editor();
    await form.getByLabel('Status', { exact: true }).selectOption({ label: status });
    await form.getByLabel('Why this status').fill(note);
    if (correction !== undefined) await form.getByLabel('Correction note (public)').fill(correction);
    if (publish !== undefined) await form.getByLabel('Published (readers can see this claim)').setChecked(publish);
    await this.save();
  }

  /** Moves the open claim through the workflow with the panel's buttons (e.g. "Start checking", "Ask for review"). */
  async move(...labels: string[]) {
    for (const label of labels) {
      const version = await this.version();
      await this.panel().getByRole('button', { name: new RegExp(`^${label}:`) }).click();
      await expect(this.panel()).toContainText(`version ${version + 1}`);
    }
  }

  /** Sets status and note and presses "Save and ask for review" (sign-off on, claim not yet public). */
  async saveForReview(status: string, note: string) {
    const form = this.editor();
    await form.getByLabel('Status', { exact: true }).selectOption({ label: status });
    await form.getByLabel('Why this status').fill(note);
    const version = await this.version();
    await form.getByRole('button', { name: 'Save and ask for review' }).click();
    await expect(this.panel()).toContainText(`version ${version + 1}`);
  }

  async save() {
    const version = await this.version();
    await this.editor().getByRole('button', { name: 'Save claim' }).click();
    await expect(this.panel()).toContainText(`version ${version + 1}`);
  }

  async version(): Promise<number> {
    const text = await this.panel().getByText(/Claim \d+ · version \d+/).textContent();
    return Number(/version (\d+)/.exec(text ?? '')![1]);
  }

  /** The text of each range of a CSS custom highlight the annotator draws (the open claim, the passage being claimed). */
  async highlighted(name: 'claimline-open' | 'claimline-pending'): Promise<string[]> {
    return this.page.evaluate(
      (name) =>
        [...(CSS.highlights.get(name) ?? [])].map((range) => {
          // The article's words only, without the claim numbers drawn between them.
          const copy = (range as Range).cloneContents();
          copy.querySelectorAll('[aria-hidden="true"]').forEach((ref) => ref.remove());
          return copy.textContent;
        }),
      name,
    );
  }

  /** Presses Tab until the element with this accessible name has focus. */
  async tabTo(target: Locator, maxPresses = 40) {
    for (let i = 0; i < maxPresses; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.page.keyboard.press('Tab');
    }
    await expect(target).toBeFocused();
  }
}
