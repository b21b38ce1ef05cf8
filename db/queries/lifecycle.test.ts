import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { claimEvents, claims, users } from '@/db/schema';
import { removeDatabase, rowCounts, useFreshDatabase } from '@/db/testing';
import { createAnchor } from '@/lib/anchor';
import { parseClaimFilters } from '@/lib/claim-filters';
import { createArticle } from './articles';
import { addAppearance, createClaim, getPublishedClaim, updateClaim } from './claims';
import { deleteDraftArticle, deleteDraftClaim, getWithdrawnClaim, withdrawClaim } from './lifecycle';
import { searchClaims } from './search';
import { addResponse, attachSource } from './sources';
import { moveClaim, setSignOffRequired } from './workflow';

let file: string;
let editor: string;
beforeEach(() => {
  file = useFreshDatabase();
  editor = randomUUID();
  getDb().insert(users).values({ id: editor, name: 'Wren Editor', email: `${editor}@newsroom.example` }).run();
  setSignOffRequired({ required: false });
});
afterEach(() => removeDatabase(file));

const BODY = [
  'The ferry company said “9 of 10 crossings” left on time in March.',
  'Harbour master Li Wei 李伟 said the quay was rebuilt for €4.2m 🚧.',
  'A councillor said the fares were the highest in the country.',
].join('\n\n');

function article(body = BODY) {
  return createArticle({ title: `Ferry report ${randomUUID().slice(0, 6)}`, outlet: 'Harbour Post', body, actorId: editor });
}

function claimOn(a: { id: number; body: string }, quote: string, published = false) {
  const start = a.body.indexOf(quote);
  return createClaim({ articleId: a.id, anchor: createAnchor(a.body, start, start + quote.length)!, published, actorId: editor });
}

const current = (id: number) => getDb().select().from(claims).where(eq(claims.id, id)).get();
const search = (q: string) => {
  const parsed = parseClaimFilters(new URLSearchParams({ q }));
  if (!parsed.ok) throw new Error('bad filters');
  return searchClaims({ filters: parsed.filters }).hits.map((h) => h.id);
};

/** A draft with a source, a response and an appearance elsewhere: everything a claim can own. */
function busyDraft() {
  const a = article();
  const b = article(`Elsewhere: ${BODY}`);
  const draft = claimOn(a, 'the fares were the highest in the country');
  attachSource({ claimId: draft.id, source: { url: `https://fares.example/${draft.id}`, title: 'Fare table' }, relation: 'contradicts', actorId: editor });
  addResponse({ claimId: draft.id, newPartyName: 'Ferry Co', stance: 'denies', quote: 'Not true', actorId: editor });
  const q = 'the fares were the highest in the country';
  const at = b.body.indexOf(q);
  addAppearance({ claimId: draft.id, articleId: b.id, anchor: createAnchor(b.body, at, at + q.length)!, actorId: editor });
  return { a, b, draft };
}

