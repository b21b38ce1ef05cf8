import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { runSetup } from './support/setup';

// An article whose every reader-visible field is an attack string (script tags, event
// attributes, javascript: URLs, SVG payloads, a JSON-LD breakout), written through the
// app's queries. Every reader and editor page, feed, badge and API answer must show it
// as inert text.

type Hostile = { articleId: number; articleSlug: string; claimId: number; claimSlug: string; partySlug: string };

function seedHostile(): Hostile {
  return runSetup<Hostile>('seed-hostile.ts', null);
}

/** Opens each page and fails if any payload ran: a dialog, window.xss, a live javascript: link or an iframe. */
async function expectInert(page: Page, urls: string[]) {
  const dialogs: string[] = [];
  const onDialog = async (dialog: { message(): string; dismiss(): Promise<void> }) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  };
  page.on('dialog', onDialog);
  for (const url of urls) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await page.waitForLoadState('load');
    // Move across the page once, for payloads that would need an event attribute to fire.
    await page.mouse.move(10, 10);
    await page.mouse.move(600, 500, { steps: 5 });
    expect(await page.evaluate(() => (window as unknown as { xss?: unknown }).xss), url).toBeUndefined();
    expect(await page.locator('a[href^="javascript:" i], [srcdoc], iframe').count(), url).toBe(0);
  }
  page.off('dialog', onDialog);
  expect(dialogs).toEqual([]);
}

/** The HTML a feed reader sees in an Atom type="html" element: CDATA as it is, otherwise XML-unescaped. */
const htmlInAtom = (content: string) =>
  content.startsWith('<![CDATA[')
    ? content.slice(9, -3)
    : content.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Markup that only an injection could have put into a feed, badge or API answer. */
const LIVE_MARKUP = /<(script|img|iframe|a\s)[^>]*>|<svg[^>]*onload/i;

test.describe('hostile content', () => {
  let hostile: Hostile;
  test.beforeAll(() => {
    hostile = seedHostile();
  });

  test('renders as text on every reader page: no dialog, no script, no javascript: link', async ({ page }) => {
    await expectInert(page, [
      '/',
      `/articles/${hostile.articleSlug}`,
      `/claims/${hostile.claimId}/${hostile.claimSlug}`,
      `/parties/${hostile.partySlug}`,
      '/claims?q=hostile',
      `/claims/${hostile.claimId}/badge.svg`,
    ]);

    // The attack strings are there, as words a reader can see.
    await page.goto(`/claims/${hostile.claimId}/${hostile.claimSlug}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('</script><script>window.xss="json-ld-breakout"</script>');
    await expect(page.getByText('<script>alert("script-tag")</script>').first()).toBeVisible();
    // Another fact-checker's review confirmed for the claim: its name and rating are text too.
    await expect(page.getByText(/Also checked by Desk <img src=x onerror=/)).toBeVisible();
  });

  test('renders as text in the editor workspace too', async ({ page, auth }) => {
    await auth.signedIn('editor');
    await expectInert(page, [
      '/edit',
      `/edit/articles/${hostile.articleId}`,
      `/edit/articles/${hostile.articleId}?claim=${hostile.claimId}`,
      `/edit/claims/${hostile.claimId}`,
      '/edit/parties',
      '/edit/external-reviews',
    ]);
  });

  test('feeds, badge and the JSON API escape it', async ({ request }) => {
    const answers = [
      `/claims/${hostile.claimId}/badge.svg`,
      `/claims/${hostile.claimId}/feed.atom`,
      `/articles/${hostile.articleSlug}/feed.atom`,
      `/parties/${hostile.partySlug}/feed.atom`,
      '/feeds/claims.atom',
      '/feeds/claim-reviews.json',
      `/claims/${hostile.claimId}/annotation.jsonld`,
      `/api/v1/claims/${hostile.claimId}`,
      '/api/v1/claims',
      '/api/v1/export/claims.json',
      '/api/v1/export/claims.csv',
    ];
    for (const url of answers) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      const type = response.headers()['content-type'] ?? '';
      expect(type, url).not.toContain('text/html');
      expect(response.headers()['x-content-type-options'], url).toBe('nosniff');
      const body = await response.text();
      if (/json/.test(type)) {
        expect(() => JSON.parse(body), url).not.toThrow();
        continue;
      }
      if (/csv/.test(type)) continue;
      // XML (Atom, SVG): user text must never become elements.
      expect(body.replace(/^<svg[^>]*>/, ''), url).not.toMatch(LIVE_MARKUP);
      // Atom type="html" content is markup for the feed reader: decoded once, it must still be inert.
      for (const [, , content = ''] of body.matchAll(/<(\w+)[^>]*type="html"[^>]*>([\s\S]*?)<\/\1>/g)) {
        expect(htmlInAtom(content), url).not.toMatch(LIVE_MARKUP);
      }
    }
  });

  test('hostile Markdown on a policy page renders inert for readers', async ({ page, auth, browser }) => {
    await auth.signedIn('admin');
    await page.goto('/edit/policies/contact');
    const markdown = [
      '## Write to us',
      '<script>window.xss = "policy-script"</script>',
      '<img src=x onerror="window.xss = \'policy-img\'">',
      '[Click for the tip line](javascript:window.xss="policy-link")',
      '[Also this](JaVaScRiPt:alert(1)) and <a href="javascript:alert(2)">raw link</a>',
      '![A tracking pixel](https://tracker.example/pixel.png)',
      '<iframe src="https://evil.example/"></iframe>',
      'Last line stays visible.',
      // A text of its own each attempt: publishing the text readers already see is refused.
      `Checked ${new Date().toISOString()}.`,
    ].join('\n\n');
    await page.getByLabel('Text (Markdown)').fill(markdown);
    await page.getByRole('button', { name: 'Publish this version' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();

    const reader = await (await browser.newContext({ baseURL: `http://127.0.0.1:${process.env.E2E_PORT}` })).newPage();
    await expectInert(reader, ['/about/contact', '/about/contact/history']);
    await reader.goto('/about/contact');
    const text = reader.locator('.policy-text');
    await expect(text).toContainText('<script>window.xss = "policy-script"</script>');
    await expect(text).toContainText('A tracking pixel');
    await expect(text).toContainText('Last line stays visible.');
    expect(await text.locator('img, script, iframe').count()).toBe(0);
    await reader.context().close();
  });
});
