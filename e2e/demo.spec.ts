import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO, expect, test } from './fixtures';
import { AuthPages, newAccount } from './pages/auth';
import { runTsx } from './support/setup';

const SHOTS = process.env.LIFECYCLE_SHOTS;

/**
 * A second Claimline on a new database, started the way a newsroom starts it (prepare-db, then
 * next start), for what only a first start shows: the setup screen's demo question,
 * CLAIMLINE_DEMO=0 and removing the demo. The shared e2e server keeps its demo for the other specs.
 */
async function freshServer(port: number, env: Record<string, string> = {}) {
  const file = path.join(os.tmpdir(), `claimline-demo-e2e-${Date.now()}-${port}.db`);
  const child: ChildProcess = spawn(process.execPath, ['scripts/e2e-server.mjs'], {
    cwd: path.resolve(__dirname, '..'),
    env: { ...process.env, ...env, E2E_DATABASE_PATH: file, E2E_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    file,
    setupLink: () => fs.readFileSync(`${file}.setup-link`, 'utf8').trim(),
    stop: () => {
      child.kill('SIGTERM');
      for (const suffix of ['', '-wal', '-shm', '.setup-link']) fs.rmSync(file + suffix, { force: true });
    },
  };
}

// E2E_PORT + 1 is Varnish's, + 2 the fixture sites'.
const otherPort = (n: number) => Number(process.env.E2E_PORT) + 2 + n;

test.describe('demo content', () => {
  test('is labelled “Demo” on reader and editor pages, for sighted and screen-reader users alike', async ({ page, auth, reader }) => {
    await reader.openHome();
    const entry = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: DEMO.busArticle }) });
    // Other specs add articles to the shared newsroom, newest first: the demo's may be on a later page.
    for (let next = 2; !(await entry.count()) && next < 10; next++) {
      await page.getByRole('link', { name: 'Next', exact: true }).first().click();
      await page.waitForURL(new RegExp(`[?&]page=${next}(&|$)`));
    }
    // Seen as “Demo”, read out as “Demo content”.
    await expect(entry.getByText('Demo content', { exact: true })).toBeVisible();
    await expect(entry.getByText('Demo content', { exact: true })).toHaveCSS('border-top-style', 'dashed');
    await reader.openArticle(DEMO.busArticle);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${DEMO.busArticle}Demo content`);
    await page.locator('.article-body mark a').first().click();
    await expect(page.locator('main header').getByText('Demo content', { exact: true })).toBeVisible();
    // Searched for: other specs' long articles may fill the first page of the index.
    await reader.openClaims(`?q=${encodeURIComponent(DEMO.disputedClaim)}`);
    await expect(page.getByRole('listitem').filter({ hasText: DEMO.disputedClaim }).getByText('Demo content', { exact: true })).toBeVisible();
    await page.goto('/parties/riverside-city-council');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Demo content');

    await auth.signedIn('editor', 'Demo Reader');
    // The demo's articles are the oldest: on the workspace's last page (or the one before) once
    // other specs have added more than a page of articles. A page past the end goes to the last.
    await page.goto('/edit?page=1000000');
    const article = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: DEMO.busArticle }) });
    if ((await article.count()) === 0) await page.getByRole('navigation', { name: 'Pages of articles' }).getByRole('link', { name: 'Previous' }).click();
    await expect(article.getByText('Demo content', { exact: true })).toBeVisible();
    await article.getByRole('link', { name: DEMO.busArticle }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Demo content');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/demo-annotator.png` });
    // The board's first page holds the 500 most recently changed claims, and other specs add
    // more (board.spec: 503): the demo article's own claims, by the board's article filter.
    const articleId = new URL(page.url()).pathname.split('/')[3];
    await page.goto(`/edit/board?article=${articleId}`);
    await expect(page.getByRole('listitem').filter({ hasText: DEMO.disputedClaim }).getByText('Demo content', { exact: true }).first()).toBeVisible();
  });

  test('the first admin chooses to start empty on the setup screen', { tag: '@own-server' }, async ({ browser }) => {
    const server = await freshServer(otherPort(1));
    try {
      const context = await browser.newContext({ baseURL: server.base });
      const page = await context.newPage();
      expect(await fetch(`${server.base}/`).then((r) => r.text())).toContain(DEMO.busArticle);
      await page.goto(server.setupLink());
      const founder = newAccount('Founder');
      await page.getByLabel('Your name').fill(founder.name);
      await page.getByLabel('Email').fill(founder.email);
      await page.getByLabel('Password', { exact: true }).fill(founder.password);
      await page.getByLabel('Repeat the password').fill(founder.password);
      const question = page.getByRole('group', { name: 'Demo content' });
      await expect(question.getByRole('radio', { name: /Keep the demo/ })).toBeChecked();
      await question.getByRole('radio', { name: /Start with an empty newsroom/ }).check();
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/setup-demo-question.png`, fullPage: true });
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
      await expect(page.getByText('No articles yet. Start with “New article”.')).toBeVisible();
      await page.goto('/edit/users');
      await expect(page.getByText('No demo content: everything here is your newsroom’s own.')).toBeVisible();
      expect(await fetch(`${server.base}/`).then((r) => r.text())).not.toContain(DEMO.busArticle);
      await context.close();
    } finally {
      server.stop();
    }
  });

  test('CLAIMLINE_DEMO=0 starts with no demo, and the setup screen does not ask', { tag: '@own-server' }, async ({ browser }) => {
    const server = await freshServer(otherPort(2), { CLAIMLINE_DEMO: '0' });
    try {
      const context = await browser.newContext({ baseURL: server.base });
      const page = await context.newPage();
      await page.goto('/');
      await expect(page.getByText('No articles yet.')).toBeVisible();
      await page.goto(server.setupLink());
      await expect(page.getByRole('heading', { name: 'Set up Claimline' })).toBeVisible();
      await expect(page.getByRole('group', { name: 'Demo content' })).toHaveCount(0);
      await context.close();
    } finally {
      server.stop();
    }
  });

  test('an admin removes all demo content in one confirmed action; the newsroom’s own work stays', { tag: '@own-server' }, async ({ browser }) => {
    const server = await freshServer(otherPort(3));
    try {
      const context = await browser.newContext({ baseURL: server.base });
      const page = await context.newPage();
      const auth = new AuthPages(page);
      await auth.join(server.setupLink(), newAccount('Admin'));
      // The newsroom's own article with a published claim, made before the demo is removed.
      const title = `Harbour dredging “starts in May” ${Date.now()}`;
      runTsx(
        ['e2e/support/lifecycle.ts', JSON.stringify({ action: 'article', title, body: 'The port authority said dredging would start in May.', published: ['dredging would start in May'] })],
        { DATABASE_PATH: server.file },
      );
      await page.goto('/edit/users');
      await page.getByRole('button', { name: 'Remove demo content…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Remove all demo content?' });
      await expect(dialog).toContainText('Nothing your newsroom made is touched');
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/remove-demo-dialog.png` });
      await dialog.getByRole('button', { name: 'Remove demo content' }).click();
      await expect(page.getByText('No demo content: everything here is your newsroom’s own.')).toBeVisible();

      await page.goto('/edit');
      await expect(page.getByRole('link', { name: title })).toBeVisible();
      await expect(page.getByRole('link', { name: DEMO.busArticle })).toHaveCount(0);
      const anonymous = await browser.newContext({ baseURL: server.base });
      const readerPage = await anonymous.newPage();
      await readerPage.goto('/');
      await expect(readerPage.getByRole('link', { name: title })).toBeVisible();
      await readerPage.getByRole('link', { name: title }).click();
      await expect(readerPage.locator('.article-body mark')).toHaveCount(1);
      await expect(readerPage.getByText('Demo content', { exact: true })).toHaveCount(0);
      expect((await readerPage.request.get('/claims/1/x')).status()).toBe(404);
      expect((await readerPage.request.get('/parties/riverside-city-council')).status()).toBe(404);
      await anonymous.close();
      await context.close();
    } finally {
      server.stop();
    }
  });
});
