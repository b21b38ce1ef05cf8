import { asc, count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { claimEvents, claims, parties } from '@/db/schema';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { AppError } from '@/lib/errors';
import {
  createClaimFromSelection,
  dismissSuggestion,
  getArticleForEditor,
  getClaimForEditor,
  linkAppearance,
  listDismissedSuggestions,
  saveClaim,
} from './annotator';
import { createArticle } from './articles';
import { createParty } from './parties';

let file: string;
beforeEach(() => {
  file = useFreshDatabase();
});
afterEach(() => removeDatabase(file));

const BODY = 'Fans 🎉 said the new tram line carried 12,000 riders on its first Sunday.\n\nThe operator said fares would stay at €2 until 2027.';
const article = () => createArticle({ title: 'Tram opens', outlet: 'Valley Times', body: BODY, actorId: null });
const select = (body: string, quote: string) => {
  const start = body.indexOf(quote);
  return { start, end: start + quote.length, exact: quote };
};
const partyCount = () => getDb().select({ n: count() }).from(parties).get()!.n;
const eventKinds = (id: number) =>
  getDb().select({ kind: claimEvents.kind }).from(claimEvents).where(eq(claimEvents.claimId, id)).orderBy(asc(claimEvents.id)).all().map((e) => e.kind);

describe('createClaimFromSelection', () => {
  it('creates a claim from offsets in text with emoji, with a new claimant party in the same step', () => {
    const a = article();
    const quote = 'the new tram line carried 12,000 riders';
    const claim = createClaimFromSelection({ articleId: a.id, ...select(a.body, quote), newParty: { name: 'Tram fans', kind: 'organization' }, actorId: null });
    expect(claim).toMatchObject({ statement: quote, anchorExact: quote, published: false });
    expect(getClaimForEditor({ id: claim.id })!.claimant!.name).toBe('Tram fans');
    expect(eventKinds(claim.id)).toEqual(['created']);
  });

  it('a "new" claimant typed with the name of an existing party (any case, extra spaces) is that party, not a duplicate', () => {
    const a = article();
    const mayor = createParty({ name: 'Mayor of Port Ellery', kind: 'person' });
    const rtl = createParty({ name: 'دالية حداد', kind: 'person' });
    const first = createClaimFromSelection({ articleId: a.id, ...select(a.body, 'the new tram line'), newParty: { name: 'mayor of  Port Ellery ', kind: 'organization' }, actorId: null });
    const second = createClaimFromSelection({ articleId: a.id, ...select(a.body, 'fares would stay'), newParty: { name: 'دالية حداد', kind: 'person' }, actorId: null });
    expect(getClaimForEditor({ id: first.id })!.claimant!.id).toBe(mayor.id);
    expect(getClaimForEditor({ id: second.id })!.claimant!.id).toBe(rtl.id);
    const { claim } = saveClaim({ id: first.id, version: first.version, patch: {}, newParty: { name: 'MAYOR OF PORT ELLERY', kind: 'person' }, actorId: null });
    expect(claim.claimantPartyId).toBe(mayor.id);
    expect(partyCount()).toBe(2);
  });

  it('refuses a selection that no longer matches the article, creating nothing', () => {
    const a = article();
    const stale = { ...select(a.body, 'fares would stay'), exact: 'fares would rise' };
    expect(() => createClaimFromSelection({ articleId: a.id, ...stale, newParty: { name: 'Nobody', kind: 'person' }, actorId: null })).toThrow(AppError);
    expect(getDb().select({ n: count() }).from(claims).get()!.n).toBe(0);
    expect(partyCount()).toBe(0);
  });
});

describe('getArticleForEditor', () => {
  it('lists drafts and appearances of claims made elsewhere, in reading order', () => {
    const a = article();
    const b = createArticle({ title: 'Tram fares', body: 'Officials said fares would stay at €2 until 2027, again.', actorId: null });
    const later = createClaimFromSelection({ articleId: a.id, ...select(a.body, 'fares would stay at €2'), actorId: null });
    const elsewhere = createClaimFromSelection({ articleId: b.id, ...select(b.body, 'fares would stay at €2 until 2027'), actorId: null });
    linkAppearance({ claimId: elsewhere.id, articleId: a.id, ...select(a.body, 'fares would stay at €2 until 2027'), actorId: null });
    const earlier = createClaimFromSelection({ articleId: a.id, ...select(a.body, '12,000 riders'), actorId: null });
    const loaded = getArticleForEditor({ id: a.id })!;
    expect(loaded.claims.map((c) => [c.id, c.own])).toEqual([
      [earlier.id, true],
      [later.id, true],
      [elsewhere.id, false],
    ]);
    expect(getClaimForEditor({ id: elsewhere.id })!.articleIds).toEqual([b.id, a.id]);
    expect(eventKinds(elsewhere.id)).toEqual(['created', 'appearance_added']);
    expect(getArticleForEditor({ id: 999 })).toBeUndefined();
  });

  it('refuses to link a claim to the article it is already in', () => {
    const a = article();
    const claim = createClaimFromSelection({ articleId: a.id, ...select(a.body, '12,000 riders'), actorId: null });
    expect(() => linkAppearance({ claimId: claim.id, articleId: a.id, ...select(a.body, 'fares would stay'), actorId: null })).toThrow(
      'Some fields need attention.',
    );
  });
});

describe('saveClaim', () => {
  it('saves with the current version and refuses a stale one with the current claim as detail', () => {
    const a = article();
    const claim = createClaimFromSelection({ articleId: a.id, ...select(a.body, '12,000 riders'), actorId: null });
    const first = saveClaim({ id: claim.id, version: 1, patch: { status: 'confirmed', statusNote: 'Ridership figures.' }, actorId: null });
    expect(first.claim).toMatchObject({ version: 2, status: 'confirmed' });
    try {
      saveClaim({ id: claim.id, version: 1, patch: { statement: 'Mine' }, newParty: { name: 'Stray party', kind: 'person' }, actorId: null });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'conflict', detail: { version: 2, status: 'confirmed' } });
    }
    // The conflict rolled back the party created for it.
    expect(partyCount()).toBe(0);
  });

  it('creates a new claimant and names the previous one and the new one among the parties touched (for cache tags)', () => {
    const a = article();
    const old = createParty({ name: 'Tram operator' });
    const claim = createClaimFromSelection({ articleId: a.id, ...select(a.body, '12,000 riders'), claimantPartyId: old.id, actorId: null });
    const saved = saveClaim({ id: claim.id, version: 1, patch: {}, newParty: { name: 'Valley Transit', kind: 'government' }, actorId: null });
    const claimant = getClaimForEditor({ id: claim.id })!.claimant;
    expect(claimant).toMatchObject({ name: 'Valley Transit', kind: 'government' });
    expect(saved.scope.partyIds.sort()).toEqual([old.id, claimant!.id].sort());
    expect(eventKinds(claim.id)).toEqual(['created', 'edited']);
  });
});

describe('suggestion dismissals', () => {
  it('remembers dismissed passages per article, once', () => {
    const a = article();
    const b = createArticle({ title: 'Other', body: 'Some other text said 5%.', actorId: null });
    dismissSuggestion({ articleId: a.id, exact: 'The operator said fares would stay at €2 until 2027.', actorId: null });
    dismissSuggestion({ articleId: a.id, exact: 'The operator said fares would stay at €2 until 2027.', actorId: null });
    expect([...listDismissedSuggestions({ articleId: a.id })]).toEqual(['The operator said fares would stay at €2 until 2027.']);
    expect(listDismissedSuggestions({ articleId: b.id }).size).toBe(0);
    expect(() => dismissSuggestion({ articleId: 999, exact: 'x', actorId: null })).toThrow(AppError);
  });
});
