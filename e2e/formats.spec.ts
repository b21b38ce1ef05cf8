import { DEMO, expect, test } from './fixtures';

// Claim 6 is the demo's draft; claim 3 is disputed, claim 4 false, claim 5 unverified.
const DRAFT = { id: 6, quote: DEMO.draftQuote };

async function jsonLd(page: import('@playwright/test').Page) {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((b) => JSON.parse(b) as Record<string, unknown>);
}

test.describe('publishing formats', () => {
  test('a claim with a verdict carries exactly one complete ClaimReview', async ({ page }) => {
    await page.goto('/claims/4');
    const [review, ...rest] = await jsonLd(page);
    expect(rest).toEqual([]);
    expect(review).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: expect.stringContaining('/claims/4/'),
      claimReviewed: expect.stringContaining('national grant'),
      datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      author: { '@type': 'Organization', name: expect.any(String), url: expect.any(String) },
      reviewRating: {
        '@type': 'Rating',
        alternateName: 'False',
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
        ratingExplanation: expect.stringContaining('Budget papers'),
      },
      itemReviewed: {
        '@type': 'Claim',
        author: { name: 'Zoë Marchetti' },
        datePublished: expect.any(String),
        appearance: [expect.objectContaining({ url: expect.any(String) })],
        firstAppearance: expect.objectContaining({ headline: DEMO.busArticle }),
      },
    });
    expect(String(review!.claimReviewed)).not.toMatch(/false/i);
  });

  test('claims without a verdict carry no ClaimReview', async ({ page }) => {
    for (const id of [3, 5]) {
      await page.goto(`/claims/${id}`);
      expect(await jsonLd(page), `claim ${id}`).toEqual([]);
    }
  });

  test('share tags point at a generated image; the badge and its embed code are on the page', async ({ page, request }) => {
    await page.goto('/claims/3');
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(image).toMatch(/\/claims\/3\/share\.png$/);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    const png = await request.get(new URL(image!).pathname);
    expect(png.status()).toBe(200);
    expect(png.headers()['content-type']).toBe('image/png');
    expect((await png.body()).subarray(1, 4).toString()).toBe('PNG');

    const embed = page.getByRole('region', { name: 'Embed this status' });
    await expect(embed.getByRole('img', { name: 'Claim status: Disputed' })).toBeVisible();
    await expect(embed.getByLabel(/HTML to paste/)).toHaveValue(/<img src="[^"]+\/claims\/3\/badge\.svg"/);
    const badge = await request.get('/claims/3/badge.svg');
    expect(badge.headers()['content-type']).toContain('image/svg+xml');
    expect(badge.headers()['cross-origin-resource-policy']).toBe('cross-origin');
    expect(badge.headers()['x-frame-options']).toBeUndefined();
    expect(await badge.text()).toContain('Disputed');
  });

  test('Atom feeds for the site, an article, a party and a claim', async ({ request }) => {
    for (const path of [
      '/feeds/claims.atom',
      '/articles/riverside-says-its-new-bus-lanes-cut-commutes-by-a-fifth/feed.atom',
      '/parties/riverside-drivers-association/feed.atom',
      '/claims/3/feed.atom',
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type'], path).toContain('application/atom+xml');
      const xml = await response.text();
      expect(xml, path).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
      expect(xml, path).toContain('<entry>');
    }
    expect(await (await request.get('/claims/3/feed.atom')).text()).toContain('Disputed: The Quay Road bus lanes');
  });

  test('the ClaimReview data feed lists published verdicts only', async ({ request }) => {
    const feed = await (await request.get('/feeds/claim-reviews.json')).json();
    expect(feed['@type']).toBe('DataFeed');
    const ratings = feed.dataFeedElement.map((r: { reviewRating: { alternateName: string } }) => r.reviewRating.alternateName);
    expect(ratings.length).toBeGreaterThan(0);
    expect(ratings).not.toContain('Disputed');
    expect(ratings).not.toContain('Unverified');
  });

  test('a draft claim appears on no reader page, feed, API answer or export', async ({ page, request }) => {
    const word = 'measuring';
    const surfaces = [
      '/',
      '/claims',
      `/claims?q=${word}`,
      '/articles/riverside-says-its-new-bus-lanes-cut-commutes-by-a-fifth',
      '/parties/riverside-drivers-association',
      '/feeds/claims.atom',
      '/articles/riverside-says-its-new-bus-lanes-cut-commutes-by-a-fifth/feed.atom',
      '/parties/riverside-drivers-association/feed.atom',
      '/api/v1/parties',
      '/feeds/claim-reviews.json',
      '/api/v1/claims?limit=100',
      `/api/v1/claims?q=${word}`,
      '/api/v1/articles/riverside-says-its-new-bus-lanes-cut-commutes-by-a-fifth',
      '/api/v1/parties/riverside-drivers-association',
      '/api/v1/export/claims.csv',
      '/api/v1/export/claims.json',
    ];
    for (const path of surfaces) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const text = await response.text();
      expect(text.includes(`/claims/${DRAFT.id}/`), `${path} links the draft`).toBe(false);
      // The article's own text contains the draft's words; everywhere else they must not appear.
      if (!path.includes('/articles/')) expect(text.includes(DRAFT.quote), `${path} quotes the draft`).toBe(false);
    }
    const article = await (await request.get('/api/v1/articles/riverside-says-its-new-bus-lanes-cut-commutes-by-a-fifth')).json();
    expect(article.data.claims.map((c: { id: number }) => c.id)).not.toContain(DRAFT.id);
    for (const path of [`/claims/${DRAFT.id}`, `/claims/${DRAFT.id}/feed.atom`, `/claims/${DRAFT.id}/badge.svg`, `/claims/${DRAFT.id}/share.png`, `/api/v1/claims/${DRAFT.id}`]) {
      expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
    }
    await page.goto(`/claims?q=${word}`);
    await expect(page.getByRole('heading', { name: '0 claims found' })).toBeVisible();
  });
});