describe('deleting a claim readers never saw', () => {
  it('removes the claim, its history, citations, responses, appearance and search entry, and nothing else', () => {
    const { draft } = busyDraft();
    const before = rowCounts();
    deleteDraftClaim({ id: draft.id });
    const after = rowCounts();
    expect(current(draft.id)).toBeUndefined();
    const changed = Object.fromEntries(Object.keys(before).filter((t) => before[t] !== after[t]).map((t) => [t, before[t]! - after[t]!]));
    // Its four events (created, source, response, appearance) and nothing of any other claim.
    expect(changed).toEqual({ claims: 1, claim_events: 4, claim_sources: 1, responses: 1, claim_appearances: 1, claims_fts: 1 });
    // The source and the party stay in the newsroom's library.
    expect(after.sources).toBe(before.sources);
    expect(after.parties).toBe(before.parties);
  });

  it('refuses any claim readers may have seen, and the database refuses to drop its history', () => {
    const a = article();
    const published = claimOn(a, '9 of 10 crossings', true);
    const once = claimOn(a, 'the quay was rebuilt');
    const shown = updateClaim({ id: once.id, version: once.version, patch: { published: true }, actorId: editor });
    updateClaim({ id: once.id, version: shown.version, patch: { published: false }, actorId: editor });
    for (const id of [published.id, once.id]) {
      expect(() => deleteDraftClaim({ id })).toThrow(/withdraw it instead/);
      expect(current(id)).toBeDefined();
      expect(() => getDb().delete(claimEvents).where(eq(claimEvents.claimId, id)).run()).toThrow(/append-only/);
    }
    expect(() => deleteDraftClaim({ id: 999_999 })).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});

describe('deleting an article', () => {
  it('with only draft claims removes the article, its revisions and claims', () => {
    const { a, b, draft } = busyDraft();
    const other = claimOn(a, 'the quay was rebuilt');
    const before = rowCounts();
    const result = deleteDraftArticle({ id: a.id });
    expect(result.claimIds.sort()).toEqual([draft.id, other.id].sort());
    const after = rowCounts();
    expect(before.articles! - after.articles!).toBe(1);
    expect(before.article_revisions! - after.article_revisions!).toBe(1);
    expect(before.claims! - after.claims!).toBe(2);
    expect(before.claims_fts! - after.claims_fts!).toBe(2);
    expect(after.claim_appearances).toBe(0);
    // The other article is untouched.
    expect(deleteDraftArticle({ id: b.id }).claimIds).toEqual([]);
  });

  it('is refused while a claim of it was published, or a published claim appears in it', () => {
    const a = article();
    claimOn(a, 'the quay was rebuilt', true);
    claimOn(a, '9 of 10 crossings');
    expect(() => deleteDraftArticle({ id: a.id })).toThrow(/One claim of this article has been published/);

    const home = article();
    const shared = claimOn(home, 'the fares were the highest in the country', true);
    const elsewhere = article(`Repeated: ${BODY}`);
    const q = 'the fares were the highest in the country';
    const at = elsewhere.body.indexOf(q);
    addAppearance({ claimId: shared.id, articleId: elsewhere.id, anchor: createAnchor(elsewhere.body, at, at + q.length)!, actorId: editor });
    expect(() => deleteDraftArticle({ id: elsewhere.id })).toThrow(/A published claim also appears in this article/);
    expect(rowCounts().articles).toBe(3);
  });
});

describe('withdrawing a published claim', () => {
  it('takes it off every reader surface, keeps its page data with the note, and records the event', () => {
    const a = article();
    const claim = claimOn(a, 'the quay was rebuilt for €4.2m', true);
    expect(search('quay rebuilt')).toEqual([claim.id]);
    const note = 'The harbour authority’s figure was for a different quay; we withdraw this claim.';
    withdrawClaim({ id: claim.id, version: claim.version, note: `  ${note}\n`, actorId: editor });

    expect(getPublishedClaim({ id: claim.id })).toBeUndefined();
    expect(search('quay rebuilt')).toEqual([]);
    const gone = getWithdrawnClaim({ id: claim.id })!;
    expect(gone.withdrawalNote).toBe(note);
    expect(gone.events.map((e) => e.kind)).toEqual(['created', 'withdrawn']);
    expect(gone.events.at(-1)!.after).toEqual({ note });
    // Its history stays: the row and every event are still there.
    expect(current(claim.id)?.withdrawnAt).toBeInstanceOf(Date);
    expect(() => getDb().delete(claimEvents).where(eq(claimEvents.claimId, claim.id)).run()).toThrow(/append-only/);
    expect(() => deleteDraftClaim({ id: claim.id })).toThrow(/withdraw it instead/);
    // Nobody edits or republishes it afterwards.
    const { version } = current(claim.id)!;
    expect(() => updateClaim({ id: claim.id, version, patch: { published: true }, actorId: editor })).toThrow(/withdrawn/);
    expect(() => moveClaim({ id: claim.id, to: 'in_progress', actorId: editor, version })).toThrow(/withdrawn/);
    expect(current(claim.id)).toMatchObject({ version, published: false });
  });

  it('needs a note and the current version, and is refused for drafts and for claims already withdrawn', () => {
    const a = article();
    const claim = claimOn(a, '9 of 10 crossings', true);
    expect(() => withdrawClaim({ id: claim.id, version: claim.version, note: ' \n ', actorId: editor })).toThrow(
      expect.objectContaining({ fieldErrors: { note: [expect.stringMatching(/why/)] } }),
    );
    expect(() => withdrawClaim({ id: claim.id, version: claim.version + 1, note: 'Wrong.', actorId: editor })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    withdrawClaim({ id: claim.id, version: claim.version, note: 'Wrong.', actorId: editor });
    expect(() => withdrawClaim({ id: claim.id, version: claim.version + 1, note: 'Again.', actorId: editor })).toThrow(/already withdrawn/);
    const draft = claimOn(a, 'the quay was rebuilt');
    expect(() => withdrawClaim({ id: draft.id, version: draft.version, note: 'No.', actorId: editor })).toThrow(/delete it instead/);
    expect(getWithdrawnClaim({ id: draft.id })).toBeUndefined();
  });
});
