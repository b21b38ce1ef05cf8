import fs from 'node:fs';
import jsonld from 'jsonld';
import type { JsonLd, RemoteDocument } from 'jsonld/jsonld-spec';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createArticle } from '@/db/queries/articles';
import { addAppearance, createClaim, updateClaim } from '@/db/queries/claims';
import { withdrawClaim } from '@/db/queries/lifecycle';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { createAnchor } from '@/lib/anchor';
import { ANNOTATION_CONTEXT, ANNOTATION_PAGE_SIZE } from '@/lib/annotation';
import { claimTags, invalidate } from '@/lib/server/cache';
import { GET as collectionGET } from './articles/[slug]/annotations.jsonld/route';
import { GET as annotationGET } from './claims/[id]/annotation.jsonld/route';

const SITE = 'https://claims.example';
vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: new URL(SITE).host, 'x-forwarded-proto': 'https' }) }));

// The W3C context as published, shipped in the repository: the processor never reaches the network.
const CONTEXT = JSON.parse(fs.readFileSync(new URL('../../lib/testing/w3c-anno-context.jsonld', import.meta.url), 'utf8')) as JsonLd;
const documentLoader = async (url: string): Promise<RemoteDocument> => {
  if (url !== ANNOTATION_CONTEXT && url !== ANNOTATION_CONTEXT.replace('http:', 'https:')) throw new Error(`No network in tests: ${url}`);
  return { documentUrl: url, document: CONTEXT };
};

const OA = 'http://www.w3.org/ns/oa#';
const AS = 'http://www.w3.org/ns/activitystreams#';
const DCTERMS = 'http://purl.org/dc/terms/';
const RDF_VALUE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#value';

type Node = Record<string, unknown[] | string | undefined> & { '@id'?: string; '@type'?: string[] };
const expand = async (doc: unknown) => (await jsonld.expand(doc as jsonld.JsonLdDocument, { documentLoader })) as unknown as Node[];
const nodes = (n: Node, property: string) => (n[property] ?? []) as Node[];
const values = (n: Node, property: string) => nodes(n, property).map((v) => v['@value'] as unknown);
const ids = (n: Node, property: string) => nodes(n, property).map((v) => v['@id']);

