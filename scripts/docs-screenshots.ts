/**
 * `npm run docs:screenshots`: the pictures of docs/editor-guide.md (and the README's), made
 * by driving the real app in Chromium through an editor's first day: a production build on
 * a fresh database (the demo newsroom loaded), the setup link, a pasted article, claims, a
 * source and a response, a verdict sent for review, and a second editor's approval. The
 * images go to docs/images/; run it after changing a screen so the guide stays current.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, type Browser, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';
import { AnnotatorPage } from '../e2e/pages/annotator';
import { AuthPages } from '../e2e/pages/auth';
import { BoardPage } from '../e2e/pages/board';
import { ClaimSections } from '../e2e/pages/claim-sections';
import { IntakePage } from '../e2e/pages/intake';
import { BROWSER_ARGS, findBrowser } from './browser.mjs';
import { baseEnv, root, runTs } from './lib.mjs';
import { GUIDE_ARTICLE } from './lib/guide-article';

const port = process.env.PORT || '3950';
const baseURL = `http://127.0.0.1:${port}`;
const database = path.join(os.tmpdir(), `claimline-docs-screenshots-${port}.db`);
const env = { ...baseEnv(), E2E_DATABASE_PATH: database, E2E_PORT: port };
const out = path.join(root, 'docs', 'images');

async function startServer() {
  const server = spawn(process.execPath, [path.join(root, 'scripts/e2e-server.mjs')], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 1200; i++) {
    if (server.exitCode !== null) throw new Error('The server stopped');
    if (await fetch(`${baseURL}/api/health`).then((r) => r.ok, () => false)) return server;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('The server did not start');
}

/** The viewport as the editor sees it, saved as docs/images/<name>.png. */
async function shot(page: Page, name: string, { fullPage = false }: { fullPage?: boolean } = {}) {
  // Let fonts, highlights and focus rings settle; hide the caret so images do not differ by a blink.
  await page.evaluate(() => document.fonts.ready);
  await page.addStyleTag({ content: '* { caret-color: transparent !important; }' });
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage });
  console.log(`  docs/images/${name}.png`);
}

/** One part of the page, saved as docs/images/<name>.png. */
async function shotOf(locator: Locator, name: string) {
  await locator.page().evaluate(() => document.fonts.ready);
  await locator.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(`  docs/images/${name}.png`);
}

/**
 * A browser context whose pages have esbuild's __name helper: tsx compiles the page objects'
 * functions with it, and Playwright sends them into the page as their source text.
 */
async function newContext(browser: Browser, options: BrowserContextOptions) {
  const context = await browser.newContext(options);
  await context.addInitScript('globalThis.__name = (target) => target;');
  return context;
}

