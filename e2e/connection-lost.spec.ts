import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AnnotatorPage } from './pages/annotator';
import { axeInBothSchemes } from './support/axe';
import { runSetup } from './support/setup';

/** The next POST to a workspace page fails as `how` says; every other request goes through. */
async function failNextSave(page: Page, how: (route: Parameters<Parameters<Page['route']>[1]>[0]) => Promise<void>) {
  let failed = false;
  await page.route('**/edit/**', (route) => {
    if (!failed && route.request().method() === 'POST') {
      failed = true;
      return how(route);
    }
    return route.continue();
  });
}

// An editor on a train's wifi: the save leaves the browser and never arrives.
test('a save that never reaches the server says so in its form, which keeps what was typed, and pressing again saves it', async ({ page, auth }) => {
  const tag = randomUUID().slice(0, 6);
  const quote = `The night bus ${tag} runs every 20 minutes until 2 a.m.`;
  const { id: articleId, claims } = runSetup<{ id: number; claims: { id: number }[] }>('article-with-claims.ts', {
    title: `Night bus ${tag}`,
    body: quote,
    quotes: [quote],
    published: false,
  });
  await auth.signedIn('editor');
  await page.goto(`/edit/claims/${claims[0]!.id}`);
  await page.getByText('Add a source', { exact: true }).click();
  const form = page.getByRole('form', { name: 'Add a source' });
  const title = 'Night timetable — «جدول» 🚌 “winter”';
  await form.getByLabel('Web address').fill(`https://transit.example/${tag}/timetable`);
  await form.getByLabel('Title').fill(title);
  await failNextSave(page, (route) => route.abort('internetdisconnected'));
  await form.getByRole('button', { name: 'Add source' }).click();
  await expect(form.getByRole('alert')).toContainText('Not confirmed: the connection dropped before the server answered');
  await expect(form.getByLabel('Web address')).toHaveValue(`https://transit.example/${tag}/timetable`);
  await expect(form.getByLabel('Title')).toHaveValue(title);
  await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('not-sent.png'), fullPage: true });
  expect(await axeInBothSchemes(page, 'not sent')).toEqual([]);
  await form.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByRole('region', { name: 'Sources' }).getByRole('listitem', { name: title })).toBeVisible();

  // The claim editor: a long status note typed, the save lost on the way.
  await page.goto(`/edit/articles/${articleId}?claim=${claims[0]!.id}`);
  const annotator = new AnnotatorPage(page);
  const note = `Checked against the operator’s ${tag} timetable: «ليلاً» the last bus leaves at 01:40, not 2 a.m. 🚌\n\nSecond paragraph of the note.`;
  await annotator.editor().getByLabel('Why this status').fill(note);
  const version = await annotator.version();
  await failNextSave(page, (route) => route.abort('connectionreset'));
  await annotator.editor().getByRole('button', { name: 'Save claim' }).click();
  await expect(annotator.editor().getByRole('alert')).toContainText('Not confirmed');
  await expect(annotator.editor().getByLabel('Why this status')).toHaveValue(note);
  await annotator.save();
  expect(await annotator.version()).toBe(version + 1);
  await page.reload();
  await expect(annotator.editor().getByLabel('Why this status')).toHaveValue(note);
});

// A proxy in front of Claimline answering for it (a restart, a timeout): not a connection lost, not the app's answer.
test('a save answered by something other than Claimline shows the workspace’s error page, which Try again leaves', async ({ page, auth }) => {
  const tag = randomUUID().slice(0, 6);
  const quote = `The night ferry ${tag} sails at midnight.`;
  const { claims } = runSetup<{ claims: { id: number }[] }>('article-with-claims.ts', { title: `Night ferry ${tag}`, body: quote, quotes: [quote] });
  await auth.signedIn('editor');
  await page.goto(`/edit/claims/${claims[0]!.id}`);
  await page.getByText('Add a source', { exact: true }).click();
  const form = page.getByRole('form', { name: 'Add a source' });
  await form.getByLabel('Web address').fill(`https://ferry.example/${tag}`);
  await form.getByLabel('Title').fill(`Ferry timetable ${tag}`);
  await failNextSave(page, (route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1></body></html>' }));
  await form.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByRole('heading', { name: 'Something went wrong', level: 1 })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'failed in the browser' })).toContainText('tell whoever runs this Claimline');
  await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('went-wrong.png'), fullPage: true });
  expect(await axeInBothSchemes(page, 'something went wrong')).toEqual([]);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('region', { name: 'Sources' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toHaveCount(0);
});

