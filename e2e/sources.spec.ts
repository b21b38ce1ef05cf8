import { randomUUID } from 'node:crypto';
import { DEMO, expect, test } from './fixtures';

const MILL_STREET = 'more lanes would follow on Mill Street next year';

test.describe('sources and responses on a claim', () => {
  let claimId: number;
  test.beforeEach(async ({ auth, claimSections }) => {
    claimId = await claimSections.claimIdFromReader(DEMO.busArticle, MILL_STREET);
    await auth.signedIn('editor');
  });

  test('an editor adds, edits and removes a source; the reader page follows each change', async ({ page, claimSections }) => {
    const title = `Mill Street consultation ${randomUUID().slice(0, 6)}`;
    await claimSections.open(claimId);
    await expect(page.getByTestId('suggested-status')).toContainText('Unverified');
    await claimSections.addSource({
      url: 'https://riverside-council.example/consultations/mill-street',
      title,
      publisher: 'Riverside City Council',
      publishedOn: '2026-03-02',
      relation: 'Contradicts',
      excerpt: 'No works on Mill Street are planned before 2028.',
    });
    await expect(claimSections.sources().getByRole('listitem', { name: title })).toContainText('Contradicts');
    await expect(page.getByTestId('suggested-status')).toContainText('False');
    await expect(page.getByTestId('suggested-status')).toContainText('Sources contradict it and none support it.');

    // The same address added again (another editor's form, or one opened before this add) is refused
    // beside the address with what was typed kept; it used to replace how the claim cites it, unseen.
    const again = page.getByRole('form', { name: 'Add a source' });
    await again.getByLabel('Web address').fill('https://riverside-council.example/consultations/mill-street');
    await again.getByLabel('Title').fill(title);
    await again.getByLabel('Relation').selectOption({ label: 'Supports' });
    await again.getByRole('button', { name: 'Add source' }).click();
    await expect(again.getByText('This claim already cites that address')).toBeVisible();
    await expect(again.getByLabel('Relation')).toHaveValue('supports');
    await expect(claimSections.sources().getByRole('listitem', { name: title })).toContainText('Contradicts');

    await page.goto(`/claims/${claimId}/x`);
    const readerSources = page.getByRole('region', { name: 'Sources' });
    await expect(readerSources.getByRole('heading', { name: 'Contradicts' })).toBeVisible();
    await expect(readerSources.getByRole('link', { name: title })).toBeVisible();
    await expect(readerSources).toContainText('No works on Mill Street are planned before 2028.');
    await expect(page.getByRole('region', { name: 'History' })).toContainText(`Source added: ${title}`);

    await claimSections.open(claimId);
    await claimSections.editSource(title, { relation: 'Context', excerpt: 'Consultation closes in May.' });
    await expect(claimSections.sources().getByRole('listitem', { name: title })).toContainText('Consultation closes in May.');
    await page.goto(`/claims/${claimId}/x`);
    await expect(readerSources.getByRole('heading', { name: 'Context' })).toBeVisible();
    await expect(readerSources.getByRole('heading', { name: 'Contradicts' })).toHaveCount(0);
    await expect(readerSources).toContainText('Consultation closes in May.');

    await claimSections.open(claimId);
    await claimSections.removeSource(title);
    await page.goto(`/claims/${claimId}/x`);
    await expect(readerSources.getByRole('link', { name: title })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'History' })).toContainText(`Source removed: ${title}`);
  });

  test('a page cited again from a link with tracking and a fragment is recognised as the source already cited', async ({ page, claimSections }) => {
    const tag = randomUUID().slice(0, 6);
    await claimSections.open(claimId);
    await claimSections.addSource({ url: `https://stats.example.org/ridership-${tag}`, title: `Ridership ${tag}`, relation: 'Supports' });
    await expect(claimSections.sources().getByRole('listitem', { name: `Ridership ${tag}` })).toBeVisible();
    await claimSections.open(claimId);
    const before = await claimSections.sources().getByRole('listitem').count();
    const form = await claimSections.addSource({ url: `https://Stats.Example.org/ridership-${tag}?utm_source=newsletter&fbclid=IwAR0#table-2`, title: `Ridership ${tag} again`, relation: 'Context' });
    await expect(form.getByText('This claim already cites that address')).toBeVisible();
    await page.reload();
    await expect(claimSections.sources().getByRole('listitem')).toHaveCount(before);
  });

  test('an address that is not http or https gives a field error and saves nothing', async ({ page, claimSections }) => {
    await claimSections.open(claimId);
    const before = await claimSections.sources().getByRole('listitem').count();
    const form = await claimSections.addSource({ url: 'javascript:alert(1)', title: 'Not a source' });
    await expect(form.getByText('Enter a web address starting with http:// or https://.')).toBeVisible();
    // What was typed stays on screen.
    await expect(form.getByLabel('Title')).toHaveValue('Not a source');
    await page.reload();
    await expect(claimSections.sources().getByRole('listitem')).toHaveCount(before);
    await page.goto(`/claims/${claimId}/x`);
    await expect(page.getByRole('region', { name: 'Sources' })).not.toContainText('Not a source');
  });

  test('a party named in the response form is made with the kind the editor chose, which its page shows', async ({ page, claimSections }) => {
    const party = `Dalia Haddad داليا حداد ${randomUUID().slice(0, 6)}`;
    await claimSections.open(claimId);
    await claimSections.addResponse({ newParty: party, newPartyKind: 'Person', stance: 'disputes', quote: 'I never said the lanes were free.' });
    await expect(claimSections.message()).toContainText('saved', { ignoreCase: true });
    await page.goto(`/claims/${claimId}/x`);
    await page.getByRole('region', { name: 'Responses' }).getByRole('link', { name: party }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(party);
    await expect(page.getByText('Person', { exact: true })).toBeVisible();
  });

  test('a request for comment with a deadline, then the reply, then its removal', async ({ page, claimSections }) => {
    const party = `Mill Street Traders ${randomUUID().slice(0, 6)}`;
    await claimSections.open(claimId);
    await claimSections.addResponse({ newParty: party, requestedOn: '2026-01-05', deadline: '2026-01-12' });
    await expect(claimSections.responses().getByRole('listitem', { name: `Response from ${party}` })).toContainText(
      'no response by 12 Jan 2026',
    );
    await page.goto(`/claims/${claimId}/x`);
    const readerResponses = page.getByRole('region', { name: 'Responses' });
    await expect(readerResponses).toContainText(`${party} was asked for comment, no response by 12 Jan 2026`);

    await claimSections.open(claimId);
    await claimSections.editResponse(party, { stance: 'disputes', quote: 'No trader was consulted.', respondedOn: '2026-01-15' });
    await expect(claimSections.responses().getByRole('listitem', { name: `Response from ${party}` })).toContainText(`${party} disputes`);
    await page.goto(`/claims/${claimId}/x`);
    await expect(readerResponses).toContainText(`${party} disputes`);
    await expect(readerResponses).toContainText('No trader was consulted.');
    await expect(readerResponses).not.toContainText('no response by 12 Jan 2026');

    await claimSections.open(claimId);
    await claimSections.removeResponse(party);
    await page.goto(`/claims/${claimId}/x`);
    await expect(readerResponses).not.toContainText(party);
    await expect(page.getByRole('region', { name: 'History' })).toContainText(`Response from ${party} removed`);
  });

  test('a reply recorded with "Add response" answers the party’s open request: readers see the answer, not also "no response by"', async ({ page, claimSections }) => {
    const party = `Quay Road Traders ${randomUUID().slice(0, 6)}`;
    await claimSections.open(claimId);
    await claimSections.addResponse({ newParty: party, requestedOn: '2026-01-05', deadline: '2026-01-12' });
    await expect(claimSections.message()).toContainText('saved', { ignoreCase: true });
    await claimSections.open(claimId);
    await claimSections.addResponse({ party, stance: 'disputes', quote: 'Nobody asked the traders — 没有人问过', respondedOn: '2026-01-15' });
    await expect(claimSections.message()).toContainText('saved', { ignoreCase: true });
    await expect(claimSections.responses().getByRole('listitem', { name: `Response from ${party}` })).toHaveCount(1);
    await page.goto(`/claims/${claimId}/x`);
    const readerResponses = page.getByRole('region', { name: 'Responses' });
    await expect(readerResponses.getByRole('listitem').filter({ hasText: party })).toHaveCount(1);
    await expect(readerResponses).toContainText(`${party} disputes`);
    await expect(readerResponses).not.toContainText('no response by 12 Jan 2026');
    await expect(page.getByRole('region', { name: 'History' })).toContainText(`Response from ${party} updated`);
  });

  test('a response’s edit form is drawn when its Edit is opened, by keyboard too, keeps what was typed, and opens by link without JavaScript', async ({
    browser,
    page,
    claimSections,
  }) => {
    const party = `Mill Street Cyclists ${randomUUID().slice(0, 6)}`;
    await claimSections.open(claimId);
    await claimSections.addResponse({ newParty: party, requestedOn: '2026-02-02' });
    const item = claimSections.responses().getByRole('listitem', { name: `Response from ${party}` });
    const form = item.getByRole('form', { name: `Edit response from ${party}` });
    // Not drawn with the page (nor with the page a save sends back): only once asked for.
    await claimSections.open(claimId);
    await expect(form).toHaveCount(0);
    await item.getByText('Edit', { exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(form.getByLabel('Party', { exact: true })).toHaveValue(/\d+/);
    const quote = '“Nobody asked us” — مجموعة الدراجات 🚲';
    await form.getByLabel('Quote').fill(quote);
    // Closed and opened again, the form keeps what was typed.
    await item.getByText('Edit', { exact: true }).click();
    await expect(form).toBeHidden();
    await item.getByText('Edit', { exact: true }).click();
    await expect(form.getByLabel('Quote')).toHaveValue(quote);
    await form.screenshot({ path: test.info().outputPath('response-edit-form.png') });

    // Without JavaScript, Edit offers a link to the page with the form drawn open; saving works there.
    const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const plain = await noJs.newPage();
    await plain.goto(`/edit/claims/${claimId}`);
    const plainItem = plain.getByRole('region', { name: 'Responses' }).getByRole('listitem', { name: `Response from ${party}` });
    await plainItem.getByText('Edit', { exact: true }).click();
    await plainItem.getByRole('link', { name: 'Open the form to edit this response' }).click();
    await expect(plain).toHaveURL(/\?response=\d+#response-\d+$/);
    const plainForm = plainItem.getByRole('form', { name: `Edit response from ${party}` });
    await plainForm.getByLabel('Stance').selectOption({ label: 'disputes' });
    await plainForm.getByLabel('Quote').fill(quote);
    await plainForm.getByRole('button', { name: 'Save response' }).click();
    await expect(plain.getByRole('region', { name: 'Responses' }).getByRole('listitem', { name: `Response from ${party}` })).toContainText(`${party} disputes`);
    await expect(plain.getByRole('region', { name: 'Responses' })).toContainText('Nobody asked us');
    await noJs.close();
  });

  test('merging two parties moves the duplicate’s responses to the party kept', async ({ page, claimSections }) => {
    const suffix = randomUUID().slice(0, 6);
    const keep = `Harbour Board ${suffix}`;
    const duplicate = `The Harbour Board ${suffix}`;
    await claimSections.createParty(keep, 'Government');
    await claimSections.createParty(duplicate);
    await claimSections.open(claimId);
    await claimSections.addResponse({ party: duplicate, stance: 'confirms', quote: 'Mill Street is next.' });
    await expect(claimSections.responses().getByRole('listitem', { name: `Response from ${duplicate}` })).toBeVisible();

    await claimSections.mergeParties(keep, duplicate);
    await page.goto('/edit/parties');
    await expect(page.getByRole('link', { name: duplicate, exact: true })).toHaveCount(0);
    await expect(page.getByRole('listitem').filter({ hasText: keep })).toContainText('1 response');

    await page.goto(`/claims/${claimId}/x`);
    const readerResponses = page.getByRole('region', { name: 'Responses' });
    await expect(readerResponses).toContainText(`${keep} confirms`);
    await expect(readerResponses).not.toContainText(duplicate);
    await expect(page.getByRole('region', { name: 'History' })).toContainText(`${duplicate} merged into ${keep}`);

    // The duplicate's old public page leads to the party kept.
    const old = await page.request.get(`/parties/the-harbour-board-${suffix}`, { maxRedirects: 0 });
    expect(old.status()).toBe(308);
    await page.goto(`/parties/the-harbour-board-${suffix}`);
    await expect(page).toHaveURL(new RegExp(`/parties/harbour-board-${suffix}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(keep);
  });

  test('a signed-out visitor posting to the actions changes nothing', async ({ page, context, claimSections }) => {
    await claimSections.open(claimId);
    await page.getByText('Add a source', { exact: true }).click();
    const form = page.getByRole('form', { name: 'Add a source' });
    await form.getByLabel('Web address').fill('https://example.org/anonymous');
    await form.getByLabel('Title').fill('Anonymous source');
    await context.clearCookies();
    await form.getByRole('button', { name: 'Add source' }).click();
    await expect(form.getByRole('alert')).toContainText('Please sign in to do this.');

    await page.goto(`/claims/${claimId}/x`);
    await expect(page.getByRole('region', { name: 'Sources' })).not.toContainText('Anonymous source');
    await page.goto(`/edit/claims/${claimId}`);
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
