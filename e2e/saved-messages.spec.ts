import { randomUUID } from 'node:crypto';
import { DEMO, expect, test } from './fixtures';

const MILL_STREET = 'more lanes would follow on Mill Street next year';

// An edit of a response or source comes back as a new version, and its form is drawn again with
// the saved values: the editor must still be told the save went through.
test('editing a response or a source says it was saved', async ({ auth, claimSections }) => {
  const claimId = await claimSections.claimIdFromReader(DEMO.busArticle, MILL_STREET);
  await auth.signedIn('editor');
  const tag = randomUUID().slice(0, 6);
  const party = `Kiosk-Verein „Mühlgasse“ ${tag}`;
  const title = `Zählung Fußverkehr ${tag} — März`;
  await claimSections.open(claimId);
  // A request for comment and a source for context: neither moves the claim's suggested status,
  // which other specs read on this claim.
  await claimSections.addResponse({ newParty: party, requestedOn: '2026-02-13', deadline: '2026-02-20' });
  await claimSections.editResponse(party, { deadline: '2026-02-27' });
  const response = claimSections.responses().getByRole('listitem', { name: `Response from ${party}` });
  await expect(response).toContainText('27 Feb 2026');
  await expect(response.getByRole('status').filter({ hasText: 'Response saved.' })).toBeVisible();

  await claimSections.addSource({ url: `https://mill-street.example/counts/${tag}`, title, relation: 'Context' });
  await claimSections.editSource(title, { excerpt: 'Werktags 1.240 Personen pro Stunde.' });
  const source = claimSections.sources().getByRole('listitem', { name: title });
  await expect(source.getByRole('status').filter({ hasText: 'Source saved.' })).toBeVisible();
});
