import { randomUUID } from 'node:crypto';
import { DEMO, expect, test } from './fixtures';
import { BoardPage } from './pages/board';
import { axeInBothSchemes } from './support/axe';
import { runSetup } from './support/setup';

test.use({ failOnPageErrors: true });

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
});
