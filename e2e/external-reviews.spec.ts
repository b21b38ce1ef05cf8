import { randomUUID } from 'node:crypto';
import { fixtureFeed, hostileDocuments, trackedStatements } from '../lib/testing/claim-review-fixtures';
import { expect, test } from './fixtures';
import { runSetup } from './support/setup';

// Another fact-checker's ClaimReviews, imported by an editor: a hostile file is refused with its
// reason and nothing kept; the feed is imported, a suggested match confirmed, and the claim's
// readers see "Also checked by" while the claim keeps its own status.

type Claims = { ferry: { id: number; path: string }; library: { id: number; path: string } };

test('an editor imports another fact-checker’s feed and confirms a match; readers see it beside the claim’s own status', async ({ page, auth, browser }, testInfo) => {
  const tag = `tide${randomUUID().slice(0, 6)}`;
  const claims = runSetup<Claims>('external-reviews.ts', { tag, imported: false });
  const statements = trackedStatements(tag);
  await auth.signedIn('editor');
  await page.goto('/edit/external-reviews');
  const upload = page.getByRole('form', { name: 'Upload a file' });
  const file = upload.getByLabel('JSON-LD file');

  const script = hostileDocuments(tag).find((d) => d.name === 'one bad review among good ones')!;
  await file.setInputFiles({ name: 'mixed.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(script.text) });
  await upload.getByRole('button', { name: 'Import file' }).click();
  await expect(upload.getByText(/Nothing was imported\. Review 2 .* not an http\(s\) address/)).toBeVisible();
  await expect(page.getByText(`Claim 1 ${tag}`)).toHaveCount(0);

  await file.setInputFiles({ name: 'tidewater.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(fixtureFeed(tag))) });
  await upload.getByRole('button', { name: 'Import file' }).click();
  await expect(upload.getByRole('status')).toContainText('Imported 3 reviews');

  const review = page.getByRole('listitem').filter({ hasText: `Ferries in the ${tag} harbour` });
  await expect(review).toContainText('Tidewater Fact Desk: Mostly false');
  await review.getByRole('button', { name: new RegExp(`^Confirm: Tidewater Fact Desk checked .${statements.ferry.slice(0, 20)}`) }).click();
  await expect(page.getByRole('region', { name: /Decided/ }).getByRole('listitem').filter({ hasText: `Ferries in the ${tag} harbour` }).first()).toContainText('confirmed');

  const reader = await browser.newPage();
  await reader.goto(claims.ferry.path);
  const section = reader.getByRole('region', { name: 'Other fact-checkers' });
  await expect(section).toContainText('Also checked by Tidewater Fact Desk: Mostly false (1 Oct 2026)');
  await expect(section.getByRole('link', { name: 'Mostly false' })).toHaveAttribute('href', `https://tidewater-factdesk.example/checks/${tag}-1`);
  // Their rating is theirs: the claim's own status and its ClaimReview markup are unchanged.
  await expect(reader.locator('header .badge')).toHaveText('Partly true');
  expect(await reader.locator('script[type="application/ld+json"]').allTextContents()).not.toContain(expect.stringContaining('Tidewater'));

  // The other fact-checker corrects its rating; importing its feed again updates what readers see.
  const feed = fixtureFeed(tag);
  const first = feed.dataFeedElement[0] as { reviewRating: Record<string, unknown> };
  first.reviewRating = { ...first.reviewRating, ratingValue: 3, alternateName: 'Half true' };
  await file.setInputFiles({ name: 'tidewater-corrected.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(feed)) });
  await upload.getByRole('button', { name: 'Import file' }).click();
  await expect(upload.getByRole('status')).toContainText('Imported 0 reviews, 1 corrected review updated, 2 reviews already here');
  await reader.reload();
  await expect(section).toContainText('Also checked by Tidewater Fact Desk: Half true (1 Oct 2026)');
  await expect(reader.locator('header .badge')).toHaveText('Partly true');
  await reader.goto(claims.library.path);
  await expect(reader.getByRole('region', { name: 'Other fact-checkers' })).toHaveCount(0);

  // The editor names the library claim by the address copied from its page; another site's address is refused.
  // Other specs import the same organisation's feed: the form names the review's own claim too.
  const libraryReview = page.getByRole('form', { name: new RegExp(`^Match Kystlinjen Faktasjekk 🧭’s review of .Seven ${tag} branch libraries`) });
  await libraryReview.getByLabel('Another claim').fill(`https://elsewhere.example${claims.library.path}`);
  await libraryReview.getByRole('button', { name: 'Match to this claim' }).click();
  await expect(libraryReview.getByText('That is not one of our claims')).toBeVisible();
  await libraryReview.screenshot({ path: testInfo.outputPath('match-refused.png') });
  await libraryReview.getByLabel('Another claim').fill(reader.url());
  await libraryReview.getByRole('button', { name: 'Match to this claim' }).click();
  await expect(page.getByRole('region', { name: /Decided/ }).getByRole('listitem').filter({ hasText: `Seven ${tag} branch libraries` }).first()).toContainText('confirmed');
  await reader.reload();
  await expect(reader.getByRole('region', { name: 'Other fact-checkers' })).toContainText('Also checked by Kystlinjen Faktasjekk 🧭');
  await reader.close();

  // The lighthouse review is about nothing tracked here: the editor removes it. A confirmed one offers no removal.
  await page.getByRole('button', { name: new RegExp(`^Remove Tidewater Fact Desk’s review of .Lighthouse ${tag}`) }).click();
  await expect(page.getByText(`Lighthouse ${tag} keepers`)).toHaveCount(0);
  await expect(page.getByRole('button', { name: new RegExp(`^Remove .* review of .Ferries in the ${tag}`) })).toHaveCount(0);
});

test('our own ClaimReview feed is refused, by address or as a file, and nothing is imported', async ({ page, auth, request }) => {
  const tag = `own${randomUUID().slice(0, 6)}`;
  runSetup<Claims>('external-reviews.ts', { tag, imported: false });
  const ownFeed = `http://127.0.0.1:${process.env.E2E_PORT}/feeds/claim-reviews.json`;
  await auth.signedIn('editor');
  await page.goto('/edit/external-reviews');
  const counts = async () => (await page.getByRole('heading', { level: 2 }).filter({ hasText: /^(To decide|Decided) \(/ }).allTextContents()).join(' ');
  const before = await counts();
  const byAddress = page.getByRole('form', { name: 'Import from an address' });
  await byAddress.getByLabel('Feed or review page address').fill(ownFeed);
  await byAddress.getByRole('button', { name: 'Import from address' }).click();
  await expect(byAddress.getByText('These are our own fact-checks (their pages are on this site): nothing was imported.')).toBeVisible();
  const upload = page.getByRole('form', { name: 'Upload a file' });
  const feed = await (await request.get(ownFeed)).text();
  expect(feed).toContain(tag);
  await upload.getByLabel('JSON-LD file').setInputFiles({ name: 'claim-reviews.json', mimeType: 'application/json', buffer: Buffer.from(feed) });
  await upload.getByRole('button', { name: 'Import file' }).click();
  await expect(upload.getByText('These are our own fact-checks')).toBeVisible();
  await page.reload();
  expect(await counts()).toBe(before);
  await expect(page.getByText(`The ${tag} harbour ferry now leaves every twelve minutes`)).toHaveCount(0);
});

test('an editor pages through a long list of imported reviews, each section on its own', async ({ page, auth }) => {
  const tag = `moor${randomUUID().slice(0, 6)}`;
  // A feed of 30 reviews about nothing tracked here: all "Decided" at once, newest import first.
  const feed = {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    dataFeedElement: Array.from({ length: 30 }, (_, i) => ({
      '@type': 'ClaimReview',
      url: `https://moorland-checks.example/${tag}/${i + 1}`,
      // One word of its own per review (no number a tracked claim might share), so none is suggested for a claim.
      claimReviewed: `Moorland sheep ${tag}n${i + 1} grazed on the ridge`,
      datePublished: '2026-11-02',
      author: { '@type': 'Organization', name: 'Moorland Checks' },
      reviewRating: { '@type': 'Rating', alternateName: 'Unproven' },
    })),
  };
  await auth.signedIn('editor');
  await page.goto('/edit/external-reviews');
  const upload = page.getByRole('form', { name: 'Upload a file' });
  await upload.getByLabel('JSON-LD file').setInputFiles({ name: 'moor.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(feed)) });
  await upload.getByRole('button', { name: 'Import file' }).click();
  await expect(upload.getByRole('status')).toContainText('Imported 30 reviews');

  const decided = page.getByRole('region', { name: /^Decided/ });
  const heading = await decided.getByRole('heading').first().textContent();
  const review = (n: number) => decided.getByText(`${tag}n${n} grazed`);
  // Newest first: the feed's last review on the first page, its first one (older than 25 others) further on.
  await expect(review(30)).toHaveCount(1);
  await expect(review(1)).toHaveCount(0);
  await decided.getByRole('navigation', { name: 'Pages of decided' }).getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/\/edit\/external-reviews\?decided=2#decided-heading$/);
  await expect(review(1)).toHaveCount(1);
  await expect(review(30)).toHaveCount(0);
  await expect(decided.getByRole('heading').first()).toHaveText(heading!);
  // An address past the end goes to the last page.
  await page.goto('/edit/external-reviews?decided=9999');
  await expect(page).toHaveURL(/decided=\d+$/);
  expect(Number(new URL(page.url()).searchParams.get('decided'))).toBeLessThan(9999);
});
