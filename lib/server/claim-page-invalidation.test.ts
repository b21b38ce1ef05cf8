import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { saveClaim } from '@/db/queries/annotator';
import { createArticle } from '@/db/queries/articles';
import { createClaim } from '@/db/queries/claims';
import { withdrawClaim } from '@/db/queries/lifecycle';
import { createParty, mergeParties, updateParty } from '@/db/queries/parties';
import { createRevision } from '@/db/queries/revisions';
import { addResponse, attachSource, removeResponse, updateResponse } from '@/db/queries/sources';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { createAnchor } from '@/lib/anchor';
import { claimDetailTags, claimTags, invalidate, mark, tags, unchangedSince } from './cache';
import type { ClaimFilters } from '@/lib/claim-filters';
import {
  claimSearchTags,
  readArticle,
  readClaim,
  readClaimSearch,
  readFilterOptions,
  readHome,
  readMostDisputed,
  readPartyClaims,
  readPartyHead,
  readPartyRecord,
  readPartyResponses,
  readStatusChanges,
  readWithdrawnClaim,
} from './reader';

// What a claim's page shows of a party is its name, kind and address, and every write that
// changes those names the claims that show them: so a claim page does not follow the party's
// tag, which moves with every claim or response of that party anywhere. Nor does it follow which
// claims its article has (articleClaims), only the article itself; and a response or source saved
// to a claim drops only the lists that show responses or sort by last change (claimDetailTags).
// A reader spike on a party's claims while its editors answer on another one keeps those claim
// pages and the other lists cached (docs/performance.md, goal c). Each test makes one kind of edit
// as its action does (the same tags) and checks, page by page, what was read again and what the
// reader now sees.

const NOW = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;
let file: string;
type Party = { id: number; slug: string; name: string };
let ministry: Party, union: Party, council: Party, duplicate: Party;
// Ministry's claims in the budget article (one with the union's response), and one in the rail article.
let budgetA: number, budgetB: number, rail: number;
// The council's claim, in the rail article.
let councilClaim: number;
let budgetSlug: string, railSlug: string;

const all = (sql: string, ...params: unknown[]) => getDb().$client.prepare(sql).all(...params) as Record<string, unknown>[];
const version = (claimId: number) => all('SELECT version FROM claims WHERE id = ?', claimId)[0]!.version as number;
const sentence = (body: string, words: string) => createAnchor(body, body.indexOf(words), body.indexOf(words) + words.length)!;

/** Every page of the newsroom as a reader gets it now, read as each page reads it. */
function pages() {
  const party = (p: Party) => ({ head: readPartyHead(p.slug), record: readPartyRecord(p.id, NOW), claims: readPartyClaims(p.id, 0), responses: readPartyResponses(p.id, 0) });
  return {
    claims: [budgetA, budgetB, rail, councilClaim].map((id) => readClaim(id)),
    articles: [budgetSlug, railSlug].map((slug) => readArticle(slug)),
    home: readHome(),
    search: readClaimSearch(budgetSearch),
    index: readClaimSearch({ sort: 'updated', limit: 20 }),
    disputed: readMostDisputed(),
    changes: readStatusChanges(8),
    filters: readFilterOptions(),
    parties: [ministry, union, council].map(party),
  };
}
// Word searches are read again on every request (not memoised): what decides whether the page
// cache keeps their page is whether the tags the page read moved (claimSearchTags).
const budgetSearch: ClaimFilters = { q: 'budget', sort: 'relevance', limit: 20 };
const trainSearch: ClaimFilters = { q: 'trains', sort: 'relevance', limit: 20 };
const searchKept = (since: ReturnType<typeof mark>, filters: ClaimFilters) => unchangedSince(since, claimSearchTags(filters, readClaimSearch(filters)));
type Pages = ReturnType<typeof pages>;
/** For each claim page (budget A, budget B, rail, council's): whether it was read again rather than reused. */
const claimPagesRead = (before: Pages, after: Pages) => before.claims.map((c, i) => c !== after.claims[i]);
/** For each party page (ministry, union, council): whether any part of it was read again. */
const partyPagesRead = (before: Pages, after: Pages) =>
  before.parties.map((p, i) => {
    const q = after.parties[i]!;
    return !(p.head === q.head && p.record === q.record && p.claims === q.claims && p.responses === q.responses);
  });