// The save arrived and was committed; its answer was lost on the way back. Each create form carries a
// one-time key (db/queries/form-submissions.ts), so sending it again saves nothing twice.
test('a save whose answer was lost, sent again, is saved once: a response with JavaScript, a source without', async ({ page, browser, auth, claimSections }) => {
  const tag = randomUUID().slice(0, 6);
  const quote = `The late ferry ${tag} waits for the last train.`;
  const { claims } = runSetup<{ claims: { id: number }[] }>('article-with-claims.ts', { title: `Late ferry ${tag}`, body: quote, quotes: [quote], published: false });
  const claimId = claims[0]!.id;
  await auth.signedIn('editor');
  await claimSections.open(claimId);
  const party = `Ferry Riders ${tag} — «ركاب» 🚢`;
  const answer = `“We never said it waits,” the operator wrote — 待たない. ${'The timetable says so. '.repeat(30)}`.trim();
  await failNextSave(page, async (route) => {
    await route.fetch();
    await route.abort('connectionreset');
  });
  const form = await claimSections.addResponse({ newParty: party, stance: 'disputes', quote: answer });
  await expect(form.getByRole('alert')).toContainText('Not confirmed');
  // The stance chosen too (a select went back to "— awaiting reply —" after a failed save).
  await expect(form.getByLabel('Stance')).toHaveValue('disputes');
  await form.getByRole('button', { name: 'Add response' }).click();
  const listed = claimSections.responses().getByRole('listitem', { name: `Response from ${party}` });
  await expect(listed).toHaveCount(1);
  await page.reload();
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('We never said it waits');

  // Without JavaScript the form posts as a page; the browser's error page resends the same post.
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const noScript = await context.newPage();
  await noScript.goto(`/edit/claims/${claimId}`);
  let sent: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
  await noScript.route('**/edit/**', async (route) => {
    if (sent || route.request().method() !== 'POST') return route.continue();
    const { url, headers } = { url: route.request().url(), headers: route.request().headers() };
    sent = { url, headers: { 'content-type': headers['content-type']!, origin: headers.origin! }, body: route.request().postDataBuffer()! };
    await route.fetch();
    await route.abort('connectionreset');
  });
  const title = `Timetable ${tag} — 時刻表 “winter” 🌙`;
  await noScript.getByText('Add a source', { exact: true }).click();
  const sourceForm = noScript.getByRole('form', { name: 'Add a source' });
  await sourceForm.getByLabel('Web address').fill(`https://ferry.example/${tag}/timetable`);
  await sourceForm.getByLabel('Title').fill(title);
  await sourceForm.getByLabel('Relation').selectOption({ label: 'Supports' });
  await sourceForm.getByRole('button', { name: 'Add source' }).click();
  await expect.poll(() => sent !== undefined).toBe(true);
  const again = await noScript.request.post(sent!.url, { headers: sent!.headers, data: sent!.body });
  expect(again.status()).toBe(200);
  await noScript.unrouteAll();
  await noScript.goto(`/edit/claims/${claimId}`);
  await expect(noScript.getByRole('region', { name: 'Sources' }).getByRole('listitem', { name: title })).toHaveCount(1);
  await context.close();
});