test.describe('JSON API', () => {
  test('an ETag round trip answers 304, with cache headers for a CDN', async ({ request }) => {
    for (const path of ['/api/v1/claims?status=disputed', '/api/v1/claims/3', '/api/v1/articles', '/api/v1/parties', '/feeds/claims.atom']) {
      const first = await request.get(path);
      expect(first.status(), path).toBe(200);
      const etag = first.headers().etag;
      expect(etag, path).toBeTruthy();
      expect(first.headers()['cache-control'], path).toMatch(/s-maxage=\d+.*stale-while-revalidate=\d+/);
      const again = await request.get(path, { headers: { 'If-None-Match': etag! } });
      expect(again.status(), path).toBe(304);
      expect(again.headers().etag).toBe(etag);
    }
  });

  test('reader pages carry CDN cache headers and answer 304 while they are current', async ({ request }) => {
    for (const path of ['/', '/claims', '/claims/3/the-quay-road-bus-lanes-pushed-traffic-onto-side-streets', '/parties/zoe-marchetti']) {
      // As a browser asks for a page (the page cache answers HTML requests).
      const html = { Accept: 'text/html' };
      const first = await request.get(path, { headers: html });
      expect(first.status(), path).toBe(200);
      expect(first.headers()['cache-control'], path).toMatch(/public.*s-maxage=\d+.*stale-while-revalidate=\d+/);
      const etag = first.headers().etag;
      expect(etag, path).toBeTruthy();
      const again = await request.get(path, { headers: { ...html, 'If-None-Match': etag! } });
      expect(again.status(), path).toBe(304);
      // A 304 changes none of the headers the kept page depends on (its policy above all).
      expect(again.headers()['content-security-policy'], path).toBeUndefined();
    }
  });

  test('invalid query parameters give a 400 naming each of them', async ({ request }) => {
    const response = await request.get('/api/v1/claims?status=maybe&limit=1000&colour=red');
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(Object.keys(body.error.fields).sort()).toEqual(['colour', 'limit', 'status']);
    expect(body.error.message).toContain('status');
    expect((await request.get('/api/v1/claims/abc')).status()).toBe(400);
    expect((await request.get('/api/v1/articles?cursor=!!')).status()).toBe(400);
    expect((await request.get('/api/v1/claims/99999')).status()).toBe(404);
  });

  test('lists page with a cursor, and CORS is open for reading only', async ({ request }) => {
    const first = await (await request.get('/api/v1/claims?limit=3&sort=oldest')).json();
    expect(first.data).toHaveLength(3);
    const second = await (await request.get(`/api/v1/claims?limit=3&sort=oldest&cursor=${first.nextCursor}`)).json();
    const ids = [...first.data, ...second.data].map((c: { id: number }) => c.id);
    expect(new Set(ids).size).toBe(ids.length);

    const cors = await request.get('/api/v1/claims/3', { headers: { Origin: 'https://elsewhere.example' } });
    expect(cors.headers()['access-control-allow-origin']).toBe('*');
    const preflight = await request.fetch('/api/v1/claims', { method: 'OPTIONS', headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.headers()['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
    const post = await request.post('/api/v1/claims', { data: {} });
    expect(post.status()).toBe(405);
  });

  test('the OpenAPI document describes every endpoint', async ({ request }) => {
    const doc = await (await request.get('/api/v1/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/claims', '/claims/{id}', '/articles', '/articles/{slug}', '/parties', '/parties/{slug}', '/export/claims.csv']),
    );
  });

  test('exports are CSV and JSON with the same filters', async ({ request }) => {
    const csv = await request.get('/api/v1/export/claims.csv?status=false');
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\n')[0]).toBe('id,url,statement,status,status_label,status_note,quote,claimant,article_title,outlet,article_url,claim_date,updated_at');
    // Records, not lines: quoted fields may hold line breaks (the hostile seed's do). Each record starts with its id and page.
    const ids = [...text.matchAll(/^(\d+),https?:\/\//gm)].map((m) => Number(m[1]));
    expect(ids).toContain(4);
    const json = await (await request.get('/api/v1/export/claims.json?status=false')).json();
    expect(json.count).toBe(ids.length);
    expect(json.data.map((c: { id: number }) => c.id).sort()).toEqual([...ids].sort());
    expect(json.data.every((c: { status: string }) => c.status === 'false')).toBe(true);
  });
});
