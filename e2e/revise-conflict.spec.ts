import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { AuthPages } from './pages/auth';
import { articleWithClaims } from './pages/revisions';

const QUOTE = 'the tram line will reach the airport by 2028';
const BODY = [`The transport board said ${QUOTE}.`, 'Construction starts in the autumn.'].join('\n\n');

// Issue 16: two editors revise one article at once; the second save must not silently win.
test('a revision written against an older one is refused with the editor’s text kept, and saved once they have seen the other', async ({
  page,
  auth,
  browser,
}) => {
  const article = articleWithClaims({ title: `Tram plans ${randomUUID().slice(0, 6)}`, body: BODY, quotes: [QUOTE] });
  await auth.signedIn('editor');
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await new AuthPages(other).signedIn('editor', 'Second editor');

  // Both open the revise form on the same revision.
  await page.goto(`/edit/articles/${article.id}/revise`);
  await other.goto(`/edit/articles/${article.id}/revise`);

  // The other editor saves first.
  await other.getByLabel('Updated text').fill(`${BODY}\n\nUpdate: the board confirmed the date on Tuesday.`);
  await other.getByRole('button', { name: 'Save revision' }).click();
  await expect(other.getByRole('heading', { name: 'Needs review', level: 1 })).toBeVisible();

  // This editor's save, from the older form, is refused; the pasted text (CRLF, Arabic, emoji) stays.
  const mine = `تحديث 🚋\r\n\r\n${BODY}\r\n\r\nCorrection: the airport stop opens a year later.`;
  await page.getByLabel('Updated text').fill(mine);
  await page.getByRole('button', { name: 'Save revision' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Another editor saved a newer revision' })).toContainText('Your text is kept below');
  await expect(page.getByLabel('Updated text')).toHaveValue(mine.replaceAll('\r\n', '\n'));
  await expect(page.getByText('Update: the board confirmed the date on Tuesday.')).toBeVisible();

  // Having seen it, the editor saves again: it goes on top of the other revision.
  await page.getByRole('button', { name: 'Save revision' }).click();
  await expect(page.getByRole('heading', { name: 'Needs review', level: 1 })).toBeVisible();
  await otherContext.close();
});
