import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export type SeededArticle = { id: number; slug: string; claims: { id: number; slug: string }[] };

/** An article with published claims on `quotes`, stored directly in the e2e database (test setup). */
export function articleWithClaims(input: { title: string; body: string; quotes: string[] }): SeededArticle {
  const root = path.resolve(__dirname, '..', '..');
  const out = execFileSync(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    ['--conditions=react-server', 'e2e/support/article-with-claims.ts', JSON.stringify(input)],
    { cwd: root, env: { ...process.env, DATABASE_PATH: process.env.E2E_DATABASE_PATH } },
  );
  return JSON.parse(out.toString().trim().split('\n').at(-1)!) as SeededArticle;
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
