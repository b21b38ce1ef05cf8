import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createArticle } from '@/db/queries/articles';
import { createClaim, updateClaim } from '@/db/queries/claims';
import { withdrawClaim } from '@/db/queries/lifecycle';
import { createParty } from '@/db/queries/parties';
import { seedDemoOnFirstRun } from '@/db/seed';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { createAnchor } from '@/lib/anchor';
import { claimTags, invalidate } from '@/lib/server/cache';
import { GET as cardGET } from '../(reader)/claims/[id]/card/route';
import { GET as oembedGET } from './route';

const SITE = 'https://claims.example';
vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: 'claims.example', 'x-forwarded-proto': 'https' }) }));

const oembed = (query: string) => oembedGET(new Request(`${SITE}/oembed?${query}`));
const card = (id: string) => cardGET(new Request(`${SITE}/claims/${id}/card`), { params: Promise.resolve({ id }) });
const claimUrl = (path: string) => `url=${encodeURIComponent(`${SITE}${path}`)}`;

let file: string;
let hostile: { id: number; slug: string };
let draftId: number;
beforeAll(() => {
  file = useFreshDatabase();
  seedDemoOnFirstRun();
  const body = 'The minister said "<script>alert(1)</script>" would cut fares by half — مدينة 🚌.\n\nDrafts follow.';
  const article = createArticle({ title: 'Fares </title><script>x</script>', outlet: 'The "Quote" Gazette', body, actorId: null });
  const party = createParty({ name: 'Minister <b>Bold</b> & Co', kind: 'person' });
  const quote = 'would cut fares by half';
  const start = body.indexOf(quote);
  const claim = createClaim({ articleId: article.id, anchor: createAnchor(body, start, start + quote.length)!, statement: 'Fares fall by half <img src=x onerror=alert(2)> “soon”', claimantPartyId: party.id, actorId: null });
  hostile = updateClaim({ id: claim.id, version: claim.version, patch: { status: 'false', statusNote: 'The budget </p><iframe src=//evil.example> says 5 %.', published: true }, actorId: null });
  const draftStart = body.indexOf('Drafts follow');
  draftId = createClaim({ articleId: article.id, anchor: createAnchor(body, draftStart, draftStart + 6)!, actorId: null }).id;
});
afterAll(() => removeDatabase(file));

describe('/oembed', () => {
  it('answers a claim page with a rich card in an iframe, with the fields oEmbed 1.0 asks for', async () => {
    const response = await oembed(`${claimUrl(`/claims/${hostile.id}/${hostile.slug}`)}&format=json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const answer = await response.json();
    expect(answer).toMatchObject({ version: '1.0', type: 'rich', width: 500, height: 230, provider_url: SITE, title: 'False: “Fares fall by half <img src=x onerror=alert(2)> ‘soon’”' });
    expect(typeof answer.provider_name).toBe('string');
    expect(typeof answer.cache_age).toBe('number');
    // The html is one iframe of the card; the statement in its title is escaped, never markup.
    expect(answer.html).toMatch(new RegExp(`^<iframe src="${SITE}/claims/${hostile.id}/card" width="500" height="230" [^<>]*></iframe>$`));
    expect(answer.html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(answer.html).not.toContain('<img');
  });

  it('fits maxwidth and maxheight, and finds the claim from its short address, over http too', async () => {
    const answer = await (await oembed(`${claimUrl(`/claims/${hostile.id}`).replace('https', 'http')}&maxwidth=320&maxheight=180`)).json();
    expect([answer.width, answer.height]).toEqual([320, 180]);
    expect(answer.html).toContain('width="320" height="180"');
    const roomy = await (await oembed(`${claimUrl(`/claims/${hostile.id}/`)}&maxwidth=2000`)).json();
    expect(roomy.width).toBe(500);
  });

  it('answers format=xml with 501, as the spec says for formats it does not offer', async () => {
    expect((await oembed(`${claimUrl(`/claims/${hostile.id}`)}&format=xml`)).status).toBe(501);
  });

  it('answers 404 for addresses that are not a published claim of this site', async () => {
    for (const url of [`${SITE}/claims/${draftId}/x`, `${SITE}/claims/999999`, 'https://elsewhere.example/claims/3/x', `${SITE}/articles/x`, `${SITE}/claims/3/x/y`, 'javascript:alert(1)', 'not a url']) {
      expect((await oembed(`url=${encodeURIComponent(url)}`)).status, url).toBe(404);
    }
  });

  it('answers 400 for missing or malformed parameters, and ignores a consumer’s own', async () => {
    for (const query of ['', 'format=json', `${claimUrl('/claims/3')}&format=yaml`, `${claimUrl('/claims/3')}&maxwidth=wide`, `${claimUrl('/claims/3')}&maxheight=0`, `${claimUrl('/claims/3')}&maxwidth=1.5`, `${claimUrl('/claims/3')}&url=x`]) {
      const response = await oembed(query);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    expect((await oembed(`${claimUrl('/claims/3')}&discover=1&callback=x`)).status).toBe(200);
  });

  it('says what a size that is no number should be, in words a consumer’s developer reads', async () => {
    for (const [param, value] of [['maxwidth', 'wide'], ['maxheight', 'abc']] as const) {
      const body = await (await oembed(`${claimUrl('/claims/3')}&${param}=${value}`)).json();
      expect(body.error.fields, `${param}=${value}`).toEqual({ [param]: 'Use a whole number of pixels.' });
    }
  });
});

describe('the claim card', () => {
  it('is a whole page with the status, statement, claimant and a link, every stored text escaped and no script', async () => {
    const response = await card(String(hostile.id));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('False</span>');
    expect(html).toContain('Fares fall by half &lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('Claimed by Minister &lt;b&gt;Bold&lt;/b&gt; &amp; Co');
    expect(html).toContain('in Fares &lt;/title&gt;&lt;script&gt;x&lt;/script&gt; (The &quot;Quote&quot; Gazette)');
    expect(html).toContain(`href="${SITE}/claims/${hostile.id}/${hostile.slug}" target="_blank"`);
    expect(html).not.toMatch(/<script|<img|<iframe|<b>/i);
  });

  it('says a withdrawn claim was withdrawn, with the note and a link to its record, as 410 Gone', async () => {
    const body = 'The mayor said the bridge “will open in May” 🌉.';
    const article = createArticle({ title: 'Bridge opening', outlet: 'Riverside News', body, actorId: null });
    const start = body.indexOf('will open');
    const created = createClaim({ articleId: article.id, anchor: createAnchor(body, start, start + 17)!, statement: 'Card', actorId: null });
    const published = updateClaim({ id: created.id, version: created.version, patch: { status: 'confirmed', published: true }, actorId: null });
    expect((await card(String(published.id))).status).toBe(200);
    invalidate(claimTags(withdrawClaim({ id: published.id, version: published.version, note: 'Quoted the wrong <b>mayor</b>.', actorId: null })));
    const response = await card(String(published.id));
    expect(response.status).toBe(410);
    const html = await response.text();
    expect(html).toContain('Withdrawn</span>');
    expect(html).not.toContain('Confirmed');
    expect(html).toContain('Quoted the wrong &lt;b&gt;mayor&lt;/b&gt;.');
    // Its statement slugs to "card": the link goes to its page, not back to this card.
    expect(html).toContain(`href="${SITE}/claims/${published.id}/card-claim" target="_blank"`);
    expect(html).not.toMatch(/<script|<b>/i);
  });

  it('is not there for drafts and unknown claims', async () => {
    for (const id of [String(draftId), '999999', 'abc']) expect((await card(id)).status, id).toBe(404);
  });
});