beforeAll(() => {
  file = useFreshDatabase();
  ministry = createParty({ name: 'Ministerium für Verkehr — 交通省', kind: 'government' });
  union = createParty({ name: 'نقابة عمال النقل', kind: 'organization' });
  council = createParty({ name: 'Ørnebakke council 🚌', kind: 'government' });
  duplicate = createParty({ name: 'Ministry of Transport', kind: 'government' });
  const budgetLines = ['The budget for buses doubled since 2024, the ministry said.', 'Fares will “stay frozen” until 2027.'];
  const budget = createArticle({ title: 'The transport budget, line by line', outlet: 'Harbour Ledger', body: budgetLines.join('\n\n'), actorId: null });
  budgetSlug = budget.slug;
  [budgetA, budgetB] = budgetLines.map(
    (line) => createClaim({ articleId: budget.id, anchor: sentence(budget.body, line), claimantPartyId: ministry.id, status: 'confirmed', statusNote: 'Budget tables.', published: true, actorId: null }).id,
  ) as [number, number];
  addResponse({ claimId: budgetA, partyId: union.id, stance: 'disputes', quote: 'الأرقام لا تشمل الصيانة.', respondedAt: new Date(NOW - 3 * DAY), actorId: null });
  const railLines = ['Night trains return in May, the ministry promised.', 'The council says the depot budget ran out.'];
  const railArticle = createArticle({ title: 'Night trains', outlet: 'Valley Post', body: railLines.join('\n\n'), actorId: null });
  railSlug = railArticle.slug;
  rail = createClaim({ articleId: railArticle.id, anchor: sentence(railArticle.body, railLines[0]!), claimantPartyId: ministry.id, status: 'disputed', statusNote: 'No timetable yet.', published: true, actorId: null }).id;
  councilClaim = createClaim({ articleId: railArticle.id, anchor: sentence(railArticle.body, railLines[1]!), claimantPartyId: council.id, status: 'partly_true', statusNote: 'Depot accounts.', published: true, actorId: null }).id;
  invalidate([tags.lists]);
});
afterAll(() => removeDatabase(file));

