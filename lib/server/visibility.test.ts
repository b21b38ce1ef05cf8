import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as partyFeedGET } from '@/app/(reader)/parties/[slug]/feed.atom/route';
import { callApi, SITE } from '@/app/api/v1/testing';
import { createArticle } from '@/db/queries/articles';
import { addAppearance, createClaim, updateClaim } from '@/db/queries/claims';
import { createParty, mergeParties } from '@/db/queries/parties';
import { addResponse, attachSource } from '@/db/queries/sources';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { createAnchor } from '@/lib/anchor';
import { claimTags, invalidate, tags } from './cache';
import { readArticle, readClaim, readFilterOptions, readParty, readPartyAddress } from './reader';

vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: new URL(SITE).host }) }));

/*
 * Issue 16, case 8: a party named only on a draft is not public. Parties, sources and
 * appearances are public only through a published claim, on every reader surface.
 */

let file: string;
beforeEach(() => {
  file = useFreshDatabase();
});
afterEach(() => removeDatabase(file));

const BODY = [
  'Der Hafenbetreiber sagte, die Fähre fahre „ab Mai stündlich“ 🚢.',
  'Residents said the quayside car park would close in June.',
  '住民団体は駐車場の閉鎖に反対している。',
].join('\n\n');

function newsroom() {
  const article = createArticle({ title: 'Quayside plans', outlet: 'Harbour Gazette', body: BODY, actorId: null });
  const on = (quote: string, body = article.body) => {
    const start = body.indexOf(quote);
    return createAnchor(body, start, start + quote.length)!;
  };
  const draftOnly = createParty({ name: 'Quayside Residents’ Forum', kind: 'organization' });
  const responderOnDraft = createParty({ name: 'Ministry of Ports', kind: 'government' });
  const publicParty = createParty({ name: 'Harbour Operator', kind: 'organization' });
  const draft = createClaim({
    articleId: article.id,
    anchor: on('the quayside car park would close in June'),
    claimantPartyId: draftOnly.id,
    actorId: null,
  });
  addResponse({ claimId: draft.id, partyId: responderOnDraft.id, stance: 'disputes', quote: 'No decision yet.', actorId: null });
  attachSource({ claimId: draft.id, source: { url: 'https://council.example/parking', title: 'Parking plan' }, relation: 'supports', excerpt: 'Private excerpt from a draft', actorId: null });
  const published = createClaim({
    articleId: article.id,
    anchor: on('die Fähre fahre „ab Mai stündlich“'),
    claimantPartyId: publicParty.id,
    published: true,
    actorId: null,
  });
  attachSource({ claimId: published.id, source: { url: 'https://council.example/parking', title: 'Parking plan' }, relation: 'context', actorId: null });
  return { article, on, draftOnly, responderOnDraft, publicParty, draft, published };
}

const slugsOf = async (response: Response) => ((await response.json()) as { data: { slug: string }[] }).data.map((p) => p.slug);
const feedStatus = async (slug: string) =>
  (await partyFeedGET(new Request(`${SITE}/parties/${slug}/feed.atom`), { params: Promise.resolve({ slug }) })).status;

describe('public visibility is derived from published claims', () => {
  it('keeps a party named only on a draft (as claimant or responder) out of every public surface', async () => {
    const { draftOnly, responderOnDraft, publicParty } = newsroom();
    for (const party of [draftOnly, responderOnDraft]) {
      // The API list and detail.
      expect(await slugsOf(await callApi('/parties'))).not.toContain(party.slug);
      expect((await callApi('/parties/{slug}', { slug: party.slug })).status).toBe(404);
      // The claims filter.
      expect(readFilterOptions().parties.map((p) => p.slug)).not.toContain(party.slug);
      // The party page (404 when readParty is null) and its feed.
      expect(readParty(party.slug)).toBeNull();
      expect(await feedStatus(party.slug)).toBe(404);
    }
    expect(await slugsOf(await callApi('/parties'))).toEqual([publicParty.slug]);
    expect(readParty(publicParty.slug)?.claims).toHaveLength(1);
    expect(await feedStatus(publicParty.slug)).toBe(200);
  });

  it('makes the party public when its claim is published, through the cache tags the publication invalidates', async () => {
    const { draft, draftOnly, responderOnDraft, article } = newsroom();
    // Read once, so that the 404 is cached.
    expect(readParty(draftOnly.slug)).toBeNull();
    expect(readFilterOptions().parties.map((p) => p.slug)).not.toContain(draftOnly.slug);
    updateClaim({ id: draft.id, version: draft.version, patch: { published: true }, actorId: null });
    // What the publish action invalidates.
    invalidate(claimTags({ id: draft.id, articleIds: [article.id], partyIds: [draftOnly.id, responderOnDraft.id] }));
    expect(readParty(draftOnly.slug)?.claims.map((c) => c.id)).toEqual([draft.id]);
    expect(readParty(responderOnDraft.slug)?.responses.map((r) => r.claimId)).toEqual([draft.id]);
    expect(readFilterOptions().parties.map((p) => p.slug)).toContain(draftOnly.slug);
    expect(await slugsOf(await callApi('/parties'))).toContain(responderOnDraft.slug);
    expect(await feedStatus(draftOnly.slug)).toBe(200);
  });

  it('does not redirect the old slug of a merged party, or an address naming it, to a party that is known only from drafts', () => {
    const { draftOnly } = newsroom();
    const duplicate = createParty({ name: 'Quayside Residents Forum' });
    mergeParties({ keepId: draftOnly.id, removeId: duplicate.id, actorId: null });
    // What the merge action invalidates (the reader caches outlive each test's database).
    invalidate([tags.party(draftOnly.id), tags.party(duplicate.id), tags.lists]);
    expect(readPartyAddress(duplicate.slug)).toBeNull();
    expect(readPartyAddress(draftOnly.slug.toUpperCase())).toBeNull();
    expect(readPartyAddress(draftOnly.name)).toBeNull();
  });

  it('shows an appearance of a claim only once the claim is published', async () => {
    const { draft } = newsroom();
    const other = createArticle({ title: 'Parking row', body: 'Again, the quayside car park would close in June, residents said.', actorId: null });
    const start = other.body.indexOf('the quayside car park');
    addAppearance({ claimId: draft.id, articleId: other.id, anchor: createAnchor(other.body, start, start + 41)!, actorId: null });
    expect(readArticle(other.slug)?.claims).toEqual([]);
    const api = (await (await callApi('/articles/{slug}', { slug: other.slug })).json()) as { data: { claims: unknown[] } };
    expect(api.data.claims).toEqual([]);
    updateClaim({ id: draft.id, version: draft.version, patch: { published: true }, actorId: null });
    invalidate(claimTags({ id: draft.id, articleIds: [draft.articleId, other.id] }));
    expect(readArticle(other.slug)?.claims.map((c) => c.id)).toEqual([draft.id]);
  });

  it('shows a shared source on a published claim with that claim’s citation only, never a draft’s', async () => {
    const { published } = newsroom();
    const claim = readClaim(published.id)!;
    expect(claim.sources.map((s) => [s.url, s.relation, s.excerpt])).toEqual([['https://council.example/parking', 'context', '']]);
    const api = JSON.stringify(await (await callApi('/claims/{id}', { id: String(published.id) })).json());
    expect(api).toContain('https://council.example/parking');
    expect(api).not.toContain('Private excerpt from a draft');
  });
});
