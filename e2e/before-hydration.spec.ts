import { randomUUID } from 'node:crypto';
import type { Locator, Page, Request, Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { runSetup } from './support/setup';

// An editor on a slow connection submits before the page's scripts have run: the browser posts
// the form itself, and the page that comes back must show the action's outcome (and keep what
// was typed after a refusal) once React has hydrated it. Seen lost last round: on "Other
// fact-checks" a <form> inside a <p> made the parsed page differ from React's, so React rendered
// the whole page again in the browser, dropping the answer (and a file chosen meanwhile);
// messages inside a <details> came back closed; the claim form, remounted per version, had no
// form to give its answer to.

const CHUNKS = /\/_next\/static\/chunks\/.*\.js/;

/** Holds the page's scripts back until `release()`; a request held when its page is left is never answered. */
async function holdScripts(page: Page) {
  let held: Route[] | null = [];
  await page.route(CHUNKS, (route) => (held ? held.push(route) : route.continue()));
  return {
    release: async () => {
      const waiting = held ?? [];
      held = null;
      await Promise.all(waiting.map((route) => route.continue().catch(() => {})));
    },
  };
}

const hydrated = (page: Page) =>
  page.waitForFunction(() => Object.keys(document.querySelector('main form') ?? {}).some((key) => key.startsWith('__reactFiber')), null, { timeout: 15_000 });

/**
 * Opens `path` with its scripts held back, lets `fill` fill a form and return its submit
 * button, presses it (the browser posts the form), then lets the answer's scripts run and waits
 * until React has hydrated it, with no page error (a hydration mismatch would be one).
 */
async function postBeforeHydration(page: Page, path: string, fill: () => Promise<Locator>) {
  const errors: string[] = [];
  const onError = (error: Error) => errors.push(error.message);
  page.on('pageerror', onError);
  const scripts = await holdScripts(page);
  await page.goto(path, { waitUntil: 'commit' });
  const button = await fill();
  // The answer's own scripts run: only those of the page left behind stay held.
  const onPost = (request: Request) => void (request.method() === 'POST' && scripts.release());
  page.on('request', onPost);
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().resourceType() === 'document');
  await button.click();
  expect((await answer).request().headers()['next-action'], 'posted by the browser, not by React').toBeUndefined();
  await hydrated(page);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  page.off('pageerror', onError);
  page.off('request', onPost);
  expect(errors, 'React hydrated the page it rendered').toEqual([]);
}

test('forms posted before the page’s scripts ran show their outcome once hydrated', async ({ page, auth }) => {
  test.setTimeout(90_000);
  const tag = `owl${randomUUID().slice(0, 6)}`;
  const article = runSetup<{ id: number; claims: { id: number }[] }>('article-with-claims.ts', {
    title: `Night ferry ${tag} timetable`,
    body: `The night ferry ${tag} carried 1,200 passengers in its first month.\n\nThe harbour master said “we’ve never seen queues like it” 🚢.`,
    quotes: [`The night ferry ${tag} carried 1,200 passengers in its first month.`],
  });
  const claim = article.claims[0]!.id;
  await auth.signedIn('editor');

  // "Other fact-checks": the review imported is listed below the form with its remove button.
  const review = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `https://owl-checks.example/${tag}`,
    claimReviewed: `Owls ${tag} nest in the “old” lighthouse — 夜`,
    datePublished: '2026-11-03',
    author: { '@type': 'Organization', name: 'Owl Desk' },
    reviewRating: { '@type': 'Rating', alternateName: 'Unproven' },
  };
  const upload = page.getByRole('form', { name: 'Upload a file' });
  await postBeforeHydration(page, '/edit/external-reviews', async () => {
    await upload.getByLabel('JSON-LD file').setInputFiles({ name: 'owl.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(review)) });
    return upload.getByRole('button', { name: 'Import file' });
  });
  await expect(upload.getByRole('status')).toContainText('Imported 1 review');

  const byAddress = page.getByRole('form', { name: 'Import from an address' });
  await postBeforeHydration(page, '/edit/external-reviews', async () => {
    await byAddress.getByLabel('Feed or review page address').fill('https://owl-checks.invalid/feed');
    return byAddress.getByRole('button', { name: 'Import from address' });
  });
  await expect(byAddress.getByRole('alert')).toBeVisible();
  await expect(byAddress.getByLabel('Feed or review page address')).toHaveValue('https://owl-checks.invalid/feed');

  // The editor's claim page: the source form sits in a <details> the fresh page draws closed.
  const source = page.getByRole('form', { name: 'Add a source' });
  await postBeforeHydration(page, `/edit/claims/${claim}`, async () => {
    await page.getByText('Add a source', { exact: true }).click();
    await source.getByLabel('Web address').fill(`https://harbour-stats.example/${tag}`);
    await source.getByLabel('Title').fill(`Passenger counts, ${tag} — Oct–Nov`);
    return source.getByRole('button', { name: 'Add source' });
  });
  await expect(source.getByRole('status')).toHaveText('Source saved.');
  await expect(source.getByRole('status')).toBeVisible();

  // The claim form in the article: remounted on every new version, it still shows the answer.
  const statement = `The night ferry ${tag} carried 1,200 passengers in October.`;
  await postBeforeHydration(page, `/edit/articles/${article.id}?claim=${claim}`, async () => {
    await page.getByLabel('Statement').fill(statement);
    return page.getByRole('button', { name: 'Save claim', exact: true });
  });
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.getByLabel('Statement')).toHaveValue(statement);
});

