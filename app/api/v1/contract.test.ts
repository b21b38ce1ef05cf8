import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createArticle } from '@/db/queries/articles';
import { getClaimForEditor } from '@/db/queries/annotator';
import { addAppearance, createClaim, updateClaim } from '@/db/queries/claims';
import { withdrawClaim } from '@/db/queries/lifecycle';
import { createParty } from '@/db/queries/parties';
import { addResponse, attachSource } from '@/db/queries/sources';
import { seedDemoOnFirstRun } from '@/db/seed';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { createAnchor } from '@/lib/anchor';
import { encodeCursor } from '@/lib/claim-filters';
import { openApiDocument } from '@/lib/openapi';
import { claimTags, invalidate } from '@/lib/server/cache';
import { openApiValidator, type DocumentedAnswer, type OpenApiPaths } from '@/lib/testing/openapi-validator';
import { callApi, ROUTES, SITE, type RoutePath } from './testing';

vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: new URL(SITE).host }) }));

// Every answer of every endpoint, validated against the OpenAPI document the API serves, as a
// strict client would: ajv with JSON Schema 2020-12 and its formats (date-time, uri). The
// database holds the demo newsroom plus content an importer or a careless paste could bring:
// markup, RTL and CJK text, emoji, control characters, a 200,000-character article, URLs that
// are not http(s), and dates beyond what RFC 3339 can write.

const MESSY = {
  title: 'Mayor’s “plan” <script>alert(1)</script> — مدينة النهر 河港 🚌\u0007',
  outlet: 'The \u202EDaily\u202C Ledger',
  statement: 'Fares \u0001fell\u001B by 20 % ‘overnight’ 📉 <img src=x onerror=alert(2)> \uFFFE',
  quote: 'fares fell by a fifth overnight',
};

type Seeded = { claimId: number; articleSlug: string; otherSlug: string; partySlug: string };

function seedMessy(): Seeded {
  const filler = 'Riverside’s council met again. '.repeat(6_500);
  const article = createArticle({
    title: MESSY.title,
    outlet: MESSY.outlet,
    author: '',
    canonicalUrl: 'javascript:alert("canonical")',
    // Year 99999: stored before imports checked their dates; the API must not print it as +099999.
    publishedAt: new Date('+099999-01-01T00:00:00Z'),
    body: `${filler}\n\nThe mayor said ${MESSY.quote}, “no question”.\n\n中文段落。 עברית ✓`,
    actorId: null,
  });
  const other = createArticle({ title: 'Second outlet repeats it', outlet: '', body: `Elsewhere: ${MESSY.quote}.`, publishedAt: new Date('-000050-06-01T00:00:00Z'), actorId: null });
  const party = createParty({ name: 'Ratepayers’ Union «RU» 🦆', kind: 'media', description: '', url: null });
  const start = article.body.indexOf(MESSY.quote);
  const claim = createClaim({
    articleId: article.id,
    anchor: createAnchor(article.body, start, start + MESSY.quote.length)!,
    statement: MESSY.statement,
    claimantPartyId: party.id,
    actorId: null,
  });
  const otherStart = other.body.indexOf(MESSY.quote);
  addAppearance({ claimId: claim.id, articleId: other.id, anchor: createAnchor(other.body, otherStart, otherStart + MESSY.quote.length)!, actorId: null });
  attachSource({
    claimId: claim.id,
    source: { url: 'javascript:alert("source")', title: 'Ledger “archive” 📁', publisher: '', publishedAt: new Date('+275000-01-01T00:00:00Z') },
    relation: 'contradicts',
    excerpt: 'تقرير \u0000 report',
    actorId: null,
  });
  addResponse({ claimId: claim.id, partyId: party.id, requestedAt: new Date(Date.UTC(2026, 4, 1)), deadlineAt: new Date(Date.UTC(2026, 4, 8)), actorId: null });
  addResponse({ claimId: claim.id, partyId: party.id, stance: 'denies', quote: '“We never said that.” 🙅', respondedAt: new Date(Date.UTC(2026, 4, 3)), sourceUrl: 'https://ratepayers.example/statement', actorId: null });
  const published = updateClaim({ id: claim.id, version: claim.version, patch: { status: 'false', statusNote: 'Ledger’s own table: ‑3 %.', published: true }, actorId: null });
  return { claimId: published.id, articleSlug: article.slug, otherSlug: other.slug, partySlug: party.slug };
}

