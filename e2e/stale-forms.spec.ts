import { randomUUID } from 'node:crypto';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { AnnotatorPage } from './pages/annotator';
import { AuthPages } from './pages/auth';
import { ClaimSections } from './pages/claim-sections';
import { runSetup } from './support/setup';

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

test('typing in the claim form survives a new version from the panel’s own buttons, and never overwrites another editor’s save unseen', async ({ page, auth, browser }) => {
  const tag = randomUUID().slice(0, 6);
  const quote = `The harbour tram ${tag} runs every 6 minutes at peak.`;
  const other = `Fares on the harbour tram ${tag} stay at £1.`;
  const made = runSetup<{ id: number; claims: { id: number }[] }>('article-with-claims.ts', {
    title: `Harbour tram ${tag}`,
    body: `${quote}\n\n${other}`,
    quotes: [quote, other],
    published: false,
  });
  const claimUrl = `/edit/articles/${made.id}?claim=${made.claims[0]!.id}`;
  await auth.signedIn('editor', 'Anna');
  await page.goto(claimUrl);
  const anna = new AnnotatorPage(page);
  const form = anna.editor();
  const statement = `Harbour trams ${tag} run every 6 minutes — «كل ست دقائق» 🚋`;
  const note = 'The timetable says every 8 minutes off-peak; “peak” is 07:00–09:30.';
  await form.getByLabel('Statement').fill(statement);
  await form.getByLabel('Status', { exact: true }).selectOption({ label: 'Partly true' });
  await form.getByLabel('Why this status').fill(note);
  // Before saving, Anna moves the claim on with the panel's workflow button: a new version.
  const version = await anna.version();
  await anna.panel().getByRole('button', { name: /^Start checking:/ }).click();
  await expect(anna.panel()).toContainText(`version ${version + 1}`);
  await expect(form.getByLabel('Statement')).toHaveValue(statement);
  await expect(form.getByLabel('Why this status')).toHaveValue(note);
  await expect(form.getByLabel('Status', { exact: true })).toHaveValue('partly_true');
  await expect(form.getByRole('status').filter({ hasText: 'What you typed is kept' })).toBeVisible();
  await anna.save();
  await page.reload();
  await expect(form.getByLabel('Statement')).toHaveValue(statement);
  await expect(form.getByLabel('Why this status')).toHaveValue(note);

  // Bilal saves another statement; Anna, typing a new note, sees his version only when her page draws a newer one.
  const contextB = await browser.newContext();
  const pageB = await contextB.newPage();
  await new AuthPages(pageB).signedIn('editor', 'Bilal');
  await pageB.goto(claimUrl);
  const bilal = new AnnotatorPage(pageB);
  const theirStatement = `Harbour trams ${tag} run every 6 minutes at peak (Bilal).`;
  await bilal.editor().getByLabel('Statement').fill(theirStatement);
  await bilal.save();
  await contextB.close();
  const second = 'Second thoughts: the 6-minute figure holds only on weekdays.';
  await form.getByLabel('Why this status').fill(second);
  // To the article's other claim and back, in the page: the panel is drawn on Bilal's version.
  const list = page.getByRole('region', { name: /claims in this article/ });
  await list.getByRole('link', { name: other }).click();
  await expect(form.getByLabel('Statement')).toHaveValue(other);
  await list.getByRole('link', { name: theirStatement }).click();
  await expect(form.getByLabel('Why this status')).toHaveValue(second);
  await expect(form.getByRole('status').filter({ hasText: 'saved again while you typed' })).toBeVisible();
  await form.getByRole('button', { name: 'Save claim' }).click();
  const theirs = form.getByRole('region', { name: 'Their saved version' });
  await expect(theirs).toContainText(theirStatement);
  await expect(form.getByLabel('Why this status')).toHaveValue(second);
  await form.screenshot({ path: test.info().outputPath('kept-typing.png') });
});