describe('claim pages after each kind of edit', () => {
  it('a response on one of a party’s claims refreshes that claim, its article, the lists of responses and by last change, and both parties’ pages, nothing else', () => {
    const before = pages();
    const since = mark();
    const added = addResponse({ claimId: budgetB, partyId: union.id, stance: 'denies', quote: 'Die Tarife steigen schon im Herbst.', respondedAt: new Date(NOW - DAY), actorId: null });
    // As the response form's action passes them (app/edit/claims/[id]/_components/responses-actions.ts).
    invalidate(claimDetailTags(added.scope, 'response'));
    const after = pages();
    // Budget A shares the article and shows nothing of budget B; the ministry's claim in the other
    // article names the ministry too (its claimant), whose tag the write passes, and shows nothing of it.
    expect(claimPagesRead(before, after)).toEqual([false, true, false, false]);
    expect(after.claims[1]!.responses.map((r) => r.quote)).toEqual(['Die Tarife steigen schon im Herbst.']);
    expect(after.claims[0]).toBe(before.claims[0]);
    expect(partyPagesRead(before, after)).toEqual([true, true, false]);
    expect(after.parties[1]!.responses.map((r) => r.claimId).sort()).toEqual([budgetA, budgetB].sort());
    // The article lists budget B (its tag), with its new date; the other article's page shows none of it.
    expect(after.articles[0]).not.toBe(before.articles[0]);
    expect(after.articles[1]).toBe(before.articles[1]);
    // The index sorted by last update moves the answered claim to the top.
    expect(after.index).not.toBe(before.index);
    expect(after.index.hits[0]!.id).toBe(budgetB);
    // The most disputed now counts the denial: budget B, with none before, ranks first beside budget A.
    expect(after.disputed).not.toBe(before.disputed);
    expect(after.disputed.map((c) => c.id).slice(0, 2).sort()).toEqual([budgetA, budgetB].sort());
    expect(before.disputed.map((c) => c.id)).not.toContain(budgetB);
    // A search that lists budget B shows its new date; one that does not is kept.
    expect(searchKept(since, budgetSearch)).toBe(false);
    expect(readClaimSearch(budgetSearch).hits.find((c) => c.id === budgetB)!.updatedAt.getTime()).toBeGreaterThan(before.search.hits.find((c) => c.id === budgetB)!.updatedAt.getTime());
    expect(searchKept(since, trainSearch)).toBe(true);
    // Nothing the home page's articles, status changes or the parties filter show changed: the same objects.
    expect(after.home).toBe(before.home);
    expect(after.changes).toBe(before.changes);
    expect(after.filters).toBe(before.filters);

    const removed = removeResponse({ claimId: budgetB, id: added.id, actorId: null });
    invalidate(claimDetailTags(removed.scope, 'response'));
    const gone = pages();
    expect(claimPagesRead(after, gone)).toEqual([false, true, false, false]);
    expect(gone.claims[1]!.responses).toEqual([]);
    expect(gone.disputed.map((c) => c.id)).not.toContain(budgetB);
    expect(gone.filters).toBe(after.filters);
  });

  it('a response that brings a party to readers, or takes its last one away, refreshes the lists of parties', () => {
    const before = pages();
    const added = addResponse({ claimId: rail, newPartyName: 'Fahrgastverband «Nachtzug» 🌙', stance: 'confirms', quote: 'Wir freuen uns.', respondedAt: new Date(NOW - DAY), actorId: null });
    invalidate(claimDetailTags(added.scope, 'response'));
    const after = pages();
    expect(added.scope.partiesShown).toBe(true);
    expect(after.filters).not.toBe(before.filters);
    expect(after.filters.parties.map((p) => p.name)).toContain('Fahrgastverband «Nachtzug» 🌙');
    expect(claimPagesRead(before, after)).toEqual([false, false, true, false]);

    // The same party answering again is no news to the lists of parties.
    const again = updateResponse({ claimId: rail, id: added.id, version: 1, partyId: added.partyId, stance: 'partly_confirms', quote: 'Wir freuen uns, aber…', respondedAt: new Date(NOW), actorId: null });
    invalidate(claimDetailTags(again.scope, 'response'));
    expect(again.scope.partiesShown).toBe(false);
    const same = pages();
    expect(same.filters).toBe(after.filters);

    const removed = removeResponse({ claimId: rail, id: added.id, actorId: null });
    invalidate(claimDetailTags(removed.scope, 'response'));
    expect(removed.scope.partiesShown).toBe(true);
    const gone = pages();
    expect(gone.filters.parties.map((p) => p.name)).not.toContain('Fahrgastverband «Nachtzug» 🌙');
  });

  it('a source cited on one claim refreshes that claim only among the claim pages, and no list of responses', () => {
    const before = pages();
    const scope = attachSource({ claimId: rail, source: { url: 'https://rail.example/timetable-2026?lang=de', title: 'Fahrplan 2026 (Entwurf)' }, excerpt: '', actorId: null, archive: false } as Parameters<typeof attachSource>[0]).scope;
    invalidate(claimDetailTags(scope, 'source'));
    const after = pages();
    expect(claimPagesRead(before, after)).toEqual([false, false, true, false]);
    expect(after.claims[2]!.sources.map((s) => s.title)).toEqual(['Fahrplan 2026 (Entwurf)']);
    expect(after.index.hits[0]!.id).toBe(rail);
    expect(after.home).toBe(before.home);
    expect(after.filters).toBe(before.filters);
    expect(after.parties[2]).toEqual(before.parties[2]);
  });

  it('a response to a claim off the most disputed keeps the home page’s list, until one brings the claim onto it', () => {
    const before = pages();
    // The council's claim is partly true and disputed by nobody: not on the list.
    expect(before.disputed.map((c) => c.id)).not.toContain(councilClaim);
    const agreed = addResponse({ claimId: councilClaim, partyId: union.id, stance: 'confirms', quote: 'Das Depot ist pleite — 確認.', respondedAt: new Date(NOW - DAY), actorId: null });
    invalidate(claimDetailTags(agreed.scope, 'response'));
    const after = pages();
    expect(agreed.scope.disputedChanged).toBe(false);
    expect(after.disputed).toBe(before.disputed);
    // Its new date still moves it in the lists sorted by last change.
    expect(after.index.hits[0]!.id).toBe(councilClaim);
    // A source on it moves its date again, and leaves the most disputed as it was.
    const cited = attachSource({ claimId: councilClaim, source: { url: 'https://council.example/depot?jahr=2026', title: 'Depotbericht' }, excerpt: '', actorId: null, archive: false } as Parameters<typeof attachSource>[0]);
    invalidate(claimDetailTags(cited.scope, 'source'));
    expect(cited.scope.disputedChanged).toBe(false);
    expect(pages().disputed).toBe(before.disputed);

    const denied = addResponse({ claimId: councilClaim, partyId: ministry.id, stance: 'disputes', quote: 'The depot budget was “never” spent.', respondedAt: new Date(NOW), actorId: null });
    invalidate(claimDetailTags(denied.scope, 'response'));
    expect(denied.scope.disputedChanged).toBe(true);
    const disputed = pages().disputed;
    expect(disputed).not.toBe(before.disputed);
    expect(disputed.find((c) => c.id === councilClaim)).toMatchObject({ disputes: 1 });
    // The next save to a claim on the list changes it too (its date orders it among equals).
    const again = updateResponse({ claimId: councilClaim, id: agreed.id, version: 1, partyId: union.id, stance: 'confirms', quote: 'Bestätigt.', respondedAt: new Date(NOW), actorId: null });
    expect(again.scope.disputedChanged).toBe(true);
    invalidate(claimDetailTags(again.scope, 'response'));
    // The tests below count the council's claim as naming no other party.
    for (const id of [agreed.id, denied.id]) invalidate(claimDetailTags(removeResponse({ claimId: councilClaim, id, actorId: null }).scope, 'response'));
  });

  it('a new status refreshes its claim, its article, the lists and its claimant, and shows everywhere it is listed', () => {
    const before = pages();
    const saved = saveClaim({ id: budgetA, version: version(budgetA), patch: { status: 'false', statusNote: 'The tables count repairs twice.', correction: 'We first rated this confirmed.' }, actorId: null });
    invalidate(claimTags(saved.scope));
    const after = pages();
    // Budget B shares the article and shows nothing of budget A: its page is kept.
    expect(claimPagesRead(before, after)).toEqual([true, false, false, false]);
    expect(after.claims[0]!.status).toBe('false');
    expect(after.articles[0]!.claims.find((c) => c.id === budgetA)!.status).toBe('false');
    expect(after.articles[1]).toBe(before.articles[1]);
    expect(after.home.articles.find((a) => a.slug === budgetSlug)!.statusCounts).toMatchObject({ false: 1 });
    expect(after.search.hits.find((c) => c.id === budgetA)!.status).toBe('false');
    expect(partyPagesRead(before, after)).toEqual([true, true, false]);
    expect(after.parties[1]!.responses.find((r) => r.claimId === budgetA)).toMatchObject({ status: 'false' });
  });

  it('a party renamed refreshes every claim page that names it, as claimant or responder, and no other', () => {
    let before = pages();
    const row = all('SELECT version FROM parties WHERE id = ?', ministry.id)[0] as { version: number };
    const renamed = updateParty({ id: ministry.id, version: row.version, name: 'Verkehrsministerium', kind: 'government' });
    // As the party form's action passes them (app/edit/parties/actions.ts).
    invalidate([tags.party(renamed.party.id), ...renamed.claimIds.map(tags.claim), tags.lists]);
    let after = pages();
    expect(claimPagesRead(before, after)).toEqual([true, true, true, false]);
    expect(after.claims.slice(0, 3).map((c) => c!.claimant!.name)).toEqual(Array(3).fill('Verkehrsministerium'));
    expect(after.claims[3]).toBe(before.claims[3]);

    before = after;
    const unionRow = all('SELECT version FROM parties WHERE id = ?', union.id)[0] as { version: number };
    const responder = updateParty({ id: union.id, version: unionRow.version, name: 'Transport Workers’ Union', kind: 'organization' });
    invalidate([tags.party(responder.party.id), ...responder.claimIds.map(tags.claim), tags.lists]);
    after = pages();
    expect(claimPagesRead(before, after)).toEqual([true, false, false, false]);
    expect(after.claims[0]!.responses.map((r) => r.partyName)).toEqual(['Transport Workers’ Union']);
  });

  it('a merge refreshes the claim pages whose claimant or responder it changes', () => {
    // The duplicate made a claim of its own: after the merge its page names the party kept.
    const extra = createClaim({
      articleId: readArticle(railSlug)!.id,
      anchor: sentence(readArticle(railSlug)!.body, 'Night trains return in May'),
      claimantPartyId: duplicate.id,
      status: 'unverified',
      statusNote: '',
      published: true,
      actorId: null,
    });
    invalidate(claimTags({ id: extra.id, articleIds: [extra.articleId], partyIds: [duplicate.id] }));
    const before = pages();
    const extraBefore = readClaim(extra.id)!;
    expect(extraBefore.claimant!.name).toBe('Ministry of Transport');
    const merged = mergeParties({ keepId: ministry.id, removeId: duplicate.id, actorId: null });
    invalidate([tags.party(merged.kept.id), tags.party(merged.removed.id), tags.lists, ...merged.scopes.flatMap((scope) => claimTags(scope))]);
    const after = pages();
    expect(readClaim(extra.id)!.claimant!.name).toBe('Verkehrsministerium');
    // The rail article's other claims name the party kept, and show nothing of the merged claim.
    expect(claimPagesRead(before, after)).toEqual([false, false, false, false]);
    expect(after.articles[1]).not.toBe(before.articles[1]);
  });

  it('a new revision of an article refreshes every claim page in it, and those of no other article', () => {
    const before = pages();
    const article = readArticle(railSlug)!;
    const body = `${article.body}\n\nUpdate: the ministry now says June — «au plus tard».`;
    const result = createRevision({ articleId: article.id, body, actorId: null });
    // As the revision form's action passes them (app/edit/articles/[id]/revise/actions.ts).
    invalidate([tags.article(article.id), ...result.claimIds.map(tags.claim), ...result.partyIds.map(tags.party), tags.lists]);
    const after = pages();
    expect(claimPagesRead(before, after)).toEqual([false, false, true, true]);
    expect(after.claims[3]!.body).toContain('au plus tard');
    // A change to the article alone (its tag, as an outlet's change accepted passes it) reaches its claims' pages too.
    invalidate([tags.article(article.id)]);
    expect(claimPagesRead(after, pages())).toEqual([false, false, true, true]);
  });

  it('a withdrawal turns the claim’s page into its record, and leaves the party’s other claim pages cached', () => {
    const before = pages();
    const scope = withdrawClaim({ id: budgetB, version: version(budgetB), note: 'The ministry’s figure was from a draft we should not have checked.', actorId: null });
    invalidate(claimTags(scope));
    const after = pages();
    expect(after.claims[1]).toBeNull();
    expect(readWithdrawnClaim(budgetB)).toMatchObject({ withdrawalNote: expect.stringContaining('draft') });
    expect(after.claims[0]).toBe(before.claims[0]);
    expect(after.claims[2]).toBe(before.claims[2]);
    expect(after.articles[0]!.claims.map((c) => c.id)).toEqual([budgetA]);
    expect(after.search.hits.map((c) => c.id)).not.toContain(budgetB);
  });
});