async function main() {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: findBrowser() ?? undefined, args: BROWSER_ARGS });
  try {
    fs.mkdirSync(out, { recursive: true });
    const context = await newContext(browser, { baseURL, viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    const page = await context.newPage();

    // 1. The setup link npm start printed makes the first admin.
    const setupLink = fs.readFileSync(`${database}.setup-link`, 'utf8').trim();
    await page.goto(setupLink);
    await page.getByLabel('Your name').fill('Mara Okafor');
    await page.getByLabel('Email').fill('mara@riverside-gazette.example');
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
    await page.getByLabel('Repeat the password').fill('correct horse battery staple');
    // The demo stays for a first look; People removes it in one click.
    await page.getByLabel(/^Keep the demo/).check();
    await shot(page, 'setup');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
    await page.goto('/edit');
    await shot(page, 'workspace');

    // 2. A colleague is invited from People.
    await page.goto('/edit/users');
    await page.getByLabel('Email (optional)').fill('theo@riverside-gazette.example');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const invitation = await page.getByLabel('Invitation link').inputValue();
    await shot(page, 'people');

    // 3. A pasted article (as copied from a web page: one newline between paragraphs, curly
    // quotes, the page's "Share" and "Comments" lines), checked paragraph by paragraph.
    const intake = new IntakePage(page);
    await intake.open();
    await page.getByLabel('Paste text').check();
    await page.getByLabel('Article text').fill(GUIDE_ARTICLE.body);
    await shot(page, 'new-article');
    await page.getByRole('button', { name: 'Preview paragraphs' }).click();
    await expect(intake.previewHeading).toBeVisible();
    // Every line offered as the page's furniture goes, one click each.
    const offered = page.getByRole('button', { name: /^Remove “/ });
    for (let i = 0; (await offered.count()) > 0 && i < 10; i++) await offered.first().click();
    await intake.fillMeta(GUIDE_ARTICLE);
    await shot(page, 'preview');
    await page.getByRole('button', { name: 'Create article' }).click();
    const annotator = new AnnotatorPage(page);
    await expect(annotator.text()).toBeVisible();
    await shot(page, 'annotator');

    // 4. Claims: select the words, press C or the floating button, write the statement.
    await annotator.selectWithMouse(GUIDE_ARTICLE.claims[0]!.quote);
    await expect(page.getByRole('button', { name: 'Create claim' })).toBeVisible();
    await shot(page, 'select');
    await page.getByRole('button', { name: 'Create claim' }).click();
    const form = annotator.createForm();
    await form.getByLabel('Statement').fill(GUIDE_ARTICLE.claims[0]!.statement);
    await form.getByLabel('Or a new party').fill(GUIDE_ARTICLE.claims[0]!.claimant);
    await shot(page, 'new-claim');
    await form.getByRole('button', { name: 'Create claim' }).click();
    await expect(annotator.editor()).toBeVisible();
    const articleId = annotator.articleId();
    const firstClaimId = Number(new URL(page.url()).searchParams.get('claim'));
    for (const claim of GUIDE_ARTICLE.claims.slice(1)) await annotator.createClaim(claim.quote, { statement: claim.statement });

    // 5. Evidence: a source and a response on the first claim's page.
    const sections = new ClaimSections(page);
    await sections.open(firstClaimId);
    await sections.addSource(GUIDE_ARTICLE.source);
    await expect(sections.message()).toContainText('saved', { ignoreCase: true });
    await sections.addResponse(GUIDE_ARTICLE.response);
    await expect(sections.message()).toContainText('saved', { ignoreCase: true });
    await sections.responses().scrollIntoViewIfNeeded();
    await shot(page, 'sources-responses');

    // 6. The verdict, saved, then sent for review.
    await page.goto(`/edit/articles/${articleId}?claim=${firstClaimId}`);
    const editor = annotator.editor();
    await editor.getByLabel('Status', { exact: true }).selectOption({ label: 'False' });
    await editor.getByLabel('Why this status').fill(GUIDE_ARTICLE.verdictNote);
    await shot(page, 'verdict');
    await editor.getByRole('button', { name: 'Save and ask for review' }).click();
    const saved = page.getByRole('status').filter({ hasText: /^Saved at/ });
    await expect(saved).toBeVisible();
    await expect(annotator.panel()).toContainText('Workflow: Ready for review');
    await saved.scrollIntoViewIfNeeded();
    await shot(page, 'review-asked');

    // 7. A second editor approves it on the board; readers see it.
    const reviewerContext = await newContext(browser, { baseURL, viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    const reviewer = await reviewerContext.newPage();
    await new AuthPages(reviewer).join(invitation, { name: 'Theo Lind', email: 'theo@riverside-gazette.example', password: 'correct horse battery staple' });
    const board = new BoardPage(reviewer);
    await board.open();
    await shot(reviewer, 'board');
    await board.card('ready_for_review', GUIDE_ARTICLE.claims[0]!.statement).getByRole('button', { name: /^Approve and publish/ }).click();
    await expect(board.card('published', GUIDE_ARTICLE.claims[0]!.statement)).toBeVisible();
    await reviewerContext.close();

    const reader = await newContext(browser, { baseURL, viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    const readerPage = await reader.newPage();
    await readerPage.goto(`/claims/${firstClaimId}/x`);
    await shot(readerPage, 'claim-page');
    await readerPage.emulateMedia({ colorScheme: 'dark' });
    await shot(readerPage, 'claim-page-dark');

    // 8. Transparency (docs/statistics.md): a party's scorecard from the demo, then the
    // statistics page once a few years of invented work are in.
    await readerPage.emulateMedia({ colorScheme: 'light' });
    await readerPage.goto('/parties/riverside-city-council');
    await shotOf(readerPage.getByRole('region', { name: 'Record in numbers' }), 'party-scorecard');
    await runTs('scripts/lib/docs-stats-data.ts', [], { env: { ...env, DATABASE_PATH: database } });
    await readerPage.goto('/stats');
    await readerPage.getByRole('region', { name: 'Right of reply: requests for comment by month sent', exact: true }).getByText('Table of the figures').click();
    await shot(readerPage, 'stats', { fullPage: true });
    await readerPage.setViewportSize({ width: 360, height: 800 });
    await readerPage.emulateMedia({ colorScheme: 'dark' });
    await readerPage.goto('/stats');
    await shot(readerPage, 'stats-phone-dark', { fullPage: true });
    await reader.close();
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