// Two editors ask the same party for comment from forms each drew before the other saved, and press Add
// response at the same moment; then the same request, JavaScript off, is posted twice at once (a double click).
test('a party asked for comment from two editors’ forms at once is asked once; the later form says why and keeps its typing', async ({ page, auth, browser }) => {
  const tag = randomUUID().slice(0, 6);
  const quote = `The ferry ${tag} was late on 40 days last winter.`;
  const { claims } = runSetup<{ claims: { id: number }[] }>('article-with-claims.ts', { title: `Late ferry ${tag}`, body: quote, quotes: [quote], published: false });
  const claimId = claims[0]!.id;
  const party = `Ferry Operator ${tag} — «المشغل» 渡轮 🚢`;
  await auth.signedIn('editor', 'Anna');
  const contextB = await browser.newContext();
  const pageB = await contextB.newPage();
  await new AuthPages(pageB).signedIn('editor', 'Bilal');
  const forms: Locator[] = [];
  for (const [editor, deadline] of [[page, '2026-12-09'], [pageB, '2026-12-11']] as const) {
    const sections = new ClaimSections(editor);
    await sections.open(claimId);
    await sections.responses().getByText('Add a response or request for comment').click();
    const form = editor.getByRole('form', { name: 'Add a response' });
    await form.getByLabel('Or a new party').fill(party);
    await form.getByLabel('Comment requested on').fill('2026-12-02');
    await form.getByLabel('Reply deadline').fill(deadline);
    forms.push(form);
  }
  await Promise.all(forms.map((form) => form.getByRole('button', { name: 'Add response' }).click()));
  const saved = (form: Locator) => form.getByRole('status').filter({ hasText: 'Response saved.' });
  const refused = (form: Locator) => form.getByText(`${party} was already asked for comment on this claim and has not answered yet`);
  await expect.poll(async () => (await Promise.all(forms.map(async (f) => [await saved(f).count(), await refused(f).count()]))).flat().join()).toMatch(/^(1,0,0,1|0,1,1,0)$/);
  const later = (await saved(forms[0]!).count()) ? forms[1]! : forms[0]!;
  await expect(later.getByLabel('Or a new party')).toHaveValue(party);
  await later.screenshot({ path: test.info().outputPath('asked-twice.png') });
  const requests = new ClaimSections(page).responses().getByRole('listitem', { name: `Response from ${party}` });
  await page.reload();
  await expect(requests).toHaveCount(1);
  await expect(requests).toContainText('reply due by');

  // JavaScript off: Bilal asks another party; his browser sends the form twice at once.
  const other = `Harbour Board ${tag} — 港务局`;
  const noScript = await (await browser.newContext({ javaScriptEnabled: false, storageState: await contextB.storageState() })).newPage();
  await noScript.goto(`/edit/claims/${claimId}`);
  await noScript.route('**/edit/**', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const { headers } = { headers: route.request().headers() };
    const twice = await Promise.all([
      route.fetch(),
      noScript.request.post(route.request().url(), { headers: { 'content-type': headers['content-type']!, origin: headers.origin! }, data: route.request().postDataBuffer()! }),
    ]);
    await route.fulfill({ response: twice[0] });
  });
  await noScript.getByText('Add a response or request for comment').click();
  const noScriptForm = noScript.getByRole('form', { name: 'Add a response' });
  await noScriptForm.getByLabel('Or a new party').fill(other);
  await noScriptForm.getByLabel('Comment requested on').fill('2026-12-02');
  await noScriptForm.getByLabel('Reply deadline').fill('2026-12-09');
  await noScriptForm.getByRole('button', { name: 'Add response' }).click();
  await noScript.unrouteAll();
  await noScript.goto(`/edit/claims/${claimId}`);
  await expect(new ClaimSections(noScript).responses().getByRole('listitem', { name: `Response from ${other}` })).toHaveCount(1);
  await noScript.context().close();
  await contextB.close();
});
