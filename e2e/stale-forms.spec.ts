import { expect, test } from './fixtures';
import { AuthPages } from './pages/auth';
import { ClaimSections } from './pages/claim-sections';

const DISPUTED_CLAIM = 3; // the demo's side-streets claim, with an open request to the drivers' association
const DRIVERS = 'Riverside Drivers’ Association';

test('a stale response form is refused with the other editor’s reply shown, and the reply is kept', async ({ page, auth, browser, claimSections }) => {
  await auth.signedIn('editor', 'Anna');
  // Bilal opens the same claim before Anna records the reply.
  const contextB = await browser.newContext();
  const pageB = await contextB.newPage();
  await new AuthPages(pageB).signedIn('editor', 'Bilal');
  const bilal = new ClaimSections(pageB);
  await bilal.open(DISPUTED_CLAIM);

  const quote = '“We have counts from 40 members — they show queues on Mill Lane every morning.”';
  await claimSections.open(DISPUTED_CLAIM);
  await claimSections.editResponse(DRIVERS, { stance: 'Disputes', quote, respondedOn: '2026-05-06' });
  await expect(claimSections.responses().getByRole('listitem', { name: `Response from ${DRIVERS}` })).toContainText('Mill Lane');

  // Bilal's form, opened earlier, only extends the deadline.
  await bilal.editResponse(DRIVERS, { deadline: '2026-06-30' });
  const form = pageB.getByRole('form', { name: `Edit response from ${DRIVERS}` });
  const theirs = form.getByRole('region', { name: 'Their saved version' });
  await expect(theirs).toContainText('Mill Lane');
  await expect(theirs).toContainText('Disputes');
  await expect(form.getByLabel('Reply deadline')).toHaveValue('2026-06-30');
  await form.screenshot({ path: test.info().outputPath('stale-response-form.png') });
  await contextB.close();

  await claimSections.open(DISPUTED_CLAIM);
  await expect(claimSections.responses().getByRole('listitem', { name: `Response from ${DRIVERS}` })).toContainText('Mill Lane');
});
