import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../index';
import { claimEvents, claims, parties, responses } from '../schema';
import { seedDemoOnFirstRun } from '../seed';
import { removeDatabase, useFreshDatabase } from '../testing';
import { createParty, getMergedPartyTarget, getParty, getPartyBySlug, getPartyRedirect, listParties, mergeParties, searchParties, updateParty } from './parties';
import { addResponse, updateResponse } from './sources';
import { updateClaim } from './claims';

let file: string;
beforeEach(() => {
  file = useFreshDatabase();
  seedDemoOnFirstRun();
});
afterEach(() => removeDatabase(file));

const db = () => getDb();
const eventCount = () => db().select({ n: count() }).from(claimEvents).get()!.n;

describe('parties', () => {
  it('keeps the slug when a party is renamed, and gives a new party a free slug', () => {
    const party = createParty({ name: 'Harbour Trust' });
    const { party: renamed } = updateParty({ id: party.id, version: party.version, name: 'Harbour Trust Ltd', kind: 'organization', description: 'Runs the port.' });
    expect(renamed).toMatchObject({ name: 'Harbour Trust Ltd', slug: party.slug, description: 'Runs the port.' });
    expect(createParty({ name: 'Harbour  Trust' }).slug).toBe(`${party.slug}-2`);
    expect(searchParties({ query: 'trust ltd' }).map((p) => p.id)).toEqual([renamed.id]);
  });

  it('lists every party for the pickers by name, with its id and name and nothing else (no description, no dates)', () => {
    // A long description and a web address each: what an editor's claim page once sent in every response form.
    const made = ['Zoë’s “Harbour” Trust 🚢', 'Ørnebakke Tenants’ Union', 'هيئة الميناء', '港口管理局', 'Aberdeen Rail'].map((name) =>
      createParty({ name, description: `${name} — ${'runs the port and the ferries. '.repeat(40)}`, url: 'https://parties.example/about' }),
    );
    const listed = listParties();
    for (const row of listed) expect(Object.keys(row).sort()).toEqual(['id', 'name']);
    for (const party of made) expect(listed).toContainEqual({ id: party.id, name: party.name });
    expect(listed.map((p) => p.name)).toEqual(db().select({ name: parties.name }).from(parties).orderBy(parties.name).all().map((p) => p.name));
  });

  it('a response from a "new" party named like an existing one is recorded for that party, and a new name still makes a party', () => {
    const trust = createParty({ name: 'Harbour Trust' });
    const claim = db().select().from(claims).orderBy(claims.id).limit(1).get()!;
    const before = listParties().length;
    addResponse({ claimId: claim.id, newPartyName: ' harbour  trust', stance: 'denies', actorId: null });
    // Pasted with what an empty element copied from a page leaves at its edges.
    addResponse({ claimId: claim.id, newPartyName: '\u200bHarbour Trust \u200b\ufeff', stance: 'disputes', actorId: null });
    addResponse({ claimId: claim.id, newPartyName: 'Ferry Riders’ Union 🚢', stance: 'confirms', actorId: null });
    const partyIds = db().select({ partyId: responses.partyId }).from(responses).where(eq(responses.claimId, claim.id)).all().map((r) => r.partyId);
    expect(partyIds.filter((id) => id === trust.id)).toHaveLength(2);
    expect(listParties().length).toBe(before + 1);
  });

  it('a party made from the response form has the kind the editor chose; a name already taken keeps its own kind', () => {
    const board = createParty({ name: 'Harbour Board', kind: 'government' });
    const claim = db().select().from(claims).orderBy(claims.id).limit(1).get()!;
    const made = addResponse({ claimId: claim.id, newPartyName: 'Dalia Haddad — داليا حداد', newPartyKind: 'person', stance: 'disputes', actorId: null });
    const again = addResponse({ claimId: claim.id, newPartyName: 'harbour board', newPartyKind: 'media', stance: 'confirms', actorId: null });
    expect(getParty({ id: made.partyId })).toMatchObject({ name: 'Dalia Haddad — داليا حداد', kind: 'person' });
    expect(again.partyId).toBe(board.id);
    expect(getParty({ id: board.id })?.kind).toBe('government');
  });

  it('takes a name that differs only in the case of letters beyond A-Z for the party already called that', () => {
    const union = createParty({ name: 'Ørnebakke Tenants’ Union' });
    const mayor = createParty({ name: 'Мэрия Порт-Эллери' });
    const claim = db().select().from(claims).orderBy(claims.id).limit(1).get()!;
    const before = listParties().length;
    const first = addResponse({ claimId: claim.id, newPartyName: 'ørnebakke  TENANTS’ UNION', stance: 'disputes', actorId: null });
    const second = addResponse({ claimId: claim.id, newPartyName: 'мэрия порт-эллери', stance: 'confirms', actorId: null });
    expect([first.partyId, second.partyId]).toEqual([union.id, mayor.id]);
    // Another accent is another name.
    const third = addResponse({ claimId: claim.id, newPartyName: 'Ornebakke Tenants’ Union', stance: 'confirms', actorId: null });
    expect(third.partyId).not.toBe(union.id);
    expect(listParties().length).toBe(before + 1);
  });

  it('merges a duplicate: claims and responses move, one event per claim, the old slug redirects', () => {
    const keep = createParty({ name: 'River Authority' });
    const dupe = createParty({ name: 'The River Authority', kind: 'government' });
    const [a, b, c] = db().select().from(claims).orderBy(claims.id).limit(3).all();
    updateClaim({ id: a!.id, version: a!.version, patch: { claimantPartyId: dupe.id }, actorId: null });
    addResponse({ claimId: a!.id, partyId: dupe.id, stance: 'denies', actorId: null });
    addResponse({ claimId: b!.id, partyId: dupe.id, stance: 'confirms', actorId: null });
    addResponse({ claimId: b!.id, partyId: dupe.id, stance: 'disputes', actorId: null });
    const untouched = db().select().from(claims).where(eq(claims.id, c!.id)).get()!;
    const versionA = db().select().from(claims).where(eq(claims.id, a!.id)).get()!.version;
    const before = eventCount();

    const result = mergeParties({ keepId: keep.id, removeId: dupe.id, actorId: null });

    expect(result.scopes.map((s) => s.id).sort()).toEqual([a!.id, b!.id].sort());
    expect(db().select().from(parties).where(eq(parties.id, dupe.id)).get()).toBeUndefined();
    expect(db().select().from(responses).where(eq(responses.partyId, keep.id)).all()).toHaveLength(3);
    const movedA = db().select().from(claims).where(eq(claims.id, a!.id)).get()!;
    expect(movedA.claimantPartyId).toBe(keep.id);
    expect(movedA.version).toBe(versionA + 1);
    expect(db().select().from(claims).where(eq(claims.id, c!.id)).get()).toEqual(untouched);
    expect(eventCount()).toBe(before + 2);
    const merged = db().select().from(claimEvents).where(eq(claimEvents.claimId, b!.id)).all().at(-1)!;
    expect(merged).toMatchObject({ kind: 'party_merged', before: { party: dupe.name }, after: { party: keep.name, responses: 2 } });

    expect(searchParties({ query: 'river authority' })).toEqual([
      expect.objectContaining({ id: keep.id, claims: 1, responses: 3 }),
    ]);
    expect(getPartyBySlug({ slug: dupe.slug })).toBeUndefined();
    expect(getPartyRedirect({ slug: dupe.slug })).toBe(keep.slug);
    // A new party may not take the redirected slug.
    expect(createParty({ name: 'The River Authority' }).slug).not.toBe(dupe.slug);
  });

  it('two open requests a merge made one party\'s can each still be given a new deadline or an answer', () => {
    // Both asked before anyone saw they were one party (or asked twice before one open request per party was kept).
    const keep = createParty({ name: 'Port Ellery Council' });
    const dupe = createParty({ name: 'مجلس بورت إيلري' });
    const claim = db().select().from(claims).orderBy(claims.id).limit(1).get()!;
    const ask = (partyId: number) => addResponse({ claimId: claim.id, partyId, requestedAt: new Date('2026-11-20'), deadlineAt: new Date('2026-11-27'), actorId: null });
    const [first, second] = [ask(keep.id), ask(dupe.id)];
    mergeParties({ keepId: keep.id, removeId: dupe.id, actorId: null });

    const later = new Date('2026-12-04');
    const moved = updateResponse({ claimId: claim.id, id: first.id, version: first.version, partyId: keep.id, requestedAt: new Date('2026-11-20'), deadlineAt: later, actorId: null });
    expect(moved.deadlineAt).toEqual(later);
    const answered = updateResponse({ claimId: claim.id, id: second.id, version: second.version, partyId: keep.id, stance: 'disputes', quote: 'لم نُسأل', respondedAt: new Date('2026-11-24'), actorId: null });
    expect(answered.stance).toBe('disputes');
    // Still one request at a time for a new ask: the open one is there.
    expect(() => ask(keep.id)).toThrow(expect.objectContaining({ fieldErrors: { partyId: [expect.stringMatching(/already asked for comment/)] } }));
  });

  it('a claim form still offering a merged party is refused beside the claimant field, changing nothing', () => {
    const keep = createParty({ name: 'Harbour Trust' });
    const dupe = createParty({ name: 'The Harbour Trust' });
    const claim = db().select().from(claims).orderBy(claims.id).limit(1).get()!;
    mergeParties({ keepId: keep.id, removeId: dupe.id, actorId: null });
    const before = eventCount();
    expect(() => updateClaim({ id: claim.id, version: claim.version, patch: { claimantPartyId: dupe.id }, actorId: null })).toThrow(
      expect.objectContaining({ fieldErrors: { claimantPartyId: [expect.stringMatching(/no longer exists/)] } }),
    );
    expect(db().select().from(claims).where(eq(claims.id, claim.id)).get()).toEqual(claim);
    expect(eventCount()).toBe(before);
  });

  it('a merge form left open after its party was merged away says so, not "Some fields need attention" over no field', () => {
    const keep = createParty({ name: 'Ørnebakke Ferry Co.' });
    const dupe = createParty({ name: 'Ornebakke Ferry Company' });
    const third = createParty({ name: 'Ørnebakke Ferries' });
    mergeParties({ keepId: keep.id, removeId: dupe.id, actorId: null });
    // The duplicate's own page, still open in another tab, merging the third party into it.
    expect(() => mergeParties({ keepId: dupe.id, removeId: third.id, actorId: null })).toThrow(
      expect.objectContaining({ code: 'not_found', fieldErrors: {}, message: expect.stringMatching(/^This party no longer exists: since the page was loaded it was merged/) }),
    );
    // The kept party's page still offering the duplicate: the error sits beside the select.
    expect(() => mergeParties({ keepId: keep.id, removeId: dupe.id, actorId: null })).toThrow(
      expect.objectContaining({ fieldErrors: { removeId: [expect.stringMatching(/^That party no longer exists/)] } }),
    );
    expect(listParties().map((p) => p.name)).toEqual(expect.arrayContaining(['Ørnebakke Ferry Co.', 'Ørnebakke Ferries']));
  });

  it('leads the editor page of a merged party to the party kept, through later merges too', () => {
    const a = createParty({ name: 'Quay Traders' });
    const b = createParty({ name: 'Quay Traders’ Association' });
    const c = createParty({ name: 'رابطة تجار الرصيف 🚢' });
    const unrelated = createParty({ name: 'Quay Tenants' });
    mergeParties({ keepId: b.id, removeId: a.id, actorId: null });
    expect(getParty({ id: a.id })).toBeUndefined();
    expect(getMergedPartyTarget({ id: a.id })).toBe(b.id);
    mergeParties({ keepId: c.id, removeId: b.id, actorId: null });
    expect([getMergedPartyTarget({ id: a.id }), getMergedPartyTarget({ id: b.id })]).toEqual([c.id, c.id]);
    // A party never merged, and one that never existed, lead nowhere.
    expect(getMergedPartyTarget({ id: unrelated.id })).toBeUndefined();
    expect(getMergedPartyTarget({ id: 987_654 })).toBeUndefined();
  });

  it('redirects older merged slugs on to the party kept by a later merge', () => {
    const a = createParty({ name: 'Port Board' });
    const b = createParty({ name: 'Port Board Two' });
    const c = createParty({ name: 'Port Board Three' });
    mergeParties({ keepId: b.id, removeId: a.id, actorId: null });
    mergeParties({ keepId: c.id, removeId: b.id, actorId: null });
    // Only to a party readers can see: one named on a published claim.
    expect(getPartyRedirect({ slug: a.slug })).toBeUndefined();
    const published = db().select().from(claims).where(eq(claims.published, true)).limit(1).get()!;
    updateClaim({ id: published.id, version: published.version, patch: { claimantPartyId: c.id }, actorId: null });
    expect(getPartyRedirect({ slug: a.slug })).toBe(c.slug);
    expect(getPartyRedirect({ slug: b.slug })).toBe(c.slug);
  });

  it('refuses merging a party into itself or an unknown party, changing nothing', () => {
    const keep = createParty({ name: 'Ferry Company' });
    const before = { parties: db().select().from(parties).all(), events: eventCount() };
    expect(() => mergeParties({ keepId: keep.id, removeId: keep.id, actorId: null })).toThrow();
    expect(() => mergeParties({ keepId: keep.id, removeId: 999_999, actorId: null })).toThrow();
    expect(() => mergeParties({ keepId: 999_999, removeId: keep.id, actorId: null })).toThrow();
    expect({ parties: db().select().from(parties).all(), events: eventCount() }).toEqual(before);
  });
});
