import { expect, test } from './fixtures';
import { AnnotatorPage } from './pages/annotator';
import { runSetup } from './support/setup';

type LongArticle = { id: number; claims: { id: number; quote: string; start: number }[]; free: { quote: string; start: number }[] };

// How long it takes is measured by `npm run bench:annotator`; this checks that nothing is lost on the way.
test('a 50,000-word article with 200 claims: a new claim is drawn and numbered, another opens from its highlight', async ({ page, auth }) => {
  test.setTimeout(120_000);
  await auth.signedIn('editor');
  const article = runSetup<LongArticle>('long-article.ts', { title: 'A very long council report', words: 50_000, claims: 200 });
  const annotator = new AnnotatorPage(page);
  await annotator.open(article.id);
  const list = page.getByRole('region', { name: /claims in this article/ });
  await expect(list.getByRole('heading')).toHaveText('200 claims in this article');

  // A passage in the middle: every claim after it moves up one number. (The status icon beside each number is drawn, not text.)
  const passage = article.free[Math.floor(article.free.length / 2)]!;
  const number = article.claims.filter((c) => c.start < passage.start).length + 1;
  await annotator.createClaim(passage.quote);
  const id = Number(new URL(page.url()).searchParams.get('claim'));
  await expect(annotator.text().locator(`mark[data-claim="${id}"]`)).toHaveText(passage.quote);
  await expect(annotator.text().locator(`.claim-ref[data-claim="${id}"]`)).toHaveText(`${number}`);
  await expect(annotator.editor().getByLabel('Statement')).toHaveValue(passage.quote);
  await expect(annotator.panel()).toContainText(`Claim ${id} · version 1`);
  await expect(list.getByRole('heading')).toHaveText('201 claims in this article');
  await expect(list.getByRole('listitem').filter({ hasText: passage.quote })).toContainText(`${number}.`);

  // The claim that came next keeps its highlight, now with the next number, and opens on a click.
  const next = article.claims[number - 1]!;
  await expect(annotator.text().locator(`.claim-ref[data-claim="${next.id}"]`)).toHaveText(`${number + 1}`);
  await annotator.text().locator(`mark[data-claim="${next.id}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`\\?claim=${next.id}$`));
  await expect(annotator.editor().getByLabel('Statement')).toHaveValue(next.quote);
  await expect.poll(() => annotator.highlighted('claimline-open')).toEqual([next.quote]);
  await expect(list.getByRole('link', { name: next.quote })).toHaveAttribute('aria-current', 'true');
  await expect(list.getByRole('link', { name: passage.quote })).not.toHaveAttribute('aria-current');
});