let file: string;
let seeded: Seeded;
beforeAll(() => {
  file = useFreshDatabase();
  seedDemoOnFirstRun();
  seeded = seedMessy();
});
afterAll(() => removeDatabase(file));

type Json = Record<string, unknown>;
const doc = JSON.parse(JSON.stringify(openApiDocument())) as { components: unknown; paths: OpenApiPaths };
const validate = openApiValidator(doc);

const seen = new Set<string>();

/** Calls the endpoint and checks the answer against the document: status, media type, headers and body. */
async function expectDocumented(template: RoutePath, params: Record<string, string>, query = '', headers?: HeadersInit) {
  const response = await callApi(template, params, query, headers);
  const label = `${template}${query ? `?${query}` : ''} → ${response.status}`;
  const documented: DocumentedAnswer | undefined = doc.paths[template]?.get.responses[String(response.status)];
  expect(documented, `${label} is not in the document`).toBeDefined();
  seen.add(`${template} ${response.status}`);
  for (const name of Object.keys(documented!.headers ?? {})) expect(response.headers.get(name), `${label}: header ${name}`).not.toBeNull();
  if (!documented!.content) {
    expect(await response.text(), label).toBe('');
    return response;
  }
  const contentType = response.headers.get('content-type') ?? '';
  const [mediaType, media] = Object.entries(documented!.content)[0]!;
  expect(contentType.split(';')[0], label).toBe(mediaType);
  const text = await response.text();
  const body: unknown = mediaType === 'application/json' ? JSON.parse(text) : text;
  expect(validate(media.schema, body), label).toEqual([]);
  return { ...response, body };
}

