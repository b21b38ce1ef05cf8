import { xmlError } from '../lib/testing/strict-xml';
import { expect, test } from './fixtures';
import { runSetup } from './support/setup';

// Feed readers, embedders and spreadsheets with strict parsers, on the hostile article whose
// every stored field also holds C0/C1 controls and non-characters (e2e/support/seed-hostile.ts,
// written as rows stored before text was cleaned on the way in). One such character would
// make a strict XML parser reject the whole feed.

type Hostile = { articleId: number; articleSlug: string; claimId: number; claimSlug: string; partySlug: string };

// What no writer may emit: controls other than tab, LF and CR, and non-characters.
const FORBIDDEN = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]/;

test.describe('strict parsers on hostile stored text', () => {
  let hostile: Hostile;
  test.beforeAll(() => {
    hostile = runSetup<Hostile>('seed-hostile.ts', null);
  });

  test('every Atom feed and the badge are well-formed XML 1.0 for a strict parser', async ({ request }) => {
    const documents = [
      '/feeds/claims.atom',
      `/articles/${hostile.articleSlug}/feed.atom`,
      `/parties/${hostile.partySlug}/feed.atom`,
      `/claims/${hostile.claimId}/feed.atom`,
      `/claims/${hostile.claimId}/badge.svg`,
    ];
    for (const path of documents) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const xml = await response.text();
      expect(xmlError(xml), path).toBeNull();
      expect(xml, path).not.toMatch(FORBIDDEN);
    }
    // The hostile claim really is in the feeds checked.
    expect(await (await request.get('/feeds/claims.atom')).text()).toContain('Hostile statement');
    expect(await (await request.get(`/parties/${hostile.partySlug}/feed.atom`)).text()).toContain('Hostile statement');
  });

  test('the CSV export and the claim page’s JSON-LD carry no forbidden character; JSON answers parse', async ({ request }) => {
    const csv = await (await request.get('/api/v1/export/claims.csv')).text();
    expect(csv).toContain('Hostile statement');
    expect(csv).not.toMatch(FORBIDDEN);
    // JSON allows controls and non-characters escaped or (C1, non-characters) raw; a strict parser must still read it.
    for (const path of ['/api/v1/export/claims.json', `/api/v1/claims/${hostile.claimId}`, '/feeds/claim-reviews.json']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const text = await response.text();
      expect(text, path).not.toMatch(/[\0-\x1f]/);
      expect(JSON.stringify(JSON.parse(text)), path).toContain('Hostile statement');
    }
    // The W3C annotations write every string through safeText: not even an escaped control is left.
    for (const path of [`/claims/${hostile.claimId}/annotation.jsonld`, `/articles/${hostile.articleSlug}/annotations.jsonld?page=0`]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const text = await response.text();
      expect(text, path).not.toMatch(/\\u00[01][0-9a-f]|\\u007f/i);
      expect(text, path).not.toMatch(FORBIDDEN);
      expect(JSON.stringify(JSON.parse(text)), path).toContain('Hostile statement');
    }
    const page = await (await request.get(`/claims/${hostile.claimId}/${hostile.claimSlug}`)).text();
    const jsonLd = /<script type="application\/ld\+json"[^>]*>([^]*?)<\/script>/.exec(page)?.[1];
    expect(jsonLd).toBeTruthy();
    expect(jsonLd).not.toMatch(FORBIDDEN);
    expect(JSON.stringify(JSON.parse(jsonLd!))).toContain('Hostile statement');
  });

  test('the share image renders for the hostile claim', async ({ request }) => {
    const response = await request.get(`/claims/${hostile.claimId}/share.png`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    expect((await response.body()).subarray(1, 4).toString()).toBe('PNG');
  });
});
