import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { markAnchorRemoved } from '@/db/queries/anchor-review';
import { saveClaim } from '@/db/queries/annotator';
import { createArticle } from '@/db/queries/articles';
import { createClaim } from '@/db/queries/claims';
import { createParty } from '@/db/queries/parties';
import { createRevision } from '@/db/queries/revisions';
import { addResponse, removeResponse, updateResponse } from '@/db/queries/sources';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { createAnchor } from '@/lib/anchor';
import { claimTags, invalidate, mark, tags, unchangedSince } from './cache';
import { readClaimSearch, readHome, readPartyClaims, readPartyHead, readPartyRecord, readPartyResponses } from './reader';

// A party page depends on its own party's tag only: a claim write passes the tags of the
// parties it names before and after (claimant, responders), so every other party's page stays
// cached (in the reader cache and, by the same tags, in the page cache and a CDN).

const NOW = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;
let file: string;
type Party = { id: number; slug: string; name: string };
let harbour: Party, utility: Party, council: Party, board: Party;
let harbourClaims: number[];
let utilityClaim: number;
let boardClaim: number;
let boardArticle: { id: number; body: string };
let councilResponse: { id: number; claimId: number };

const all = (sql: string, ...params: unknown[]) => getDb().$client.prepare(sql).all(...params) as Record<string, unknown>[];
const version = (claimId: number) => (all('SELECT version FROM claims WHERE id = ?', claimId)[0]!.version as number);

/** Everything a party's page reads, as the page reads it (first page of each list). */
const partyPage = (p: Party) => ({
  head: readPartyHead(p.slug),
  record: readPartyRecord(p.id, NOW),
  claims: readPartyClaims(p.id, 0),
  responses: readPartyResponses(p.id, 0),
});
/** Every party's page, as read now. */
const allPages = () => [harbour, utility, council, board].map(partyPage);
/** For each party (harbour, utility, council, board): whether its page was read again rather than reused from the cache, part for part. */
const refreshed = (before: ReturnType<typeof allPages>, after: ReturnType<typeof allPages>) =>
  before.map((a, i) => {
    const b = after[i]!;
    return !(a.head === b.head && a.record === b.record && a.claims === b.claims && a.responses === b.responses);
  });

/** The scorecard as SQL written apart counts it: published claims by status, requests for comment sent. */
function expectScorecardMatchesSql(p: Party) {
  const { record } = partyPage(p);
  const want = all('SELECT status, count(*) AS n FROM claims WHERE claimant_party_id = ? AND published = 1 GROUP BY status ORDER BY status', p.id);
  expect([...record.statuses].sort((x, y) => x.status.localeCompare(y.status))).toEqual(want);
  const [asked] = all('SELECT count(*) AS n FROM responses r JOIN claims c ON c.id = r.claim_id WHERE r.party_id = ? AND c.published = 1 AND r.requested_at IS NOT NULL', p.id);
  expect(record.replies.sent).toBe(asked!.n);
}

function sentence(body: string, words: string) {
  const start = body.indexOf(words);
  return createAnchor(body, start, start + words.length)!;
}

