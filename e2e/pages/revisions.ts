import { expect, type Page } from '@playwright/test';
import { runSetup } from '../support/setup';

export type SeededArticle = { id: number; slug: string; claims: { id: number; slug: string }[]; claimant?: { id: number; slug: string } };

/**
 * An article with claims on `quotes`, stored directly in the e2e database (test setup):
 * published unless `published` is false, saying `statements[i]` (else the quote), naming a
 * new party `claimant` when given.
 */
export function articleWithClaims(input: {
  title: string;
  body: string;
  quotes: string[];
  statements?: string[];
  claimant?: string;
  published?: boolean;
}): SeededArticle {
  return runSetup<SeededArticle>('article-with-claims.ts', input);
}

/** What an editor does when an article changes: record the new text, then review the claims. */
export class RevisionPages {
  constructor(readonly page: Page) {}

  async submitRevision(articleId: number, body: string) {
    await this.page.goto(`/edit/articles/${articleId}/revise`);
    await this.page.getByLabel('Updated text').fill(body);
    await this.page.getByRole('button', { name: 'Save revision' }).click();
    await expect(this.page.getByRole('heading', { name: 'Needs review', level: 1 })).toBeVisible();
  }

  /** The review card of one claim, found by its statement. */
  reviewCard(statement: string) {
    return this.page.getByRole('region', { name: statement });
  }
}