test('a file chosen before the page hydrated is still there to import', async ({ page, auth }) => {
  const tag = `wren${randomUUID().slice(0, 6)}`;
  await auth.signedIn('editor');
  // A review with its remove button below the form: the page that once failed to hydrate.
  const review = (n: number) => ({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `https://wren-checks.example/${tag}/${n}`,
    claimReviewed: `Wrens ${tag} n${n} sing at dawn`,
    author: { '@type': 'Organization', name: 'Wren Desk' },
    reviewRating: { '@type': 'Rating', alternateName: 'Unproven' },
  });
  const upload = page.getByRole('form', { name: 'Upload a file' });
  const file = upload.getByLabel('JSON-LD file');
  for (const n of [1, 2]) {
    const scripts = await holdScripts(page);
    await page.goto('/edit/external-reviews', { waitUntil: 'commit' });
    await file.setInputFiles({ name: `wren-${n}.jsonld`, mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(review(n))) });
    await scripts.release();
    await hydrated(page);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    expect(await file.evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe(`wren-${n}.jsonld`);
    await upload.getByRole('button', { name: 'Import file' }).click();
    await expect(upload.getByRole('status')).toContainText('Imported 1 review');
  }
});

test('sign-in posted before hydration: a refusal keeps the email, success still redirects', async ({ page, auth }) => {
  const account = await auth.signedIn('editor');
  await page.context().clearCookies();
  for (const password of ['not my password ✗', account.password]) {
    await postBeforeHydration(page, '/sign-in', async () => {
      await page.getByLabel('Email').fill(account.email);
      await page.getByLabel('Password').fill(password);
      return page.getByRole('button', { name: 'Sign in' });
    });
    if (password === account.password) {
      await expect(page).toHaveURL(/\/edit$/);
      await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
    } else {
      await expect(auth.formAlert()).toContainText('do not match');
      await expect(page.getByLabel('Email')).toHaveValue(account.email);
    }
  }
});

test('the claim form posted before hydration keeps the page’s other query parameters', async ({ page, auth }) => {
  const tag = `tern${randomUUID().slice(0, 6)}`;
  const quote = `The tern colony ${tag} doubled to 800 pairs this spring.`;
  const article = runSetup<{ id: number; claims: { id: number }[] }>('article-with-claims.ts', { title: `Terns ${tag}`, body: quote, quotes: [quote] });
  const claim = article.claims[0]!.id;
  await auth.signedIn('editor');
  // As opened from a link that carries where the editor came from (and a value to keep intact).
  const path = `/edit/articles/${article.id}?from=inbox&claim=${claim}&note=${encodeURIComponent('«ok» & 🐦')}`;
  await postBeforeHydration(page, path, async () => {
    await page.getByLabel('Statement').fill(`The tern colony ${tag} doubled.`);
    return page.getByRole('button', { name: 'Save claim', exact: true });
  });
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toEqual({ from: 'inbox', claim: String(claim), note: '«ok» & 🐦' });
});
