import { randomUUID } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AuthPages } from './pages/auth';
import { IntakePage } from './pages/intake';
import { articleWithClaims, RevisionPages } from './pages/revisions';
import { axeInBothSchemes } from './support/axe';
import { runSetup } from './support/setup';

const READER_PAGES = {
  home: '/',
  article: '/articles/riverside-says-its-new-bus-lanes-cut-commutes-by-a-fifth',
  claim: '/claims/3',
  'claims index': '/claims?q=lanes&status=disputed',
  party: '/parties/riverside-city-council',
  'rating scale': '/about/ratings',
  methodology: '/about/methodology',
  'policy history': '/about/methodology/history',
  statistics: '/stats',
};

const SCHEMES = ['light', 'dark'] as const;
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

/**
 * What axe leaves out: every chart's text is drawn in the page's own text colour (the pair axe
 * does check everywhere else), never in a colour of its own or the library's default grey.
 */
async function chartTextFindings(page: Page, label: string): Promise<string[]> {
  const found = await page.locator('.chart text').evaluateAll((texts) => {
    const body = getComputedStyle(document.body).color;
    return texts.map((t) => getComputedStyle(t).fill).filter((fill) => fill !== body);
  });
  return found.map((fill) => `${label}: chart text in ${fill}`);
}

/** axe and the charts' text colour in the light theme, then the dark one, on the page as it is loaded. */
async function findingsInBothSchemes(page: Page, label: string): Promise<string[]> {
  const found = await axeInBothSchemes(page, label);
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    found.push(...(await chartTextFindings(page, `${label} (${scheme})`)));
  }
  return found;
}

