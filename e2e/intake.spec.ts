import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { IntakePage } from './pages/intake';

const ARTICLE_HTML = `<!doctype html><html><head><title>Ferry timetable cut | Estuary Post</title>
<meta property="og:site_name" content="Estuary Post"><script>alert('import ran a script')</script></head>
<body><nav><a href="/">Home</a> · <a href="/sport">Sport</a></nav>
<article><h1>Ferry timetable cut to four crossings a day</h1>
<p>The estuary ferry will run four crossings a day from March instead of six, the operator said on Friday.</p>
<p>The operator blamed a shortage of qualified crew. “We cannot staff the early and late boats,” a spokesperson said.</p>
<p>Commuters from the north shore say the change adds forty minutes to a typical journey into town.</p></article>
<footer>Contact us</footer></body></html>`;

/** A small web server on loopback standing in for a news site. */
async function newsSite() {
  const server = http.createServer((req, res) => {
    if (req.url === '/ferry') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE_HTML);
    } else if (req.url === '/data.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"a":1}');
    } else {
      res.writeHead(404).end('missing');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** How many articles the workspace says there are: "1–50 of N" past one page, otherwise its items. */
const articleCount = async (page: import('@playwright/test').Page) => {
  await page.goto('/edit');
  const of = /of (\d+)/.exec((await page.getByRole('heading', { name: /^Articles/, level: 1 }).textContent()) ?? '');
  return of ? Number(of[1]) : page.getByRole('main').getByRole('listitem').count();
};

test.describe('adding an article', () => {
  test('by pasting text: stored as paragraphs with its metadata', async ({ page, auth }) => {
    await auth.signedIn('editor');
    const intake = new IntakePage(page);
    await intake.open();
    await intake.pasteText('The mill will close in May, the owners said.\r\n\r\n\r\nAbout 120 people work there.', {
      title: 'Mill to close in May',
      outlet: 'Weaver Gazette',
      author: 'Kit Arbuthnot',
      publishedAt: '2026-11-20',
    });
    await expect(page).toHaveURL(/\/edit\/articles\/\d+$/);
    await page.goto('/articles/mill-to-close-in-may');
    await expect(page.getByRole('heading', { name: 'Mill to close in May', level: 1 })).toBeVisible();
    await expect(page.getByText('Weaver Gazette · Kit Arbuthnot · 20 Nov 2026')).toBeVisible();
    await expect(page.locator('.article-body p')).toHaveText(['The mill will close in May, the owners said.', 'About 120 people work there.']);
  });

  // The page's scripts off (or not yet run): both steps post as pages, and the create step's one-time key,
  // drawn with the page and handed on by its preview, makes a post sent twice one article.
  test('without JavaScript: previewed, refused without a headline and kept, then created once however often it is sent', async ({ page, auth, browser }) => {
    await auth.signedIn('editor');
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const noScript = await context.newPage();
    const before = await articleCount(noScript);
    const tag = randomUUID().slice(0, 6);
    await noScript.goto('/edit/articles/new');
    await noScript.getByLabel('Article text', { exact: true }).fill(`The tram will reach the harbour by 2028 — «الميناء» 港口 🚋 ${tag}.\n\nEngineers doubt it: “not before 2031”.`);
    await noScript.getByRole('button', { name: 'Preview paragraphs' }).click();
    const intake = new IntakePage(noScript);
    await expect(intake.previewHeading).toBeVisible();
    await expect(intake.paragraphs).toHaveText([`The tram will reach the harbour by 2028 — «الميناء» 港口 🚋 ${tag}.`, 'Engineers doubt it: “not before 2031”.']);
    // No headline: refused, and the preview is drawn again with the reason beside the field and what was typed.
    await intake.fillMeta({ outlet: 'Tram Gazette — 电车报' });
    await noScript.getByRole('button', { name: 'Create article' }).click();
    await expect(intake.fieldError('Headline')).toHaveText('Give the article its headline.');
    await expect(intake.paragraphs).toHaveCount(2);
    await expect(noScript.getByLabel('Outlet')).toHaveValue('Tram Gazette — 电车报');
    await noScript.screenshot({ path: test.info().outputPath('no-js-refused.png'), fullPage: true });
    expect(await articleCount(page)).toBe(before);

    // A double click: the browser sends the create step twice at once.
    await intake.fillMeta({ title: `Tram to the harbour ${tag} — ترام` });
    let sent: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
    const answers: { status: number; location?: string }[] = [];
    await noScript.route('**/edit/articles/new', async (route) => {
      const request = route.request();
      if (request.method() !== 'POST') return route.continue();
      sent = { url: request.url(), headers: { 'content-type': request.headers()['content-type']!, origin: request.headers().origin! }, body: request.postDataBuffer()! };
      const twice = await Promise.all([route.fetch({ maxRedirects: 0 }), noScript.request.post(sent.url, { headers: sent.headers, data: sent.body, maxRedirects: 0 })]);
      answers.push(...twice.map((a) => ({ status: a.status(), location: a.headers().location })));
      await route.fulfill({ response: twice[0] });
    });
    await noScript.getByRole('button', { name: 'Create article' }).click();
    await expect(noScript).toHaveURL(/\/edit\/articles\/\d+$/);
    const created = new URL(noScript.url()).pathname;
    expect(answers.map((a) => [a.status, a.location && new URL(a.location, noScript.url()).pathname])).toEqual([[303, created], [303, created]]);
    await noScript.unrouteAll();

    // Back to the preview, and the create step sent again (the browser's resend): the same article.
    const again = await noScript.request.post(sent!.url, { headers: sent!.headers, data: sent!.body, maxRedirects: 0 });
    expect([again.status(), new URL(again.headers().location!, noScript.url()).pathname]).toEqual([303, created]);
    expect(await articleCount(page)).toBe(before + 1);
    await context.close();
  });

  test('Back after creating an article, then another pasted: the second article is made, not refused', async ({ page, auth }) => {
    await auth.signedIn('editor');
    const intake = new IntakePage(page);
    const tag = randomUUID().slice(0, 6);
    await intake.open();
    await intake.pasteText(`The pier ${tag} reopens in June.\n\nRepairs cost more than planned.`, { title: `Pier ${tag}` });
    await expect(page).toHaveURL(/\/edit\/articles\/\d+$/);
    const first = page.url();
    // The browser's Back shows the page it kept, with the one-time key the first article spent.
    await page.goBack();
    await expect(page.getByRole('heading', { name: 'New article' })).toBeVisible();
    await intake.pasteText(`حافلات الليل ${tag} تعود.\n\nNight buses return in May 🚌.`, { title: `Night buses ${tag}` });
    await expect(page).toHaveURL(/\/edit\/articles\/\d+$/);
    expect(page.url()).not.toBe(first);
    await expect(page.getByRole('heading', { name: `Night buses ${tag}` })).toBeVisible();
  });

  test('by pasting HTML or importing a URL: only the article text is kept', async ({ page, auth }) => {
    await auth.signedIn('editor');
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const intake = new IntakePage(page);
    await intake.open();
    await intake.pasteHtml(ARTICLE_HTML, { title: 'Ferry cut (pasted)' });
    await expect(page).toHaveURL(/\/edit\/articles\/\d+$/);
    await page.goto('/articles/ferry-cut-pasted');
    await expect(page.locator('.article-body p')).toHaveCount(4);
    await expect(page.locator('.article-body')).toContainText('four crossings a day from March');
    await expect(page.locator('.article-body')).not.toContainText('Sport');
    await expect(page.locator('.article-body')).not.toContainText('alert');

    const site = await newsSite();
    try {
      await intake.open();
      await intake.importUrl(`${site.base}/ferry`);
      await expect(page).toHaveURL(/\/edit\/articles\/\d+$/);
      await page.goto('/edit');
      const imported = page.getByRole('link', { name: /Ferry timetable cut/ }).first();
      await expect(imported).toBeVisible();
      await expect(page.getByText('Estuary Post', { exact: false }).first()).toBeVisible();
    } finally {
      site.close();
    }
    expect(dialogs).toBe(0);
  });

  test('bad input gets a message beside the field and saves nothing', async ({ page, auth }) => {
    await auth.signedIn('editor');
    const before = await articleCount(page);
    const intake = new IntakePage(page);
    const site = await newsSite();
    try {
      await intake.open();
      await intake.preview('text', '');
      await expect(intake.fieldError('Article text')).toHaveText('Paste the article text.');

      await intake.preview('text', 'x'.repeat(500_001));
      await expect(intake.fieldError('Article text')).toContainText('500,001 characters long; the limit is 500,000');

      await intake.preview('url', 'ftp://files.example/story');
      await expect(intake.fieldError('Web address')).toContainText('starting with http:// or https://');

      await intake.preview('url', 'http://no-such-host.invalid/story');
      await expect(intake.fieldError('Web address')).toHaveText('That address could not be found.');

      await intake.preview('url', `${site.base}/data.json`);
      await expect(intake.fieldError('Web address')).toHaveText('That address is not a web page Claimline can import.');

      await intake.preview('url', `${site.base}/gone`);
      await expect(intake.fieldError('Web address')).toHaveText('The site answered with an error.');

      await intake.preview('url', 'http://10.0.0.1/admin');
      await expect(intake.fieldError('Web address')).toContainText('private or local network');
    } finally {
      site.close();
    }
    expect(await articleCount(page)).toBe(before);
  });
});
