import { randomUUID } from 'node:crypto';
import { DEMO, expect, test } from './fixtures';
import { BoardPage } from './pages/board';
import { axeInBothSchemes } from './support/axe';
import { runSetup } from './support/setup';

test.describe('review board', () => {
  test('shows counts per column and moving a claim updates them, by keyboard too', async ({ page, auth }) => {
    await auth.signedIn('editor');
    const board = new BoardPage(page);
    await board.open();
    const draft = await board.count('draft');
    const inProgress = await board.count('in_progress');
    expect(await board.count('published')).toBeGreaterThan(0);
    await expect(board.card('draft', DEMO.draftQuote)).toBeVisible();

    // Keyboard only: focus the card's first button and press Enter.
    const start = board.card('draft', DEMO.draftQuote).getByRole('button', { name: /^Start checking/ });
    await start.focus();
    await page.keyboard.press('Enter');
    await expect(board.card('in_progress', DEMO.draftQuote)).toBeVisible();
    expect(await board.count('draft')).toBe(draft - 1);
    expect(await board.count('in_progress')).toBe(inProgress + 1);

    // Take it, then see it under "my claims".
    await board.card('in_progress', DEMO.draftQuote).getByRole('button', { name: /^Take/ }).click();
    await expect(board.card('in_progress', DEMO.draftQuote)).toContainText('Assigned to Editor');
    await board.open('?mine=1');
    expect(await board.count('in_progress')).toBe(1);
    expect(await board.count('published')).toBe(0);

    await board.card('in_progress', DEMO.draftQuote).getByRole('button', { name: /^Back to draft/ }).click();
    await expect(board.card('draft', DEMO.draftQuote)).toBeVisible();
  });

  test('the table view filters by state and works without JavaScript', async ({ browser, page, auth }) => {
    await auth.signedIn('editor');
    const state = await page.context().storageState();
    const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: state });
    const p = await noJs.newPage();
    await p.goto('/edit/board?view=table');
    await p.getByLabel('State', { exact: true }).selectOption('published');
    await p.getByRole('button', { name: 'Filter' }).click();
    await expect(p).toHaveURL(/state=published/);
    const rows = p.getByRole('table').getByRole('row');
    expect(await rows.count()).toBeGreaterThan(1);
    await expect(p.getByRole('table')).not.toContainText(DEMO.draftQuote);
    await noJs.close();
  });

  test('the table view and People fit a phone: each row a card with its buttons and assignee in reach, no sideways scrolling', async ({ page, auth }) => {
    const tag = randomUUID().slice(0, 6);
    // A long statement, a right-to-left claimant and an emoji, as newsrooms write them.
    const made = runSetup<{ id: number; claims: { id: number }[] }>('article-with-claims.ts', {
      title: `Tram depot ${tag}: «المستودع» and the night-shift 🚋 rota`,
      body: `The transport office said the tram depot ${tag} would open its night shift to 140 drivers by the end of the winter timetable.`,
      quotes: [`the tram depot ${tag} would open its night shift to 140 drivers by the end of the winter timetable`],
      claimant: `مكتب النقل ${tag}`,
      published: false,
    });
    await auth.signedIn('admin');
    for (const width of [375, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`/edit/board?view=table&article=${made.id}`);
      const row = page.getByRole('row').filter({ hasText: `tram depot ${tag}` });
      await expect(row).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${width} px`).toBeLessThanOrEqual(0);
      // Everything acting on the claim is on screen without scrolling sideways.
      for (const control of [row.getByRole('button', { name: /^Start checking/ }), row.getByRole('combobox', { name: /^Assignee/ }), row.getByRole('button', { name: /^Assign:/ })]) {
        const box = (await control.boundingBox())!;
        expect(box.x + box.width, `${width} px`).toBeLessThanOrEqual(width);
      }
      await expect(row).toContainText('Claimant:');
      await page.screenshot({ path: test.info().outputPath(`board-table-${width}.png`), fullPage: true });
      expect(await axeInBothSchemes(page, `board table at ${width} px`)).toEqual([]);
    }
    // People, the admin's other table, as a card per account too.
    await page.goto('/edit/users');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 'People at 360 px').toBeLessThanOrEqual(0);
    await expect(page.getByRole('row').filter({ hasText: 'you' })).toContainText('Email:');
    await page.screenshot({ path: test.info().outputPath('people-360.png'), fullPage: true });
    expect(await axeInBothSchemes(page, 'People at 360 px')).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/edit/board?view=table&article=${made.id}`);
    await expect(page.getByRole('columnheader', { name: 'Claimant' })).toBeVisible();
    expect(await axeInBothSchemes(page, 'board table at 1280 px')).toEqual([]);
  });

  test('pages past 500 claims by keyboard, keeping the filters, and a claim changed meanwhile neither repeats nor hides another', async ({ page, auth }) => {
    const tag = randomUUID().slice(0, 6);
    const made = runSetup<{ articleId: number; claims: { id: number; statement: string }[] }>('board-pages.ts', { tag, claims: 503 });
    await auth.signedIn('editor');
    await page.goto(`/edit/board?view=table&article=${made.articleId}`);
    const status = page.getByRole('status').filter({ hasText: /^Claims / });
    await expect(status).toHaveText('Claims 1–500 of 503, most recently changed first.');
    const statements = page.getByRole('table').getByRole('link');
    await expect(statements).toHaveCount(500);
    expect(await statements.allTextContents()).toEqual(made.claims.slice(0, 500).map((c) => c.statement));

    // Another editor changes one of the three claims the first page did not show: it is now the most recent.
    const [changed, ...others] = made.claims.slice(500);
    runSetup('board-pages.ts', { touch: changed!.id });

    // Above the claims: from the filters, without passing 500 claims' buttons.
    const pager = page.getByRole('navigation', { name: 'Pages of the board', exact: true });
    await expect(pager.getByRole('link', { name: 'Previous' })).toHaveCount(0);
    await pager.getByRole('link', { name: 'Next 3' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`[?&]article=${made.articleId}(&|$)`));
    await expect(page).toHaveURL(/[?&]view=table(&|$)/);
    await expect(page.getByLabel('Article')).toHaveValue(String(made.articleId));
    // The two left, not the changed one (above the first page now), and none from the first page again.
    await expect(statements).toHaveCount(2);
    expect(await statements.allTextContents()).toEqual(others.map((c) => c.statement));
    await expect(status).toHaveText('Claims 502–503 of 503, most recently changed first.');
    await expect(pager.getByRole('link', { name: /^Next/ })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('board-page-2.png'), fullPage: true });

    // Back to the start, by keyboard: the changed claim leads it.
    await pager.getByRole('link', { name: 'Most recent' }).focus();
    await page.keyboard.press('Enter');
    await expect(status).toHaveText('Claims 1–500 of 503, most recently changed first.');
    await expect(statements.first()).toHaveText(changed!.statement);
    await expect(page).toHaveURL(new RegExp(`[?&]article=${made.articleId}(&|$)`));
    // The pager alone: the 500 rows' markup is the table view's, checked above.
    await expect(page.getByRole('navigation', { name: 'Pages of the board, again' }).getByRole('link', { name: 'Next 3' })).toBeVisible();
    expect(await axeInBothSchemes(page, 'the board’s pager', { include: 'nav[aria-label="Pages of the board"]' })).toEqual([]);
  });
});