// What was sent and never confirmed outlives the page in the tab (components/forms/drafts.tsx).
test('what a form sent without a confirmed save is back after a reload, with a note and Discard; a confirmed save leaves nothing behind', async ({ page, auth }) => {
  const tag = randomUUID().slice(0, 6);
  const quote = `The harbour tram ${tag} runs every ten minutes.`;
  const { id: articleId, claims } = runSetup<{ id: number; claims: { id: number }[] }>('article-with-claims.ts', { title: `Harbour tram ${tag}`, body: quote, quotes: [quote], published: false });
  const claimId = claims[0]!.id;
  await auth.signedIn('editor');
  await page.goto(`/edit/claims/${claimId}`);
  await page.getByText('Add a response or request for comment').click();
  const form = page.getByRole('form', { name: 'Add a response' });
  const party = `Tram Users ${tag} — «مستخدمو الترام» 🚋`;
  const answer = `“Every twelve minutes, at best,” they said — 十二分ごと.\n\n${'A second paragraph about the timetable. '.repeat(40).trim()}`;
  await form.getByLabel('Or a new party').fill(party);
  await form.getByLabel('Stance').selectOption({ label: 'disputes' });
  await form.getByLabel('Quote').fill(answer);
  // A proxy answers for Claimline: the workspace's error page replaces the form.
  await failNextSave(page, (route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1></body></html>' }));
  await form.getByRole('button', { name: 'Add response' }).click();
  await expect(page.getByRole('heading', { name: 'Something went wrong', level: 1 })).toBeVisible();
  await page.reload();
  await expect(form.getByRole('status').filter({ hasText: 'Put back from this tab' })).toBeVisible();
  await expect(form.getByLabel('Quote')).toHaveValue(answer);
  await expect(form.getByLabel('Or a new party')).toHaveValue(party);
  await expect(form.getByLabel('Stance')).toHaveValue('disputes');
  await form.screenshot({ path: test.info().outputPath('put-back.png') });
  expect(await axeInBothSchemes(page, 'put back')).toEqual([]);
  await form.getByRole('button', { name: 'Discard what was put back' }).click();
  await expect(form.getByLabel('Quote')).toHaveValue('');
  await page.reload();
  await page.getByText('Add a response or request for comment').click();
  await expect(form.getByLabel('Quote')).toHaveValue('');
  await expect(form.getByText('Put back from this tab')).toHaveCount(0);

  // The claim form: the save lost on the way, the page reloaded, the note back and saved from there.
  await page.goto(`/edit/articles/${articleId}?claim=${claimId}`);
  const annotator = new AnnotatorPage(page);
  const note = `The operator’s ${tag} timetable: «كل ١٢ دقيقة» 🚋 ${'every twelve minutes; '.repeat(20).trim()}`;
  await annotator.editor().getByLabel('Why this status').fill(note);
  const version = await annotator.version();
  await failNextSave(page, (route) => route.abort('connectionreset'));
  await annotator.editor().getByRole('button', { name: 'Save claim' }).click();
  await expect(annotator.editor().getByRole('alert')).toContainText('Not confirmed');
  await page.reload();
  await expect(annotator.editor().getByText('Put back from this tab')).toBeVisible();
  await expect(annotator.editor().getByLabel('Why this status')).toHaveValue(note);
  await annotator.save();
  expect(await annotator.version()).toBe(version + 1);
  await page.reload();
  await expect(annotator.editor().getByLabel('Why this status')).toHaveValue(note);
  await expect(annotator.editor().getByText('Put back from this tab')).toHaveCount(0);
});

// A shared computer: the first editor's save got no answer and their session ran out (no Sign out
// pressed); the next editor signs in in the same tab and must not get that text put back.
test('a draft put back is its own editor’s: the next person signed in in the same tab gets an empty form', async ({ page, auth }) => {
  const tag = randomUUID().slice(0, 6);
  const quote = `The ferry ${tag} leaves on the hour.`;
  const { claims } = runSetup<{ id: number; claims: { id: number }[] }>('article-with-claims.ts', { title: `Ferry ${tag}`, body: quote, quotes: [quote], published: false });
  await auth.signedIn('editor', 'First');
  await page.goto(`/edit/claims/${claims[0]!.id}`);
  await page.getByText('Add a response or request for comment').click();
  const form = page.getByRole('form', { name: 'Add a response' });
  const answer = `Not for the next editor ${tag}: «سري» 🔒`;
  await form.getByLabel('Or a new party').fill(`Ferry Users ${tag}`);
  await form.getByLabel('Quote').fill(answer);
  await failNextSave(page, (route) => route.abort('connectionreset'));
  await form.getByRole('button', { name: 'Add response' }).click();
  await expect(form.getByRole('alert')).toContainText('Not confirmed');
  await page.unroute('**/edit/**');
  await page.context().clearCookies();
  await auth.signedIn('editor', 'Second');
  await page.goto(`/edit/claims/${claims[0]!.id}`);
  // Once the page's scripts run, which is when a draft is put back (and its section opened).
  const adding = page.locator('details').filter({ hasText: 'Add a response or request for comment' });
  await page.waitForFunction(() => Object.keys(document.querySelector('textarea[name="quote"]') ?? {}).some((key) => key.startsWith('__reactFiber')));
  await expect(adding.locator('textarea[name="quote"]')).toHaveValue('');
  await expect(adding).not.toHaveAttribute('open');
  await page.getByText('Add a response or request for comment').click();
  await expect(form.getByLabel('Quote')).toHaveValue('');
  await expect(form.getByLabel('Or a new party')).toHaveValue('');
  await expect(form.getByText('Put back from this tab')).toHaveCount(0);
  // Nor is it left in the tab for anyone to read.
  expect(await page.evaluate(() => Object.values(sessionStorage).join('\n'))).not.toContain(tag);
});

// The page is drawn again after every save of another form on it: the form whose answer was lost keeps its key.
test('a response whose answer was lost, then a source saved, then the response sent again, is one response; the next one is saved too', async ({ page, auth, claimSections }) => {
  const tag = randomUUID().slice(0, 6);
  const quote = `The night bus ${tag} stops at the harbour.`;
  const { claims } = runSetup<{ claims: { id: number }[] }>('article-with-claims.ts', { title: `Night bus ${tag}`, body: quote, quotes: [quote], published: false });
  await auth.signedIn('editor');
  await claimSections.open(claims[0]!.id);
  const party = `Harbour Drivers ${tag} — «سائقون» 🚌`;
  await failNextSave(page, async (route) => {
    await route.fetch();
    await route.abort('connectionreset');
  });
  const form = await claimSections.addResponse({ newParty: party, stance: 'disputes', quote: `“It never stopped there,” the drivers said — 停まらない ${tag}.` });
  await expect(form.getByRole('alert')).toContainText('Not confirmed');
  await page.unrouteAll();
  const title = `Night timetable ${tag} — 夜間`;
  await claimSections.addSource({ url: `https://bus.example/${tag}/night`, title, relation: 'Supports' });
  await expect(claimSections.sources().getByRole('listitem', { name: title })).toHaveCount(1);
  await form.getByRole('button', { name: 'Add response' }).click();
  await expect(form.getByRole('status')).toHaveText('Response saved.');
  await page.reload();
  await expect(claimSections.responses().getByRole('listitem', { name: `Response from ${party}` })).toHaveCount(1);
  // A saved form's key is spent: the next response from the same form is a new one, not "already saved".
  const other = `Harbour Riders ${tag}`;
  await claimSections.addResponse({ newParty: other, stance: 'disputes', quote: 'It stopped there every night.' });
  await expect(claimSections.responses().getByRole('listitem', { name: `Response from ${other}` })).toHaveCount(1);
  const next = `Harbour Council ${tag}`;
  const again = page.getByRole('form', { name: 'Add a response' });
  await again.getByLabel('Or a new party').fill(next);
  await again.getByLabel('Stance').selectOption({ label: 'disputes' });
  await again.getByLabel('Quote').fill('It stopped there on Sundays only.');
  await again.getByRole('button', { name: 'Add response' }).click();
  await expect(claimSections.responses().getByRole('listitem', { name: `Response from ${next}` })).toHaveCount(1);
});

// The save arrived and was committed, its answer was lost, and the editor reloaded: the form is drawn with a
// new key, and the draft put back must bring the key it was sent with, or Save stores it a second time.
test('a draft put back after a save that did arrive carries its first key: saved again, it is stored once (response and source)', async ({ page, auth, claimSections }) => {
  const tag = randomUUID().slice(0, 6);
  const quote = `The cable car ${tag} carries 2,000 people an hour.`;
  const { claims } = runSetup<{ claims: { id: number }[] }>('article-with-claims.ts', { title: `Cable car ${tag}`, body: quote, quotes: [quote], published: false });
  await auth.signedIn('editor');
  await claimSections.open(claims[0]!.id);
  const party = `Cable Car Riders ${tag} — «ركاب» 缆车 🚡`;
  const title = `Cable car capacity ${tag} — 运力 “peak”`;
  const cases = [
    {
      form: page.getByRole('form', { name: 'Add a response' }),
      send: () => claimSections.addResponse({ newParty: party, stance: 'disputes', quote: `“Half that, at best,” the riders said — 一半 ${tag}.` }),
      button: 'Add response',
      listed: claimSections.responses().getByRole('listitem', { name: `Response from ${party}` }),
      saved: 'Response saved.',
    },
    {
      form: page.getByRole('form', { name: 'Add a source' }),
      send: () => claimSections.addSource({ url: `https://cable.example/${tag}/capacity`, title, relation: 'Contradicts' }),
      button: 'Add source',
      listed: claimSections.sources().getByRole('listitem', { name: title }),
      saved: 'Source saved.',
    },
  ];
  for (const { form, send, button, listed, saved } of cases) {
    await failNextSave(page, async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await send();
    await expect(form.getByRole('alert')).toContainText('Not confirmed');
    const sentKey = await form.locator('input[name="formKey"]').inputValue();
    await page.unrouteAll();
    await page.reload();
    await expect(form.getByRole('status').filter({ hasText: 'Put back from this tab' })).toBeVisible();
    await expect(form.locator('input[name="formKey"]')).toHaveValue(sentKey);
    // It did arrive: listed once already, and the editor, unsure, presses the button again.
    await expect(listed).toHaveCount(1);
    await form.getByRole('button', { name: button }).click();
    await expect(form.getByRole('status').filter({ hasText: saved })).toBeVisible();
    await page.reload();
    await expect(listed).toHaveCount(1);
    await expect(form.getByText('Put back from this tab')).toHaveCount(0);
  }
});
