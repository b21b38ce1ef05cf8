import { DEMO, expect, test } from './fixtures';
import { BoardPage } from './pages/board';

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
});
