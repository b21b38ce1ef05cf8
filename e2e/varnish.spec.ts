import fs from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { missingVarnish } from '../scripts/varnish.mjs';
import { expect, test } from './fixtures';
import { articleWithClaims } from './pages/revisions';

// A real Varnish (deploy/varnish/claimline.vcl, with xkey) in front of the e2e server, which
// purges it on every write: scripts/e2e-server.mjs --varnish starts it on the port after its own
// and sets VARNISH_URL only then, and writes beside the database whether it runs or what is missing.

const through = `http://127.0.0.1:${Number(process.env.E2E_PORT) + 1}`;
const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'accept-encoding': 'gzip, deflate, br, zstd' };

let missing: string[] = [];

test.beforeAll(() => {
  const state = fs.readFileSync(`${process.env.E2E_DATABASE_PATH}.varnish`, 'utf8');
  if (state === 'running') return;
  // Installed but not running (a VCL that does not compile, a port in use): a failure, never a skip.
  if (!missingVarnish().length) throw new Error(`Varnish is installed but did not run: ${state}`);
  missing = [state];
  console.warn(`\n!!!!!!!! The Varnish test is SKIPPED: ${state}. Nothing about the shared cache was tested. !!!!!!!!\n`);
});

/** Purges of Varnish the app still owes (lib/server/purge.ts). */
function purgesDue(): number {
  const db = new Database(process.env.E2E_DATABASE_PATH!, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM cache_tags WHERE purge_due IS NOT NULL').pluck().get() as number;
  } finally {
    db.close();
  }
}

const viaVarnish = async (request: APIRequestContext, path: string, headers: Record<string, string> = {}) => {
  const response = await request.get(`${through}${path}`, { headers: { ...BROWSER, ...headers } });
  return { status: response.status(), headers: response.headers(), html: await response.text() };
};

test('through Varnish: an edit is on the very next request to the edited claim page, and unrelated pages stay cached', async ({ auth, claimSections, request }) => {
  test.skip(missing.length > 0, `Varnish is not installed: ${missing.join('; ')}`);
  const statement = 'the new lock gates will cut flooding by half';
  const otherStatement = 'the school canteen will serve local food only';
  const edited = articleWithClaims({
    title: 'Canal lock gates to be replaced',
    body: `The waterways trust said ${statement}. Boat owners’ groups asked to see the model.`,
    quotes: [statement],
  });
  const unrelated = articleWithClaims({
    title: 'School canteen goes local',
    body: `The head teacher said ${otherStatement}. Suppliers say prices will rise — 値上げ.`,
    quotes: [otherStatement],
  });
  const claimPath = `/claims/${edited.claims[0]!.id}/${edited.claims[0]!.slug}`;
  const otherPath = `/claims/${unrelated.claims[0]!.id}/${unrelated.claims[0]!.slug}`;
  await auth.signedIn('editor');
  // The articles above are written by a script and an editor may have just joined: changes of
  // unknown extent, which the app purges from Varnish as everything a few seconds later.
  await expect.poll(purgesDue, { timeout: 30_000 }).toBe(0);

  for (const path of [claimPath, otherPath, '/']) {
    const first = await viaVarnish(request, path);
    expect(first.status, path).toBe(200);
    const second = await viaVarnish(request, path);
    expect(second.headers['x-varnish-cache'], path).toBe('hit');
    // The copy Varnish keeps is the app's, byte for byte, with the policy its scripts were rendered for.
    expect(second.html, path).toBe(first.html);
    expect(second.headers['content-security-policy'], path).toBe(first.headers['content-security-policy']);
    expect(second.headers.xkey, 'the tags stay inside Varnish').toBeUndefined();
  }
  // A revisit through Varnish is a 304 without a policy, from Varnish itself.
  const { headers } = await viaVarnish(request, claimPath);
  const revalidated = await request.get(`${through}${claimPath}`, { headers: { ...BROWSER, 'if-none-match': headers.etag! } });
  expect(revalidated.status()).toBe(304);
  expect(revalidated.headers()['content-security-policy']).toBeUndefined();

  const answer = 'The model shows a third, and only for the lower basin.';
  await claimSections.open(edited.claims[0]!.id);
  await claimSections.addResponse({ newParty: 'Boat Owners’ Association', stance: 'disputes', quote: answer });
  await expect(claimSections.responses()).toContainText('Boat Owners’ Association disputes');

  // The save's answer came after the purge: the very next request through Varnish has the response.
  // And the purge was recorded as done: no sweep purges it again.
  expect(purgesDue()).toBe(0);
  const next = await viaVarnish(request, claimPath);
  expect(next.headers['x-varnish-cache']).toBe('miss');
  expect(next.html).toContain(answer);
  expect((await viaVarnish(request, claimPath)).headers['x-varnish-cache']).toBe('hit');
  // The home page lists claims (tag "lists"): purged too. The unrelated claim stays cached.
  expect((await viaVarnish(request, '/')).headers['x-varnish-cache']).toBe('miss');
  const other = await viaVarnish(request, otherPath);
  expect(other.headers['x-varnish-cache']).toBe('hit');
  expect(other.html).not.toContain(answer);
});

test('through Varnish: signed-in editors and client-side navigations are never served from it', async ({ page, auth }) => {
  test.skip(missing.length > 0, `Varnish is not installed: ${missing.join('; ')}`);
  await auth.signedIn('editor');
  const cookies = await page.context().cookies();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  for (let i = 0; i < 2; i++) {
    const own = await page.request.get(`${through}/`, { headers: { ...BROWSER, cookie } });
    expect(own.headers()['x-varnish-cache']).toBe('miss');
    expect(own.headers()['cache-control']).not.toContain('public');
    const navigation = await page.request.get(`${through}/?_rsc=abc`, { headers: { rsc: '1' } });
    expect(navigation.headers()['x-varnish-cache']).toBe('miss');
  }
});