const call = async (handler: unknown, path: string, params: Record<string, string>) => {
  const h = handler as (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
  return h(new Request(`${SITE}${path}`), { params: Promise.resolve(params) });
};
const annotation = (id: number) => call(annotationGET, `/claims/${id}/annotation.jsonld`, { id: String(id) });
const collection = (slug: string, query = '') => call(collectionGET, `/articles/${slug}/annotations.jsonld${query}`, { slug });

// Pasted web text: curly quotes, an emoji (a surrogate pair before the quote shifts UTF-16 positions), RTL, CJK,
// and a control character that must not reach a strict client.
const QUOTE = '“Bus fares fell by 20 %” on the 🚌 routes';
const LEAD = 'Nachrichten 河港 — قال المجلس: 🚌 The council’s report claims ';
const BODY = `${LEAD}${QUOTE}, though riders disagree.\n\n`;

let file: string;
let article: { id: number; slug: string };
let claimId: number;
let draftId: number;
let withdrawnId: number;
beforeAll(() => {
  file = useFreshDatabase();
  // Two hundred published claims, each on its own numbered sentence, after the messy lead paragraph.
  const sentences = Array.from({ length: 200 }, (_, i) => `Depot ${i + 1} reported ${i + 3} late buses.`);
  const created = createArticle({
    title: 'Riverside “fares” report <b>draft</b>',
    outlet: 'The Ledger',
    canonicalUrl: 'https://ledger.example/2026/fares',
    body: BODY + sentences.join('\n\n'),
    actorId: null,
  });
  article = created;
  const at = (text: string) => {
    const start = created.body.indexOf(text);
    return createAnchor(created.body, start, start + text.length)!;
  };
  const first = createClaim({ articleId: created.id, anchor: at(QUOTE), statement: 'Bus fares fell by \u0007a fifth', actorId: null });
  claimId = updateClaim({
    id: first.id,
    version: first.version,
    patch: { status: 'false', statusNote: 'The fare table shows a rise of 3 % <script>alert(1)</script>.', published: true },
    actorId: null,
  }).id;
  for (const s of sentences.slice(0, 199)) {
    createClaim({ articleId: created.id, anchor: at(s), statement: s, status: 'confirmed', published: true, actorId: null });
  }
  draftId = createClaim({ articleId: created.id, anchor: at(sentences[199]!), statement: 'A draft', actorId: null }).id;
  const withdrawn = createClaim({ articleId: created.id, anchor: at('riders disagree'), statement: 'Riders disagree', published: true, actorId: null });
  withdrawnId = withdrawClaim({ id: withdrawn.id, version: withdrawn.version, note: 'Made in error.', actorId: null }).id;
  const other = createArticle({ title: 'Elsewhere', body: `The Post repeats it: ${QUOTE}.`, actorId: null });
  const start = other.body.indexOf(QUOTE);
  addAppearance({ claimId, articleId: other.id, anchor: createAnchor(other.body, start, start + QUOTE.length)!, actorId: null });
  invalidate(claimTags({ id: claimId, articleIds: [created.id, other.id] }));
});
afterAll(() => removeDatabase(file));

describe('a claim as a W3C Web Annotation', () => {
  it('is served with the annotation profile and expands against the W3C context to the model’s required shape', async () => {
    const response = await annotation(claimId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const doc = await response.json();
    expect(doc['@context']).toBe(ANNOTATION_CONTEXT);

    const [anno, ...more] = await expand(doc);
    expect(more).toEqual([]);
    expect(anno!['@id']).toBe(`${SITE}/claims/${claimId}/annotation.jsonld`);
    expect(anno!['@type']).toEqual([`${OA}Annotation`]);
    expect(ids(anno!, `${OA}motivatedBy`)).toEqual([`${OA}assessing`]);
    for (const date of [`${DCTERMS}created`, `${DCTERMS}modified`]) {
      const [d] = nodes(anno!, date);
      expect(d!['@type']).toBe('http://www.w3.org/2001/XMLSchema#dateTime');
      expect(Number.isNaN(Date.parse(String(d!['@value'])))).toBe(false);
    }
    const [creator] = nodes(anno!, `${DCTERMS}creator`);
    expect(creator!['@type']).toEqual(['http://xmlns.com/foaf/0.1/Organization']);
    expect(values(creator!, 'http://xmlns.com/foaf/0.1/name')[0]).toBeTruthy();

    // Body: the status, the reason and the claim page.
    const bodies = nodes(anno!, `${OA}hasBody`);
    const textual = (purpose: string) => bodies.find((b) => ids(b, `${OA}hasPurpose`)[0] === `${OA}${purpose}`);
    expect(values(textual('classifying')!, RDF_VALUE)).toEqual(['False']);
    expect(values(textual('assessing')!, RDF_VALUE)).toEqual(['The fare table shows a rise of 3 % <script>alert(1)</script>.']);
    expect(values(textual('describing')!, RDF_VALUE)).toEqual(['Bus fares fell by a fifth']);
    expect(textual('classifying')!['@type']).toEqual([`${OA}TextualBody`]);
    const page = bodies.find((b) => b['@id']?.startsWith(SITE));
    expect(page!['@id']).toMatch(new RegExp(`^${SITE}/claims/${claimId}/`));

    // Targets: the publisher's article, then the other article it appeared in, each with both selectors.
    const targets = nodes(anno!, `${OA}hasTarget`);
    expect(targets.map((t) => ids(t, `${OA}hasSource`)[0])).toEqual(['https://ledger.example/2026/fares', `${SITE}/articles/elsewhere`]);
    const selectors = nodes(targets[0]!, `${OA}hasSelector`);
    const quote = selectors.find((s) => s['@type']?.[0] === `${OA}TextQuoteSelector`)!;
    const position = selectors.find((s) => s['@type']?.[0] === `${OA}TextPositionSelector`)!;
    expect(values(quote, `${OA}exact`)).toEqual([QUOTE]);
    expect(values(quote, `${OA}prefix`)).toEqual([LEAD.slice(-32)]);
    expect(values(quote, `${OA}suffix`)).toEqual([', though riders disagree.\n\nDepot 1 reported 3 late buses.'.slice(0, 32)]);
    // UTF-16 code units, as a browser's Range counts them: the emoji before the quote is two.
    expect(values(position, `${OA}start`).map(Number)).toEqual([LEAD.length]);
    expect(values(position, `${OA}end`).map(Number)).toEqual([LEAD.length + QUOTE.length]);
  });

  it('exists only for published claims', async () => {
    expect((await annotation(draftId)).status).toBe(404);
    expect((await annotation(withdrawnId)).status).toBe(404);
    expect((await annotation(999_999)).status).toBe(404);
    expect((await call(annotationGET, '/claims/x/annotation.jsonld', { id: '1e3' })).status).toBe(404);
  });
});

describe('an article’s annotations as an AnnotationCollection', () => {
  it('pages through all 200 published claims in reading order, and only those', async () => {
    const top = await (await collection(article.slug)).json();
    const [expanded] = await expand(top);
    expect(expanded!['@type']).toEqual([`${AS}OrderedCollection`]);
    expect(values(expanded!, `${AS}totalItems`).map(Number)).toEqual([200]);
    expect(ids(expanded!, `${AS}last`)).toEqual([`${top.id}?page=${200 / ANNOTATION_PAGE_SIZE - 1}`]);

    const seen: string[] = [];
    let next: string | undefined = top.first;
    let previous: string | undefined;
    let pages = 0;
    while (next) {
      const page = Number(new URL(next).searchParams.get('page'));
      const response = await collection(article.slug, `?page=${page}`);
      expect(response.headers.get('content-type')).toContain('profile="http://www.w3.org/ns/anno.jsonld"');
      const [p] = await expand(await response.json());
      expect(p!['@type']).toEqual([`${AS}OrderedCollectionPage`]);
      expect(ids(p!, `${AS}partOf`)).toEqual([top.id]);
      expect(ids(p!, `${AS}prev`)).toEqual(previous ? [previous] : []);
      expect(values(p!, `${AS}startIndex`).map(Number)).toEqual([seen.length]);
      // items is an ordered list (@list), so the reading order survives expansion.
      const items = (nodes(p!, `${AS}items`)[0]!['@list'] as unknown as Node[]);
      for (const item of items) {
        expect(item['@type']).toEqual([`${OA}Annotation`]);
        expect(nodes(item, `${OA}hasTarget`).length).toBeGreaterThan(0);
      }
      seen.push(...items.map((i) => i['@id']!));
      previous = next;
      next = ids(p!, `${AS}next`)[0];
      pages += 1;
    }
    expect(pages).toBe(200 / ANNOTATION_PAGE_SIZE);
    expect(seen).toHaveLength(200);
    expect(new Set(seen).size).toBe(200);
    expect(seen[0]).toBe(`${SITE}/claims/${claimId}/annotation.jsonld`);
    expect(seen).not.toContain(`${SITE}/claims/${draftId}/annotation.jsonld`);
    expect(seen).not.toContain(`${SITE}/claims/${withdrawnId}/annotation.jsonld`);
  });

  it('answers 404 past the last page and for unknown articles, 400 for a bad page number', async () => {
    expect((await collection(article.slug, `?page=${200 / ANNOTATION_PAGE_SIZE}`)).status).toBe(404);
    expect((await collection('no-such-article')).status).toBe(404);
    expect((await collection(article.slug, '?page=-1')).status).toBe(400);
    expect((await collection(article.slug, '?page=01')).status).toBe(400);
  });

  it('follows a claim published later on the next request (cached by tag)', async () => {
    const before = await (await collection(article.slug)).json();
    expect(before.total).toBe(200);
    const draft = updateClaim({ id: draftId, version: 1, patch: { published: true }, actorId: null });
    invalidate(claimTags({ id: draft.id, articleIds: [article.id] }));
    expect((await (await collection(article.slug)).json()).total).toBe(201);
    expect((await annotation(draftId)).status).toBe(200);
  });
});
