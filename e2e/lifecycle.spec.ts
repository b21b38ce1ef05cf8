import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { AnnotatorPage } from './pages/annotator';
import { runSetup } from './support/setup';

type Made = { id: number; slug: string; claims: Record<string, number> };

const SHOTS = process.env.LIFECYCLE_SHOTS;

/** An article of pasted-looking text (curly quotes, an emoji, a right-to-left name) with claims on the given passages. */
function article(label: string, drafts: string[], published: string[] = []): Made & { title: string } {
  const tag = randomUUID().slice(0, 6);
  const title = `${label} ${tag}`;
  const body = [
    `The harbour board met on Tuesday to discuss the ferry timetable 🚢 for ${tag}.`,
    ...drafts,
    ...published,
    `Board member نادية حداد said the minutes would be “published in full”.`,
  ].join('\n\n');
  return { title, ...runSetup<Made>('lifecycle.ts', { action: 'article', title, body, drafts, published }) };
}

test.describe('opinions and other claims that cannot be checked', () => {
  test('an editor records an opinion; readers see it labelled, without a verdict or ClaimReview', async ({ page, auth, browser }) => {
    const opinion = '“The new timetable is the best thing to happen to this town in decades,” the mayor said';
    const made = article('Ferry timetable opinions', [opinion]);
    const claimId = made.claims[opinion]!;

    await auth.signedIn('editor', 'Olu');
    const annotator = new AnnotatorPage(page);
    await page.goto(`/edit/articles/${made.id}?claim=${claimId}`);
    const status = annotator.editor().getByLabel('Status', { exact: true });
    // The select tells the editor which choices are verdicts and which are not.
    await expect(status.locator('optgroup[label="Not checkable (no verdict)"] option')).toHaveText(['Opinion', 'Prediction', 'Not checkable']);
    await annotator.setStatus('Opinion', 'A judgement of value: no record could prove or disprove it.');
    await expect(status).toHaveValue('opinion');
    // No verdict is suggested for a passage nobody can check.
    await expect(annotator.panel().getByTestId('suggested-status')).toHaveCount(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/opinion-editor.png`, fullPage: true });

    runSetup('lifecycle.ts', { action: 'publish', claimId });

    const reader = await browser.newContext();
    const readerPage = await reader.newPage();
    const response = await readerPage.goto(`/claims/${claimId}`);
    expect(response?.status()).toBe(200);
    await expect(readerPage.locator('main header .badge').first()).toHaveText('Opinion');
    await expect(readerPage.getByRole('heading', { name: 'Why no verdict' })).toBeVisible();
    await expect(readerPage.getByText('A view or judgement, not a statement of fact: there is nothing to check.')).toBeVisible();
    expect(await readerPage.locator('script[type="application/ld+json"]').count()).toBe(0);
    if (SHOTS) await readerPage.screenshot({ path: `${SHOTS}/opinion-reader.png`, fullPage: true });

    // Lists count it apart from the verdicts.
    await readerPage.goto('/');
    const entry = readerPage.getByRole('listitem').filter({ has: readerPage.getByRole('heading', { name: made.title }) });
    await expect(entry).toContainText('1 claim');
    await expect(entry).toContainText('1 not checkable');
    await expect(entry.locator('.badge')).toHaveCount(0);
    const feed = await readerPage.request.get('/feeds/claim-reviews.json');
    expect(await feed.text()).not.toContain(`/claims/${claimId}/`);
    await reader.close();
  });
});

test.describe('deleting drafts and withdrawing published claims', () => {
  test('an editor deletes a draft claim, then the article, each after a confirmation made with the keyboard', async ({ page, auth }) => {
    const first = 'The ferry company said “9 of 10 crossings” left on time in March';
    const second = 'the new quay would open before the summer 🚧';
    const made = article('Ferry drafts to delete', [first, `The harbour master said ${second}.`]);
    await auth.signedIn('editor', 'Dara');
    const annotator = new AnnotatorPage(page);
    await page.goto(`/edit/articles/${made.id}?claim=${made.claims[first]}`);
    const panel = annotator.panel();
    await expect(panel.getByRole('button', { name: 'Withdraw claim…' })).toHaveCount(0);

    // Escape closes the dialog without deleting, and focus goes back to the button that opened it.
    const opener = panel.getByRole('button', { name: 'Delete claim…' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete this claim?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/delete-claim-dialog.png` });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
    await expect(panel.getByRole('region', { name: /in this article/ })).toContainText('9 of 10 crossings');

    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Delete claim' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/edit/articles/${made.id}$`));
    await expect(panel.getByRole('heading', { name: 'No claim open' })).toBeVisible();
    const list = panel.getByRole('region', { name: /in this article/ });
    await expect(list).toContainText('1 claim in this article');
    await expect(list).not.toContainText('9 of 10 crossings');

    // The article: its other claim is a draft too.
    await page.getByRole('button', { name: 'Delete article…' }).click();
    const articleDialog = page.getByRole('dialog', { name: 'Delete this article?' });
    await expect(articleDialog).toContainText(made.title);
    await articleDialog.getByRole('button', { name: 'Delete article' }).click();
    await expect(page).toHaveURL(/\/edit$/);
    await expect(page.getByRole('link', { name: made.title })).toHaveCount(0);
    expect((await page.request.get(`/articles/${made.slug}`)).status()).toBe(404);
  });

  test('the annotator of an article that can still be deleted is hydrated as served, without a React error', async ({ page, auth }) => {
    // Its "Delete article…" dialog (a block) once sat inside the header's paragraph: the browser
    // closed the paragraph before it, React found other markup than it sent and threw the whole
    // page away to render it again in the browser.
    const made = article('Ferry article to keep', ['The ferry company said its new boat seats 240 people']);
    await auth.signedIn('editor', 'Hydra');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`/edit/articles/${made.id}`);
    await page.getByRole('button', { name: 'Delete article…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this article?' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(errors).toEqual([]);
  });

  test('a published claim cannot be deleted: withdrawn, its page answers 410 with the note and history, and it leaves every list', async ({ page, auth, browser }) => {
    const quote = 'Harbour master Li Wei 李伟 said the quay was rebuilt for €4.2m';
    const made = article('Quay costs withdrawn', [], [quote]);
    const claimId = made.claims[quote]!;
    const reader = await browser.newContext();
    const readerPage = await reader.newPage();
    // A reader has the page (and the page cache a copy) before the withdrawal.
    expect((await readerPage.goto(`/claims/${claimId}`))?.status()).toBe(200);
    const claimUrl = readerPage.url();

    await auth.signedIn('editor', 'Ines');
    const annotator = new AnnotatorPage(page);
    await page.goto(`/edit/articles/${made.id}?claim=${claimId}`);
    const panel = annotator.panel();
    await expect(panel.getByRole('button', { name: 'Delete claim…' })).toHaveCount(0);
    await panel.getByRole('button', { name: 'Withdraw claim…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw this published claim?' });
    await dialog.getByRole('button', { name: 'Withdraw claim' }).click();
    await expect(dialog.getByText('Tell readers why the claim was withdrawn.')).toBeVisible();
    // Closed and opened again, the dialog starts afresh: no error left from before.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await panel.getByRole('button', { name: 'Withdraw claim…' }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await expect(dialog.getByText('Tell readers why the claim was withdrawn.')).toHaveCount(0);
    const note = 'The €4.2m figure was for the old quay at ميناء الشمال, not the “new” one; we withdraw this claim.';
    await dialog.getByLabel('Public note').fill(note);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/withdraw-dialog.png` });
    await dialog.getByRole('button', { name: 'Withdraw claim' }).click();
    await expect(panel.getByRole('region', { name: 'Withdrawn' })).toContainText(note);
    await expect(panel.getByRole('button', { name: 'Save claim' })).toHaveCount(0);
    await expect(panel.getByRole('region', { name: /in this article/ })).toContainText('(withdrawn)');

    // The reader's next visit: 410 Gone, with the note and the history.
    const gone = await readerPage.goto(claimUrl);
    expect(gone?.status()).toBe(410);
    await expect(readerPage.getByRole('heading', { level: 1 })).toContainText('the quay was rebuilt');
    await expect(readerPage.getByRole('region', { name: 'Why it was withdrawn' })).toContainText(note);
    await expect(readerPage.getByRole('region', { name: 'History' })).toContainText(`Claim withdrawn: ${note}`);
    if (SHOTS) await readerPage.screenshot({ path: `${SHOTS}/withdrawn-reader.png`, fullPage: true });
    // Whatever the client asks for, and through the short link.
    expect((await readerPage.request.get(claimUrl, { headers: { accept: '*/*' } })).status()).toBe(410);
    expect((await readerPage.request.get(`/claims/${claimId}`)).status()).toBe(410);
    expect((await readerPage.request.get(`/api/v1/claims/${claimId}`)).status()).toBe(410);
    // Gone from the article, search, lists and feeds.
    await readerPage.goto(`/articles/${made.slug}`);
    await expect(readerPage.locator('.article-body mark')).toHaveCount(0);
    await readerPage.goto(`/claims?q=${encodeURIComponent('quay rebuilt')}`);
    await expect(readerPage.getByRole('link', { name: /quay was rebuilt/ })).toHaveCount(0);
    for (const path of ['/feeds/claims.atom', '/api/v1/claims?q=quay', '/', '/claims']) {
      expect(await (await readerPage.request.get(path)).text(), path).not.toContain(`/claims/${claimId}/`);
    }
    await reader.close();
  });
});

test.describe('confirmations without the page’s scripts', () => {
  test('with JavaScript off, a withdrawal and a deletion still ask first, a refusal comes back in the open dialog, and both then work', async ({ page, auth, browser }) => {
    const published = 'The ferry levy “raised £1.2m” — 李伟 said so twice';
    const draft = 'A draft claim about the levy nobody saw';
    const made = article('Levy without scripts', [draft], [published]);
    await auth.signedIn('editor');
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const noScript = await context.newPage();

    await noScript.goto(`/edit/articles/${made.id}?claim=${made.claims[published]}`);
    const withdraw = noScript.getByRole('dialog', { name: 'Withdraw this published claim?' });
    await expect(withdraw).toBeHidden();
    await noScript.getByRole('button', { name: 'Withdraw claim…' }).click();
    await expect(withdraw).toBeVisible();
    // Cancel closes it without a script too.
    await withdraw.getByRole('button', { name: 'Cancel' }).click();
    await expect(withdraw).toBeHidden();
    await noScript.getByRole('button', { name: 'Withdraw claim…' }).click();
    // Without a note the server refuses: the page it answers with has the dialog open on the error.
    await withdraw.getByRole('button', { name: 'Withdraw claim' }).click();
    await expect(withdraw).toBeVisible();
    await expect(withdraw.getByText('Tell readers why the claim was withdrawn.')).toBeVisible();
    // Whole, inside the claim panel (a scrolling column on a wide screen: the dialog overflowed it and
    // was cut off on the right), and inside a phone's width.
    const panel = noScript.getByRole('complementary', { name: 'Claim panel' });
    for (const [width, height] of [[1280, 800], [360, 740]] as const) {
      await noScript.setViewportSize({ width, height });
      await withdraw.scrollIntoViewIfNeeded();
      const [box, column] = [(await withdraw.boundingBox())!, (await panel.boundingBox())!];
      expect(box.x, `left edge at ${width} px`).toBeGreaterThanOrEqual(Math.max(column.x, 0) - 1);
      expect(box.x + box.width, `right edge at ${width} px`).toBeLessThanOrEqual(Math.min(column.x + column.width, width) + 1);
      await expect(withdraw.getByRole('button', { name: 'Withdraw claim' })).toBeInViewport({ ratio: 1 });
      await noScript.screenshot({ path: test.info().outputPath(`withdraw-no-js-${width}.png`) });
    }
    await noScript.setViewportSize({ width: 1280, height: 800 });
    const note = 'Withdrawn: the £1.2m was last year’s levy — المبلغ خاطئ.';
    await withdraw.getByLabel('Public note').fill(note);
    await withdraw.getByRole('button', { name: 'Withdraw claim' }).click();
    await expect(noScript.getByRole('region', { name: 'Withdrawn' })).toContainText(note);

    // The draft: deleted after its confirmation, the article's page without it.
    await noScript.goto(`/edit/articles/${made.id}?claim=${made.claims[draft]}`);
    await noScript.getByRole('button', { name: 'Delete claim…' }).click();
    const remove = noScript.getByRole('dialog', { name: 'Delete this claim?' });
    await expect(remove).toBeVisible();
    await remove.getByRole('button', { name: 'Delete claim' }).click();
    await expect(noScript).toHaveURL(new RegExp(`/edit/articles/${made.id}$`));
    await expect(noScript.getByRole('region', { name: /in this article/ })).not.toContainText('A draft claim about the levy');
    await context.close();
  });
});