describe('the OpenAPI document', () => {
  it('is what /openapi.json serves, and describes every route handler', async () => {
    const served = await (await callApi('/openapi.json')).json();
    expect(served).toEqual(doc);
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it('names every field of every object it describes as required, and no others (answers always carry them all)', () => {
    const schemas = (doc.components as { schemas: Record<string, Json> }).schemas;
    expect(Object.keys(schemas).length).toBeGreaterThan(10);
    const open: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Json;
      if (n.type === 'object' && n.properties) {
        const props = Object.keys(n.properties as Json);
        const required = (n.required as string[] | undefined) ?? [];
        // Only the error's `fields` is optional: it is there when parameters were refused.
        const missing = props.filter((p) => !required.includes(p) && p !== 'fields');
        if (missing.length) open.push(`${at}: ${missing.join(', ')}`);
      }
      for (const [k, v] of Object.entries(n)) walk(v, `${at}/${k}`);
    };
    walk(schemas, '#/components/schemas');
    expect(open).toEqual([]);
  });
});

describe('every endpoint’s answers validate against the document', () => {
  it('claims: lists, filters, searches in several scripts, pages, the messy claim, drafts and unknown ids', async () => {
    for (const query of ['', 'limit=100', 'status=false,disputed', 'q=fares', 'q=河港', 'q=%22%3Cscript', 'sort=oldest&limit=1', 'from=2026-01-01&to=2026-12-31', 'party=' + seeded.partySlug]) {
      await expectDocumented('/claims', {}, query);
    }
    const first = (await expectDocumented('/claims', {}, 'limit=2')) as { body: { nextCursor: string } };
    await expectDocumented('/claims', {}, `limit=2&cursor=${first.body.nextCursor}`);
    await expectDocumented('/claims', {}, 'cursor=AAAA&limit=0&status=maybe');
    for (const id of [String(seeded.claimId), '3', '4']) await expectDocumented('/claims/{id}', { id });
    await expectDocumented('/claims/{id}', { id: '6' }); // the demo's draft
    const { version } = getClaimForEditor({ id: 4 })!;
    invalidate(claimTags(withdrawClaim({ id: 4, version, note: 'Withdrawn: the “figure” was a typo 🙈', actorId: null })));
    await expectDocumented('/claims/{id}', { id: '4' }); // withdrawn: 410
    await expectDocumented('/claims/{id}', { id: '99999' });
    await expectDocumented('/claims/{id}', { id: '0x1F' });
    await expectDocumented('/claims/{id}', { id: '3' }, 'toString=1');
  });

  it('articles: the list, each page, the messy articles and unknown slugs', async () => {
    await expectDocumented('/articles', {});
    await expectDocumented('/articles', {}, `limit=1&cursor=${encodeCursor({ key: Date.now(), id: 999 })}`);
    await expectDocumented('/articles', {}, 'limit=101');
    for (const slug of [seeded.articleSlug, seeded.otherSlug, 'riverside-says-its-new-bus-lanes-cut-commutes-by-a-fifth']) {
      await expectDocumented('/articles/{slug}', { slug });
    }
    await expectDocumented('/articles/{slug}', { slug: 'no-such-article' });
    await expectDocumented('/articles/{slug}', { slug: '../../etc/passwd' });
    await expectDocumented('/articles/{slug}', { slug: seeded.articleSlug }, 'constructor=1');
  });

  it('parties: the list, the messy party, unknown slugs', async () => {
    await expectDocumented('/parties', {});
    await expectDocumented('/parties', {}, '__proto__=1');
    await expectDocumented('/parties/{slug}', { slug: seeded.partySlug });
    await expectDocumented('/parties/{slug}', { slug: 'riverside-drivers-association' });
    await expectDocumented('/parties/{slug}', { slug: 'nobody' });
    await expectDocumented('/parties/{slug}', { slug: 'nobody' }, 'hasOwnProperty=1');
  });

  it('exports: CSV and JSON with filters, and refused parameters', async () => {
    for (const path of ['/export/claims.csv', '/export/claims.json'] as const) {
      await expectDocumented(path, {});
      await expectDocumented(path, {}, 'status=false&q=fares');
      await expectDocumented(path, {}, 'cursor=abc');
      await expectDocumented(path, {}, 'from=2026-02-30');
    }
  });

  it('page claims: by slug and by address, pages no article has, and refused parameters', async () => {
    for (const query of [`article=${seeded.articleSlug}`, 'article=riverside-says-its-new-bus-lanes-cut-commutes-by-a-fifth', 'article=no-such-article']) {
      await expectDocumented('/page-claims', {}, query);
    }
    await expectDocumented('/page-claims', {}, `url=${encodeURIComponent('https://news.example/a?utm_source=x#top')}`);
    for (const query of ['', 'url=javascript%3Aalert(1)', `url=https%3A%2F%2Fa.example&article=${seeded.articleSlug}`, 'article=x&article=y', 'slug=x']) {
      await expectDocumented('/page-claims', {}, query);
    }
  });

  it('the document itself', async () => {
    await expectDocumented('/openapi.json', {});
    await expectDocumented('/openapi.json', {}, 'format=yaml');
  });

  it('answers 304 with its ETag on every endpoint', async () => {
    const params: Record<RoutePath, Record<string, string>> = {
      '/claims': {},
      '/claims/{id}': { id: String(seeded.claimId) },
      '/articles': {},
      '/articles/{slug}': { slug: seeded.articleSlug },
      '/parties': {},
      '/parties/{slug}': { slug: seeded.partySlug },
      '/export/claims.csv': {},
      '/export/claims.json': {},
      '/openapi.json': {},
      '/page-claims': {},
    };
    const queries: Partial<Record<RoutePath, string>> = { '/page-claims': `article=${seeded.articleSlug}` };
    for (const path of Object.keys(ROUTES) as RoutePath[]) {
      const etag = (await callApi(path, params[path], queries[path])).headers.get('etag')!;
      expect((await expectDocumented(path, params[path], queries[path], { 'If-None-Match': etag })).status, path).toBe(304);
    }
  });

  it('prints out-of-range dates as null and never as an expanded year', async () => {
    const claim = (await (await callApi('/claims/{id}', { id: String(seeded.claimId) })).json()).data;
    expect(claim.article.publishedAt).toBeNull();
    expect(claim.appearances[0].publishedAt).toBeNull();
    expect(claim.sources[0].publishedAt).toBeNull();
    expect(claim.responses.map((r: { deadlineAt: string | null }) => r.deadlineAt)).toContain('2026-05-08T00:00:00.000Z');
    const all = await (await callApi('/export/claims.json')).text();
    expect(all).not.toMatch(/"[+-]\d{6}-/);
  });

  // Runs last: the cases above must have met every answer the document promises.
  it('met every documented status of every endpoint', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item.get.responses).map((status) => `${path} ${status}`));
    expect(documented.filter((d) => !seen.has(d))).toEqual([]);
  });
});