test.describe('accessibility of reader pages', () => {
  for (const [name, path] of Object.entries(READER_PAGES)) {
    test(`axe finds no violations on the ${name} page, light and dark`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // Folded tables (the statistics' figures) are checked open.
      await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      expect(await findingsInBothSchemes(page, name)).toEqual([]);
    });
  }

  test('axe finds no violations on a claim page other fact-checkers reviewed, light and dark', async ({ page }) => {
    const { ferry } = runSetup<{ ferry: { path: string } }>('external-reviews.ts', { tag: `axe${randomUUID().slice(0, 6)}`, imported: true });
    await page.goto(ferry.path);
    await expect(page.getByRole('region', { name: 'Other fact-checkers' })).toBeVisible();
    expect(await findingsInBothSchemes(page, 'claim with other fact-checks')).toEqual([]);
  });

  test('the claim page fits a 360 px wide screen without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of [READER_PAGES.claim, READER_PAGES.article, READER_PAGES['claims index'], READER_PAGES.statistics, READER_PAGES.party]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});

test('a source titled with its long web address wraps on a 360 px screen: the claim page and the annotator do not scroll sideways', async ({ page, auth, claimSections }) => {
  const quote = 'the ferry carried 12,400 passengers in its first week';
  const made = runSetup<{ id: number; claims: Record<string, number> }>('lifecycle.ts', {
    action: 'article',
    title: `Ferry boardings ${randomUUID().slice(0, 6)}`,
    body: `The mayor said ${quote}.`,
    published: [quote],
  });
  const claimId = made.claims[quote]!;
  // Editors often paste the address as the title when the page has none worth copying.
  const url = 'https://data.port-ellery.example/api/v2/datasets/ferry-boardings-2026-week-47/export?format=csv&columns=date,route,boardings,returns';
  await auth.signedIn('editor', 'Wrap');
  await claimSections.open(claimId);
  await claimSections.addSource({ url, title: url, relation: 'Context', excerpt: 'route,boardings' });
  await expect(claimSections.sources().getByRole('listitem', { name: url })).toBeVisible();
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of [`/claims/${claimId}`, `/edit/articles/${made.id}?claim=${claimId}`, `/edit/claims/${claimId}`]) {
    await page.goto(path);
    await expect(page.getByText(url).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

type EditorPage = { name: string; path: () => string; ready: (page: Page) => Promise<void> };

const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
};
const intakeMode = (mode: string) => async (page: Page) => {
  await page.getByLabel(mode).check();
  await expect(page.getByLabel(mode)).toBeChecked();
};

test.describe('accessibility of editor pages', () => {
  let storageState: Awaited<ReturnType<import('@playwright/test').BrowserContext['storageState']>>;
  let reviewArticleId = 0;

  // One admin (People is theirs) and one article with claims waiting on the review page.
  test.beforeAll(async ({ browser }: { browser: Browser }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await new AuthPages(page).signedIn('admin', 'Axe Admin');
    const quotes = ['the ferry fare rose by 12 per cent in March', 'the harbour master resigned after the inspection'];
    const article = articleWithClaims({
      title: `Harbour fares ${randomUUID().slice(0, 6)}`,
      body: `Passengers said ${quotes[0]}.\n\nTwo council members said ${quotes[1]}.`,
      quotes,
    });
    await new RevisionPages(page).submitRevision(article.id, 'Passengers said the ferry fare rose by 9 per cent in March.');
    reviewArticleId = article.id;
    // Other fact-checkers' reviews: one confirmed, one waiting for a decision.
    runSetup('external-reviews.ts', { tag: `axe${randomUUID().slice(0, 6)}`, imported: true });
    storageState = await context.storageState();
    await context.close();
  });

  const pages: EditorPage[] = [
    { name: 'workspace', path: () => '/edit', ready: heading('Articles') },
    { name: 'new article, paste text', path: () => '/edit/articles/new', ready: intakeMode('Paste text') },
    { name: 'new article, paste HTML', path: () => '/edit/articles/new', ready: intakeMode('Paste HTML') },
    { name: 'new article, web address', path: () => '/edit/articles/new', ready: intakeMode('Import from a web address') },
    {
      name: 'new article, preview',
      path: () => '/edit/articles/new',
      ready: async (page) => {
        const intake = new IntakePage(page);
        // Pasted as a page copies: one newline between paragraphs, chrome lines at both ends.
        await intake.preview('text', 'Share this article\nThe ferry fare rose by 12 per cent in March, the operator said.\n“It is the second rise this year,” a passenger said.\nComments');
        await expect(intake.previewHeading).toBeVisible();
      },
    },
    {
      name: 'annotator with a claim open',
      path: () => '/edit/articles/1?claim=3',
      ready: async (page) => {
        await expect(page.getByRole('button', { name: 'Save claim' })).toBeVisible();
        // The claim panel scrolls on its own; what it clips, axe cannot see the colours of ("partially
        // obscured"). Unclipped, every part of it is checked as it looks once scrolled to.
        await page.addStyleTag({ content: '[aria-label="Claim panel"] { max-height: none !important; overflow: visible !important; }' });
      },
    },
    { name: 'claim editor', path: () => '/edit/claims/3', ready: async (page) => void (await expect(page.getByRole('region', { name: 'Responses' })).toBeVisible()) },
    { name: 'board', path: () => '/edit/board', ready: heading('Review board') },
    { name: 'board as a table', path: () => '/edit/board?view=table', ready: heading('Review board') },
    { name: 'inbox', path: () => '/edit/inbox', ready: heading('Inbox') },
    { name: 'replies', path: () => '/edit/replies', ready: heading('Right of reply') },
    { name: 'people', path: () => '/edit/users', ready: heading('People') },
    { name: 'jobs', path: () => '/edit/jobs', ready: heading('Jobs') },
    { name: 'parties', path: () => '/edit/parties', ready: heading('Parties') },
    { name: 'party', path: () => '/edit/parties/1', ready: async (page) => void (await expect(page.getByRole('heading', { level: 1 })).toBeVisible()) },
    { name: 'revise', path: () => '/edit/articles/1/revise', ready: async (page) => void (await expect(page.getByLabel('Updated text')).toBeVisible()) },
    { name: 'review', path: () => `/edit/articles/${reviewArticleId}/review`, ready: heading('Needs review') },
    { name: 'policy page', path: () => '/edit/policies/methodology', ready: heading('How we choose and check claims') },
    { name: 'statistics', path: () => '/edit/stats', ready: heading('Statistics') },
    { name: 'other fact-checks', path: () => '/edit/external-reviews', ready: heading('Other fact-checks') },
  ];

  for (const { name, path, ready } of pages) {
    test(`axe finds no violations on the editor's ${name} page, light and dark`, async ({ browser }) => {
      const context = await browser.newContext({ baseURL, storageState });
      const page = await context.newPage();
      await page.goto(path());
      await ready(page);
      // Folded forms (add a source, a response) are checked open.
      await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      expect(await findingsInBothSchemes(page, name)).toEqual([]);
      await context.close();
    });
  }

  test('the "New article" button reads as white on blue, not blue on blue', async ({ browser }) => {
    const context = await browser.newContext({ baseURL, storageState });
    const page = await context.newPage();
    await page.goto('/edit');
    const button = page.getByRole('heading', { name: 'Articles', level: 1 }).locator('..').getByRole('link', { name: 'New article' });
    const colours = await button.evaluate((el) => {
      const style = getComputedStyle(el);
      return { color: style.color, background: style.backgroundColor };
    });
    expect(colours.color).toBe('rgb(255, 255, 255)');
    expect(colours.background).not.toBe(colours.color);
    await context.close();
  });
});
