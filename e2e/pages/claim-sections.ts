import { expect, type Page } from '@playwright/test';
import { shownMessages } from './messages';
import { ReaderPages } from './reader';

export type SourceFields = {
  url?: string;
  title?: string;
  publisher?: string;
  publishedOn?: string;
  relation?: 'Supports' | 'Contradicts' | 'Context';
  excerpt?: string;
};

export type ResponseFields = {
  party?: string;
  newParty?: string;
  newPartyKind?: 'Person' | 'Organization' | 'Government' | 'Media';
  requestedOn?: string;
  deadline?: string;
  stance?: string;
  quote?: string;
  respondedOn?: string;
  link?: string;
};

/** The sources and responses of one claim on its editor page (/edit/claims/[id]), and the parties pages. */
export class ClaimSections {
  constructor(readonly page: Page) {}

  async open(claimId: number) {
    await this.page.goto(`/edit/claims/${claimId}`);
    await expect(this.sources()).toBeVisible();
  }

  /** The id of a published claim, found as a reader finds it: article, then highlight. */
  async claimIdFromReader(articleTitle: string, highlight: string): Promise<number> {
    const reader = new ReaderPages(this.page);
    await reader.openHome();
    await reader.openArticle(articleTitle);
    await this.page.locator('.article-body mark a', { hasText: highlight }).click();
    await expect(this.page).toHaveURL(/\/claims\/\d+\//);
    return Number(/\/claims\/(\d+)\//.exec(this.page.url())![1]);
  }

  sources() {
    return this.page.getByRole('region', { name: 'Sources' });
  }

  responses() {
    return this.page.getByRole('region', { name: 'Responses' });
  }

  /** The form's alert or status message. */
  /** The forms' messages, not a cited source's "A copy is being made…" / "Making a copy failed…" status line beside it. */
  message() {
    return shownMessages(this.page, { statuses: true }).filter({ hasNotText: /^(A copy is being made|Making a copy failed)/ });
  }

  private async fillSource(form: ReturnType<Page['getByRole']>, f: SourceFields) {
    if (f.url !== undefined) await form.getByLabel('Web address').fill(f.url);
    if (f.title !== undefined) await form.getByLabel('Title').fill(f.title);
    if (f.publisher !== undefined) await form.getByLabel('Publisher').fill(f.publisher);
    if (f.publishedOn !== undefined) await form.getByLabel('Published on').fill(f.publishedOn);
    if (f.relation !== undefined) await form.getByLabel('Relation').selectOption({ label: f.relation });
    if (f.excerpt !== undefined) await form.getByLabel('Excerpt').fill(f.excerpt);
  }

  async addSource(f: SourceFields) {
    await this.sources().getByText('Add a source', { exact: true }).click();
    const form = this.page.getByRole('form', { name: 'Add a source' });
    await this.fillSource(form, f);
    await form.getByRole('button', { name: 'Add source' }).click();
    return form;
  }

  async editSource(title: string, f: SourceFields) {
    const item = this.sources().getByRole('listitem', { name: title });
    await item.getByText('Edit', { exact: true }).click();
    const form = item.getByRole('form', { name: `Edit source ${title}` });
    await this.fillSource(form, f);
    await form.getByRole('button', { name: 'Save source' }).click();
  }

  async removeSource(title: string) {
    await this.sources().getByRole('button', { name: `Remove source ${title}` }).click();
    await expect(this.sources().getByRole('listitem', { name: title })).toHaveCount(0);
  }

  private async fillResponse(form: ReturnType<Page['getByRole']>, f: ResponseFields) {
    if (f.party !== undefined) await form.getByLabel('Party', { exact: true }).selectOption({ label: f.party });
    if (f.newParty !== undefined) await form.getByLabel('Or a new party').fill(f.newParty);
    if (f.newPartyKind !== undefined) await form.getByLabel('Kind of new party').selectOption({ label: f.newPartyKind });
    if (f.requestedOn !== undefined) await form.getByLabel('Comment requested on').fill(f.requestedOn);
    if (f.deadline !== undefined) await form.getByLabel('Reply deadline').fill(f.deadline);
    if (f.stance !== undefined) await form.getByLabel('Stance').selectOption({ label: f.stance });
    if (f.quote !== undefined) await form.getByLabel('Quote').fill(f.quote);
    if (f.respondedOn !== undefined) await form.getByLabel('Responded on').fill(f.respondedOn);
    if (f.link !== undefined) await form.getByLabel('Link to the response').fill(f.link);
  }

  async addResponse(f: ResponseFields) {
    await this.responses().getByText('Add a response or request for comment').click();
    const form = this.page.getByRole('form', { name: 'Add a response' });
    await this.fillResponse(form, f);
    await form.getByRole('button', { name: 'Add response' }).click();
    return form;
  }

  async editResponse(party: string, f: ResponseFields) {
    const item = this.responses().getByRole('listitem', { name: `Response from ${party}` });
    await item.getByText('Edit', { exact: true }).click();
    const form = item.getByRole('form', { name: `Edit response from ${party}` });
    await this.fillResponse(form, f);
    await form.getByRole('button', { name: 'Save response' }).click();
  }

  async removeResponse(party: string) {
    await this.responses().getByRole('button', { name: `Remove response from ${party}` }).click();
    await expect(this.responses().getByRole('listitem', { name: `Response from ${party}` })).toHaveCount(0);
  }

  async createParty(name: string, kind = 'Organization') {
    await this.page.goto('/edit/parties');
    const form = this.page.getByRole('form', { name: 'New party' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Kind').selectOption({ label: kind });
    await form.getByRole('button', { name: 'Create party' }).click();
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }

  /** Opens `keep`'s page (through the search) and merges `duplicate` into it. */
  async mergeParties(keep: string, duplicate: string) {
    await this.page.goto('/edit/parties');
    await this.page.getByLabel('Search by name').fill(keep);
    await this.page.getByRole('button', { name: 'Search' }).click();
    await this.page.getByRole('link', { name: keep, exact: true }).click();
    const form = this.page.getByRole('form', { name: 'Merge a duplicate' });
    await form.getByLabel('Duplicate to merge').selectOption({ label: duplicate });
    await form.getByRole('button', { name: `Merge into ${keep}` }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Parties merged.' })).toBeVisible();
  }
}
