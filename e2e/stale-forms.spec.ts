import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { AuthPages } from './pages/auth';
import { ClaimSections } from './pages/claim-sections';

test.use({ failOnPageErrors: true });

const DISPUTED_CLAIM = 3; // the demo's side-streets claim

test('a stale response form is refused with the other editor’s change shown, and that change is kept', async ({ auth, browser, claimSections }) => {
  await auth.signedIn('editor', 'Anna');
  const party = `Quay Road Traders ${randomUUID().slice(0, 6)}`;
  await claimSections.open(DISPUTED_CLAIM);
  await claimSections.addResponse({ newParty: party, requestedOn: '2026-04-28', deadline: '2026-05-05' });
  const item = () => claimSections.responses().getByRole('listitem', { name: `Response from ${party}` });
  await expect(item()).toBeVisible();

  // Bilal opens the same claim before Anna records the traders' reply.
  const contextB = await browser.newContext();
  const pageB = await contextB.newPage();
  await new AuthPages(pageB).signedIn('editor', 'Bilal');
  const bilal = new ClaimSections(pageB);
  await bilal.open(DISPUTED_CLAIM);

  const quote = '“Our 14 shops — Mill Lane included — saw no extra through traffic,” the traders said.';
  await claimSections.editResponse(party, { stance: 'denies', quote, respondedOn: '2026-05-04' });
  await expect(item()).toContainText('Mill Lane');

  // Bilal's form, opened earlier, only extends the deadline.
  await bilal.editResponse(party, { deadline: '2026-05-12' });
  const form = pageB.getByRole('form', { name: `Edit response from ${party}` });
  const theirs = form.getByRole('region', { name: 'Their saved version' });
  await expect(theirs).toContainText('Mill Lane');
  await expect(theirs).toContainText('denies');
  await expect(form.getByLabel('Reply deadline')).toHaveValue('2026-05-12');
  await form.screenshot({ path: test.info().outputPath('stale-response-form.png') });
  await contextB.close();

  await claimSections.open(DISPUTED_CLAIM);
  await expect(item()).toContainText('Mill Lane');
});

test('a merge form left open after its party was merged away says so, and merges nothing', async ({ page, auth, context }) => {
  const tag = randomUUID().slice(0, 6);
  await auth.signedIn('editor', 'Anna');
  const ids: number[] = [];
  for (const name of [`Ørnebakke Ferry Co. ${tag}`, `Ornebakke Ferry Company ${tag}`, `Ørnebakke Ferries ${tag}`]) {
    await page.goto('/edit/parties');
    const form = page.getByRole('form', { name: 'New party' });
    await form.getByLabel('Name').fill(name);
    await form.getByRole('button', { name: 'Create party' }).click();
    await page.waitForURL(/\/edit\/parties\/\d+\?saved=1/);
    ids.push(Number(/parties\/(\d+)/.exec(page.url())![1]));
  }
  // A second tab keeps the duplicate's page open while the first merges it away.
  const stale = await context.newPage();
  await stale.goto(`/edit/parties/${ids[1]}`);
  await page.goto(`/edit/parties/${ids[0]}`);
  await page.getByLabel('Duplicate to merge').selectOption({ label: `Ornebakke Ferry Company ${tag}` });
  await page.getByRole('button', { name: /^Merge into/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Parties merged.' })).toBeVisible();
  await stale.getByLabel('Duplicate to merge').selectOption({ label: `Ørnebakke Ferries ${tag}` });
  await stale.getByRole('button', { name: /^Merge into/ }).click();
  await expect(stale.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(/^This party no longer exists: since the page was loaded it was merged/);
  // Reloaded, the merged party's page leads to the party kept.
  await stale.reload();
  await expect(stale).toHaveURL(new RegExp(`/edit/parties/${ids[0]}\\?mergedAway=1$`));
  await expect(stale.getByRole('heading', { level: 1 })).toHaveText(`Ørnebakke Ferry Co. ${tag}`);
  await expect(stale.getByRole('status').filter({ hasText: 'was merged into this one' })).toBeVisible();
  await page.goto('/edit/parties');
  await expect(page.getByRole('main')).toContainText(`Ørnebakke Ferries ${tag}`);
});