beforeAll(() => {
  file = useFreshDatabase();
  harbour = createParty({ name: 'Hafenrat Ørnebakke — 港湾委員会', kind: 'government' });
  utility = createParty({ name: 'Stadtwerke „Süd“ GmbH', kind: 'organization' });
  council = createParty({ name: 'مجلس مدينة الميناء', kind: 'government' });
  board = createParty({ name: 'Tram board 🚋', kind: 'organization' });
  const lines = [
    'The harbour levy rose by 12 % in 2025, the board said.',
    'Dock fees “doubled overnight”, according to the board’s own minutes.',
    'Stadtwerke Süd says water prices will stay flat until 2027.',
  ];
  const article = createArticle({ title: 'Harbour levy, explained', outlet: 'Quay Courier', body: lines.join('\n\n'), actorId: null });
  harbourClaims = lines.slice(0, 2).map(
    (line) => createClaim({ articleId: article.id, anchor: sentence(article.body, line), claimantPartyId: harbour.id, status: 'confirmed', statusNote: 'Minutes.', published: true, actorId: null }).id,
  );
  utilityClaim = createClaim({ articleId: article.id, anchor: sentence(article.body, lines[2]!), claimantPartyId: utility.id, status: 'partly_true', statusNote: 'Tariff sheet.', published: true, actorId: null }).id;
  // The council answered a request for comment on the harbour's first claim: its page lists that claim.
  const response = addResponse({
    claimId: harbourClaims[0]!,
    partyId: council.id,
    stance: 'disputes',
    quote: 'الأرقام غير صحيحة — the figures are wrong.',
    requestedAt: new Date(NOW - 20 * DAY),
    deadlineAt: new Date(NOW - 13 * DAY),
    respondedAt: new Date(NOW - 15 * DAY),
    actorId: null,
  });
  councilResponse = { id: response.id, claimId: harbourClaims[0]! };
  const tram = ['Tram line 4 will open in March, the board promised.', 'Ridership grew by a third.'];
  const tramArticle = createArticle({ title: 'Tram line 4', outlet: 'Valley Post', body: tram.join('\n\n'), actorId: null });
  boardArticle = { id: tramArticle.id, body: tramArticle.body };
  boardClaim = createClaim({ articleId: tramArticle.id, anchor: sentence(tramArticle.body, tram[0]!), claimantPartyId: board.id, status: 'confirmed', statusNote: 'Timetable.', published: true, actorId: null }).id;
  invalidate([tags.lists]);
});
afterAll(() => removeDatabase(file));

