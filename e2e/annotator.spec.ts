import { expect, test } from './fixtures';
import { AnnotatorPage } from './pages/annotator';
import { AuthPages } from './pages/auth';
import { articleWithClaims } from './pages/revisions';

// Emoji, RTL and combining marks before the passages: positions must agree between browser and server.
const ARTICLE = [
  'Harbour festival 🎉🎊 drew crowds to the quay on Saturday, police said. שלום and مرحبا greeted visitors from abroad.',
  'The organisers said 18,000 people attended, up from 12,000 last year. Cafe\u0301 owners reported record takings.',
  'The weather was mild and the boats were decorated with flags.',
].join('\n\n');

/** The article stored with the app's own query (pasting it in is intake.spec's), open in the annotator. */
async function newArticle(page: import('@playwright/test').Page, title: string) {
  const { id } = articleWithClaims({ title, body: ARTICLE, quotes: [] });
  const annotator = new AnnotatorPage(page);
  await annotator.open(id);
  return annotator;
}

test.describe('annotator', () => {
  test('a mouse selection after emoji, RTL text and combining marks becomes a claim with the same quote', async ({ page, auth }) => {
    await auth.signedIn('editor');
    const annotator = await newArticle(page, 'Festival crowds');
    const quote = '18,000 people attended, up from 12,000 last year';
    await annotator.createClaim(quote, { newParty: 'Festival organisers' });
    const panel = annotator.panel();
    await expect(panel.getByRole('blockquote')).toHaveText(quote);
    await expect(annotator.editor().getByLabel('Statement')).toHaveValue(quote);
    await expect(annotator.editor().getByLabel('Who made the claim')).toHaveValue(/\d+/);
    // The new claim is drawn on the text and listed; its passage no longer appears as a suggestion.
    await expect(annotator.text().locator('mark')).toHaveText([quote]);
    await expect(page.getByRole('region', { name: /1 claim in this article/ })).toContainText(quote);
    await expect(page.getByRole('region', { name: /Suggestions/ })).not.toContainText('18,000');

    // A second selection that crosses the first highlight (overlapping claims are allowed).
    await annotator.createClaim('The organisers said 18,000 people');
    await expect(page.getByRole('region', { name: /2 claims in this article/ })).toBeVisible();

    // Clicking a highlight opens its claim; back returns to the previous one.
    const url = page.url();
    await annotator.text().locator('mark', { hasText: 'up from 12,000' }).click();
    await expect(annotator.editor().getByLabel('Statement')).toHaveValue(quote);
    await expect.poll(() => annotator.highlighted('claimline-open')).toEqual([quote]);
    await page.goBack();
    await expect(page).toHaveURL(url);
    await expect(annotator.editor().getByLabel('Statement')).toHaveValue('The organisers said 18,000 people');
  });

  test('a claim is created, filled in and saved with the keyboard alone', async ({ page, auth }) => {
    await auth.signedIn('editor');
    await newArticle(page, 'Festival by keyboard');
    const annotator = new AnnotatorPage(page);
    await page.goto(page.url());
    await annotator.tabTo(annotator.text());
    // The caret starts at the beginning: select "Harbour festival" with Shift and the arrow keys.
    for (let i = 0; i < 'Harbour festival'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('c');
    const create = annotator.createForm();
    await expect(create.getByRole('blockquote')).toHaveText('Harbour festival');
    await expect.poll(() => annotator.highlighted('claimline-pending')).toEqual(['Harbour festival']);
    await expect(create.getByLabel('Statement')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('The harbour festival drew crowds on Saturday.');
    await annotator.tabTo(create.getByLabel('Or a new party'));
    await page.keyboard.type('Quay Weekly');
    await annotator.tabTo(create.getByRole('button', { name: 'Create claim' }));
    await page.keyboard.press('Enter');

    const panel = annotator.editor();
    await expect(panel).toBeVisible();
    await annotator.tabTo(panel.getByLabel('Status', { exact: true }));
    await page.keyboard.type('Confirmed');
    await annotator.tabTo(panel.getByLabel('Why this status'));
    await page.keyboard.type('Police counted the crowd.');
    await annotator.tabTo(panel.getByRole('button', { name: 'Save claim' }));
    await page.keyboard.press('Enter');
    await expect(annotator.panel()).toContainText('version 2');
    await expect(panel.getByLabel('Status', { exact: true })).toHaveValue('confirmed');
    await expect(panel.getByLabel('Statement')).toHaveValue('The harbour festival drew crowds on Saturday.');
    // Workflow buttons are reachable by keyboard too.
    await annotator.tabTo(annotator.panel().getByRole('button', { name: /^Start checking:/ }));
    await page.keyboard.press('Enter');
    await expect(annotator.panel()).toContainText('Workflow: In progress');
  });

  test('a status change needs a note; the error keeps what was typed', async ({ page, auth }) => {
    await auth.signedIn('editor');
    const annotator = await newArticle(page, 'Festival notes');
    // Stored text is NFC: the decomposed é typed into the article is one character now.
    await annotator.createClaim('Cafe\u0301 owners reported record takings'.normalize('NFC'));
    const panel = annotator.editor();
    await panel.getByLabel('Statement').fill('Café owners had record takings.');
    await panel.getByLabel('Status', { exact: true }).selectOption({ label: 'Disputed' });
    await panel.getByRole('button', { name: 'Save claim' }).click();
    await expect(panel.getByText('The status changes: write a note saying why.')).toBeVisible();
    await expect(panel.getByLabel('Statement')).toHaveValue('Café owners had record takings.');
    await expect(panel.getByLabel('Status', { exact: true })).toHaveValue('disputed');
    await expect(annotator.panel()).toContainText('version 1');
    await annotator.setStatus('Disputed', 'The owners’ association says takings fell.');
    await expect(panel.getByLabel('Why this status')).toHaveValue('The owners’ association says takings fell.');
  });

  test('conflicting edits: the second save shows the other change and keeps the second editor’s input', async ({ page, auth, browser }) => {
    await auth.signedIn('editor', 'First');
    const first = await newArticle(page, 'Festival conflict');
    await first.createClaim('18,000 people attended');
    const claimUrl = page.url();

    const context = await browser.newContext();
    const otherPage = await context.newPage();
    await new AuthPages(otherPage).signedIn('editor', 'Second');
    await otherPage.goto(claimUrl);
    const second = new AnnotatorPage(otherPage);
    await expect(second.editor().getByLabel('Statement')).toHaveValue('18,000 people attended');

    // The first editor saves a change.
    await first.editor().getByLabel('Statement').fill('About 18,000 people attended the festival.');
    await first.setStatus('Confirmed', 'Ticket sales match.');

    // The second editor, still on version 1, saves theirs.
    const panel = second.editor();
    await panel.getByLabel('Statement').fill('Organisers claim 18,000 visitors.');
    await panel.getByLabel('Status', { exact: true }).selectOption({ label: 'Disputed' });
    await panel.getByLabel('Why this status').fill('Police counted fewer.');
    await panel.getByRole('button', { name: 'Save claim' }).click();
    await expect(panel.getByRole('alert').filter({ hasText: 'Someone else saved this' })).toBeVisible();
    const theirs = panel.getByRole('region', { name: 'Their saved version' });
    await expect(theirs).toContainText('About 18,000 people attended the festival.');
    await expect(theirs).toContainText('Confirmed');
    await expect(theirs).toContainText('Ticket sales match.');
    // Their own input is still in the fields.
    await expect(panel.getByLabel('Statement')).toHaveValue('Organisers claim 18,000 visitors.');
    await expect(panel.getByLabel('Status', { exact: true })).toHaveValue('disputed');
    await expect(panel.getByLabel('Why this status')).toHaveValue('Police counted fewer.');

    // Saving over theirs is a deliberate choice.
    await panel.getByRole('button', { name: 'Save mine over theirs' }).click();
    await expect(second.panel()).toContainText('version 3');
    await expect(panel.getByLabel('Statement')).toHaveValue('Organisers claim 18,000 visitors.');
    await first.page.reload();
    await expect(first.editor().getByLabel('Status', { exact: true })).toHaveValue('disputed');
    await context.close();
  });

  test('taking the other editor’s version after a conflict', async ({ page, auth, browser }) => {
    await auth.signedIn('editor', 'First');
    const first = await newArticle(page, 'Festival take theirs');
    await first.createClaim('the boats were decorated with flags');
    const context = await browser.newContext();
    const otherPage = await context.newPage();
    await new AuthPages(otherPage).signedIn('editor', 'Second');
    await otherPage.goto(page.url());
    const second = new AnnotatorPage(otherPage);
    await first.editor().getByLabel('Statement').fill('Boats carried flags.');
    await first.save();
    await second.editor().getByLabel('Statement').fill('Every boat flew flags.');
    await second.panel().getByRole('button', { name: 'Save claim' }).click();
    await second.panel().getByRole('button', { name: 'Take theirs' }).click();
    await expect(second.editor().getByLabel('Statement')).toHaveValue('Boats carried flags.');
    await expect(second.panel()).toContainText('version 2');
    await expect(second.panel().getByRole('button', { name: 'Save claim' })).toBeVisible();
    await context.close();
  });

  test('similar claims from other articles are offered; linking records another appearance', async ({ page, auth }) => {
    await auth.signedIn('editor');
    const annotator = await newArticle(page, 'Festival original');
    await annotator.createClaim('18,000 people attended, up from 12,000 last year');
    const original = page.url();
    const again = await newArticle(page, 'Festival repeated');
    await again.startClaim('18,000 people attended, up from 12,000 last year');
    const similar = again.panel().getByRole('region', { name: 'Already tracked elsewhere?' });
    await expect(similar).toContainText('in “Festival original” (draft)');
    await similar.getByRole('listitem').filter({ hasText: 'Festival original' }).getByRole('button', { name: /Link as another appearance of claim/ }).click();
    await expect(again.panel().getByRole('heading', { name: 'Edit claim' })).toBeVisible();
    await expect(page.getByRole('region', { name: /1 claim in this article/ })).toContainText('(also in another article)');
    await expect(again.text().locator('mark')).toHaveText(['18,000 people attended, up from 12,000 last year']);
    await page.goto(original);
    await expect(page.getByRole('region', { name: /1 claim in this article/ })).not.toContainText('also in another article');
  });

  test('suggestions: accept creates the claim, dismiss is remembered', async ({ page, auth }) => {
    await auth.signedIn('editor');
    const annotator = await newArticle(page, 'Festival suggestions');
    const suggestions = page.getByRole('region', { name: /Suggestions/ });
    await expect(suggestions).toContainText('The organisers said 18,000 people attended, up from 12,000 last year.');
    await suggestions.getByRole('button', { name: /Dismiss suggestion: Harbour festival/ }).click();
    await expect(suggestions).not.toContainText('Harbour festival');
    await suggestions.getByRole('button', { name: /Accept suggestion: The organisers said/ }).click();
    await expect(annotator.editor().getByLabel('Statement')).toHaveValue('The organisers said 18,000 people attended, up from 12,000 last year.');
    await page.reload();
    await expect(suggestions).not.toContainText('Harbour festival');
    await expect(suggestions).not.toContainText('The organisers said');
  });

  test.describe('with its request aborted on purpose', () => {
    // The browser's action request is captured and aborted: the page's "Failed to fetch" is this test's own doing.
    test.use({ failOnPageErrors: false });

    test('posting to the annotator’s actions without a session changes nothing', async ({ page, auth, playwright, baseURL }) => {
      await auth.signedIn('editor');
      await newArticle(page, 'Festival anonymous');
      const suggestions = page.getByRole('region', { name: /Suggestions/ });
      const accept = suggestions.getByRole('button', { name: /Accept suggestion: The organisers said/ });
      // Capture the browser's real action request, without letting it through.
      let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
      await page.route('**/edit/articles/**', async (route) => {
        const request = route.request();
        if (request.method() === 'POST' && request.headers()['next-action']) {
          captured = { url: request.url(), headers: request.headers(), body: request.postDataBuffer()! };
          await route.abort();
        } else {
          await route.continue();
        }
      });
      await accept.click();
      await expect.poll(() => captured).not.toBeNull();
      await page.unroute('**/edit/articles/**');

      const anonymous = await playwright.request.newContext({ baseURL });
      const headers = Object.fromEntries(Object.entries(captured!.headers).filter(([name]) => name !== 'cookie'));
      const response = await anonymous.post(captured!.url, { headers, data: captured!.body });
      expect(await response.text()).toContain('Please sign in to do this.');
      await anonymous.dispose();

      await page.reload();
      await expect(page.getByRole('region', { name: /0 claims in this article/ })).toBeVisible();
      await expect(suggestions).toContainText('The organisers said 18,000 people attended');
    });
  });

  test('selecting a whole long article and pressing C says the passage is too long, before any typing', async ({ page, auth }) => {
    await auth.signedIn('editor');
    // About 26,000 characters: a long report pasted whole, in three scripts.
    const paragraph = 'The harbour office said 40 ships called in March — «أربعون سفينة» — 港口办公室说有四十艘船 🚢. ';
    const body = Array.from({ length: 30 }, (_, i) => `${i + 1}. ${paragraph.repeat(10)}`).join('\n\n');
    const { id } = articleWithClaims({ title: 'Harbour report, in full', body, quotes: [] });
    const annotator = new AnnotatorPage(page);
    await annotator.open(id);
    await annotator.text().click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('c');
    await expect(annotator.panel().getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
      /^The selected passage is [\d,]+ characters long; a claim quotes at most 20,000\. Select the sentence or paragraph that makes the claim\.$/,
    );
    await expect(annotator.createForm()).toHaveCount(0);
    await annotator.panel().getByRole('link', { name: 'Cancel' }).click();
    await expect(annotator.panel().getByRole('heading', { name: 'No claim open' })).toBeVisible();
    // A passage of a paragraph still makes a claim.
    await annotator.open(id);
    await annotator.createClaim(`2. ${paragraph.trim()}`);
    await expect(annotator.editor().getByLabel('Statement')).toHaveValue(`2. ${paragraph.trim()}`);
  });
});
