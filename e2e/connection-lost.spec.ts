import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { axeInBothSchemes } from './support/axe';
import { runSetup } from './support/setup';

test.use({ failOnPageErrors: true });

// An editor on a train's wifi: the save leaves the browser and never arrives.
test('a save that never reaches the server says so in the workspace, which stays usable, and trying again works', async ({ page, auth }) => {
  const tag = randomUUID().slice(0, 6);
  const quote = `The night bus ${tag} runs every 20 minutes until 2 a.m.`;
  const { claims } = runSetup<{ claims: { id: number }[] }>('article-with-claims.ts', { title: `Night bus ${tag}`, body: quote, quotes: [quote] });
  await auth.signedIn('editor');
  await page.goto(`/edit/claims/${claims[0]!.id}`);
  await page.getByText('Add a source', { exact: true }).click();
  const form = page.getByRole('form', { name: 'Add a source' });
  await form.getByLabel('Web address').fill(`https://transit.example/${tag}/timetable`);
  await form.getByLabel('Title').fill('Night timetable — «جدول» 🚌');
  // The connection drops for this one request.
  let dropped = false;
  await page.route('**/edit/claims/**', (route) => {
    if (!dropped && route.request().method() === 'POST') {
      dropped = true;
      return route.abort('internetdisconnected');
    }
    return route.continue();
  });
  await form.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'did not reach the server' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('not-sent.png'), fullPage: true });
  expect(await axeInBothSchemes(page, 'not sent')).toEqual([]);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('region', { name: 'Sources' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'did not reach the server' })).toHaveCount(0);
});