describe('a claim write refreshes the pages of the parties it names, and only those', () => {
  it('an edit to the harbour’s claim refreshes its page and the council’s (which responded), and leaves the others cached', () => {
    const falseClaims = () => readClaimSearch({ status: ['false'], sort: 'updated', limit: 20 }).hits.map((c) => c.id);
    const harbourCounts = () => readHome().articles.find((a) => a.title === 'Harbour levy, explained')!.statusCounts;
    expect(falseClaims()).toEqual([]);
    expect(harbourCounts()).toMatchObject({ confirmed: 2, false: 0 });
    const before = allPages();
    const since = mark();
    const saved = saveClaim({
      id: harbourClaims[0]!,
      version: version(harbourClaims[0]!),
      patch: { status: 'false', statusNote: 'The minutes say 2 %, not 12 %.', correction: 'We first rated this confirmed; the minutes say otherwise.' },
      actorId: null,
    });
    // The action passes exactly these (app/edit/articles/[id]/(annotate)/actions.ts).
    invalidate(claimTags(saved.scope));
    const after = allPages();
    expect(refreshed(before, after)).toEqual([true, false, true, false]);
    // A stored page is current while none of the tags its render read moved.
    expect(unchangedSince(since, [tags.party(utility.id)])).toBe(true);
    expect(unchangedSince(since, [tags.party(harbour.id)])).toBe(false);
    // The new figures: one claim fewer confirmed, one false; the council's response shows the new status.
    expect(after[0]!.record.statuses).toEqual(expect.arrayContaining([{ status: 'confirmed', n: 1 }, { status: 'false', n: 1 }]));
    expect(after[2]!.responses[0]).toMatchObject({ claimId: harbourClaims[0], status: 'false' });
    // Home, the claims index and search still follow every claim write.
    expect(falseClaims()).toEqual([harbourClaims[0]]);
    expect(harbourCounts()).toMatchObject({ confirmed: 1, false: 1 });
    for (const p of [harbour, utility, council, board]) expectScorecardMatchesSql(p);
  });

  it('a claim moved from one claimant to another refreshes both pages, and the party it names no longer counts it', () => {
    const before = allPages();
    const saved = saveClaim({ id: harbourClaims[1]!, version: version(harbourClaims[1]!), patch: { claimantPartyId: utility.id }, actorId: null });
    invalidate(claimTags(saved.scope));
    const after = allPages();
    expect(refreshed(before, after)).toEqual([true, true, false, false]);
    expect(after[0]!.claims.map((c) => c.id)).toEqual([harbourClaims[0]]);
    expect(after[1]!.claims.map((c) => c.id)).toEqual([harbourClaims[1], utilityClaim]);
    for (const p of [harbour, utility, council, board]) expectScorecardMatchesSql(p);
  });

  it('a response added, then removed, refreshes its party and the claimant (the claim moves up its page), not the other responders', () => {
    const before = allPages();
    const added = addResponse({ claimId: harbourClaims[0]!, partyId: utility.id, stance: 'confirms', quote: 'Wir bestätigen die Zahl.', respondedAt: new Date(NOW - DAY), actorId: null });
    invalidate(claimTags(added.scope));
    const middle = allPages();
    expect(refreshed(before, middle)).toEqual([true, true, false, false]);
    expect(middle[1]!.responses.map((r) => r.id)).toContain(added.id);
    const removed = removeResponse({ claimId: harbourClaims[0]!, id: added.id, actorId: null });
    invalidate(claimTags(removed.scope));
    const after = allPages();
    expect(refreshed(middle, after)).toEqual([true, true, false, false]);
    expect(after[1]!.responses.map((r) => r.id)).not.toContain(added.id);
    for (const p of [harbour, utility, council, board]) expectScorecardMatchesSql(p);
  });

  it('a response moved from one party to another refreshes both responders and the claimant, not the rest', () => {
    const before = allPages();
    const { version: v } = all('SELECT version FROM responses WHERE id = ?', councilResponse.id)[0] as { version: number };
    const moved = updateResponse({
      id: councilResponse.id,
      claimId: councilResponse.claimId,
      version: v,
      partyId: board.id,
      stance: 'denies',
      quote: 'Not our figures.',
      requestedAt: new Date(NOW - 20 * DAY),
      deadlineAt: new Date(NOW - 13 * DAY),
      respondedAt: new Date(NOW - 10 * DAY),
      actorId: null,
    });
    invalidate(claimTags(moved.scope));
    const after = allPages();
    expect(refreshed(before, after)).toEqual([true, false, true, true]);
    expect(after[2]!.responses).toEqual([]);
    expect(after[3]!.record.replies).toMatchObject({ sent: 1, late: 1 });
    for (const p of [harbour, utility, council, board]) expectScorecardMatchesSql(p);
  });

  it('a revision that loses a claim’s passage, then its retraction in review, refresh only the parties of that article’s claims', () => {
    const before = allPages();
    const revised = createRevision({ articleId: boardArticle.id, body: 'Ridership grew by a third.\n\nThe opening date was not confirmed.', actorId: null, at: new Date(NOW) });
    expect(revised.partyIds).toEqual([board.id]);
    invalidate([tags.article(boardArticle.id), ...revised.claimIds.map(tags.claim), ...revised.partyIds.map(tags.party), tags.lists]);
    const middle = allPages();
    expect(refreshed(before, middle)).toEqual([false, false, false, true]);

    const retracted = markAnchorRemoved({
      id: boardClaim,
      version: version(boardClaim),
      note: 'The outlet took the promise out of its article.',
      retract: true,
      correction: 'The article no longer makes this claim.',
      actorId: null,
    });
    invalidate(claimTags(retracted.scope));
    const after = allPages();
    expect(refreshed(before, after)).toEqual([false, false, false, true]);
    expect(after[3]!.record.statuses).toEqual([{ status: 'retracted', n: 1 }]);
    for (const p of [harbour, utility, council, board]) expectScorecardMatchesSql(p);
  });
});
