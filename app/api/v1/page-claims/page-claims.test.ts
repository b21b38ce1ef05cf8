import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createArticle } from '@/db/queries/articles';
import { getClaimForEditor } from '@/db/queries/annotator';
import { createClaim, updateClaim } from '@/db/queries/claims';
import { withdrawClaim } from '@/db/queries/lifecycle';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { createAnchor } from '@/lib/anchor';
import { claimTags, invalidate } from '@/lib/server/cache';
import { READER_CACHE_CONTROL } from '@/lib/server/http';
import { GET } from './route';

vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: 'claims.example' }) }));

const get = (query: string, headers?: HeadersInit) => GET(new Request(`https://claims.example/api/v1/page-claims?${query}`, { headers }));
const byUrl = (url: string) => get(`url=${encodeURIComponent(url)}`);
const ids = async (response: Response) => ((await response.json()) as { data: { claims: { id: number }[] } }).data.claims.map((c) => c.id);

const BODY = 'The port said ferry fares rose by 40 per cent since 2019.\n\nThe mayor promised a review by summer.\n\nA draft line.';
let file: string;
let claims: Record<'fares' | 'review' | 'draft', number>;
let slug: string;

beforeAll(() => {
  file = useFreshDatabase();
  const article = createArticle({ title: 'Ferry fares', body: BODY, canonicalUrl: 'https://www.tide.example/news/ferry-fares', actorId: null });
  slug = article.slug;
  const make = (quote: string, published: boolean) => {
    const start = BODY.indexOf(quote);
    const claim = createClaim({ articleId: article.id, anchor: createAnchor(BODY, start, start + quote.length)!, actorId: null });
    return published ? updateClaim({ id: claim.id, version: claim.version, patch: { status: 'false', statusNote: 'Season tickets rose 12 %.', published: true }, actorId: null }).id : claim.id;
  };
  claims = { fares: make('fares rose by 40 per cent since 2019', true), review: make('promised a review by summer', true), draft: make('A draft line', false) };
});
afterAll(() => removeDatabase(file));

describe('/api/v1/page-claims', () => {
  it('finds the article by the page’s address as browsers and sites spell it, with its published claims and quotes', async () => {
    for (const url of [
      'https://www.tide.example/news/ferry-fares',
      'http://tide.example/news/ferry-fares/',
      'https://www.tide.example/news/ferry-fares?utm_source=newsletter#comments',
    ]) {
      const response = await byUrl(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      // As the other public lists: a minute at shared caches, then served stale while they refetch.
      expect(response.headers.get('cache-control')).toBe(READER_CACHE_CONTROL);
      expect(response.headers.get('cache-control')).toMatch(/\bs-maxage=60\b.*\bstale-while-revalidate=600\b/);
      const { data } = await response.json();
      expect(data.article.slug, url).toBe(slug);
      expect(data.claims.map((c: { id: number }) => c.id)).toEqual([claims.fares, claims.review]);
      expect(data.claims[0]).toMatchObject({ status: 'false', statusLabel: 'False', statusNote: 'Season tickets rose 12 %.', quote: { exact: 'fares rose by 40 per cent since 2019', prefix: 'The port said ferry ' } });
      expect(data.textLength).toBe(BODY.length);
    }
    expect(await ids(await get(`article=${slug}`))).toEqual([claims.fares, claims.review]);
  });

  it('answers a page no article has with no claims, cacheable like any answer', async () => {
    const response = await byUrl('https://www.tide.example/news/weather');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeTruthy();
    expect((await response.json()).data).toMatchObject({ article: null, claims: [] });
  });

  it('drops a withdrawn claim on the next request, and a 304 says nothing changed before that', async () => {
    const first = await byUrl('https://www.tide.example/news/ferry-fares');
    const etag = first.headers.get('etag')!;
    expect((await get(`url=${encodeURIComponent('https://www.tide.example/news/ferry-fares')}`, { 'if-none-match': etag })).status).toBe(304);
    const current = getClaimForEditor({ id: claims.review })!;
    invalidate(claimTags(withdrawClaim({ id: current.id, version: current.version, note: 'Misquoted.', actorId: null })));
    const after = await byUrl('https://www.tide.example/news/ferry-fares');
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await ids(after)).toEqual([claims.fares]);
  });
});
