import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { createArticle } from '@/db/queries/articles';
import { createClaim, updateClaim } from '@/db/queries/claims';
import { createParty } from '@/db/queries/parties';
import { addResponse } from '@/db/queries/sources';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { createAnchor } from '@/lib/anchor';
import { pageCount, pageWindow } from '@/lib/paging';
import type { Stance } from '@/lib/vocabulary';
import { claimTags, invalidate } from './cache';
import { PARTY_PAGE_SIZE, readPartyClaims, readPartyRecord, readPartyResponses } from './reader';

// A party page lists its claims and responses a page at a time; its record in numbers still
// counts every one of them. The largest synthetic party has 415 claims and 446 responses.

const NOW = Date.UTC(2026, 2, 1);
const DAY = 86_400_000;
let file: string;
let party: { id: number; slug: string };
let claimIds: number[];
let drafts: number[];

beforeAll(() => {
  file = useFreshDatabase();
  party = createParty({ name: 'Hafenrat Ørnebakke — 港湾委員会', kind: 'government' });
  const sentences = Array.from({ length: 63 }, (_, i) => `Satz ${i + 1}: the “harbour levy” rose by ${i + 3} % in ${2000 + i} 🚢.`);
  const article = createArticle({ title: 'Harbour levy, explained', outlet: 'Quay Courier', body: sentences.join('\n\n'), actorId: null });
  const ids = sentences.map((s, i) => {
    const start = article.body.indexOf(s);
    // Three drafts among them: never listed, never counted.
    return createClaim({ articleId: article.id, anchor: createAnchor(article.body, start, start + s.length)!, claimantPartyId: party.id, published: i % 21 !== 5, actorId: null }).id;
  });
  const sqlite = getDb().$client;
  drafts = sqlite.prepare('SELECT id FROM claims WHERE published = 0').pluck().all() as number[];
  claimIds = ids.filter((id) => !drafts.includes(id));
  // Many claims updated at the very same moment (as a bulk load leaves them): only the id can order those.
  sqlite.prepare('UPDATE claims SET updated_at = ? WHERE id % 3 = 0').run(NOW - 10 * DAY);
  sqlite.prepare('UPDATE claims SET updated_at = ? - id * 1000 WHERE id % 3 <> 0').run(NOW);
  const stances: (Stance | null)[] = ['disputes', 'confirms', 'no_response', null, 'denies', 'partly_confirms', 'declines_to_comment'];
  claimIds.forEach((claimId, i) =>
    addResponse({
      claimId,
      partyId: party.id,
      stance: stances[i % stances.length],
      quote: i % 2 ? `Antwort ${i}: „Wir prüfen das.“` : '',
      requestedAt: new Date(NOW - (40 - i % 9) * DAY),
      deadlineAt: new Date(NOW - (30 - (i % 40)) * DAY),
      respondedAt: stances[i % stances.length] && stances[i % stances.length] !== 'no_response' ? new Date(NOW - (35 - (i % 13)) * DAY) : null,
      actorId: null,
      at: new Date(NOW - (60 - i) * DAY),
    }),
  );
  invalidate(['lists']);
});
afterAll(() => removeDatabase(file));

const pages = (total: number) => Array.from({ length: pageCount(total, PARTY_PAGE_SIZE) }, (_, i) => pageWindow(i + 1, total, PARTY_PAGE_SIZE));

describe('a party page in pages', () => {
  it('lists every published claim once, in one order, whichever page is read first', () => {
    const total = claimIds.length;
    expect(total).toBe(60);
    // Read the last page first: the order must not depend on what was read before.
    const windows = pages(total);
    const byPage = [...windows].reverse().map((w) => readPartyClaims(party.id, w.offset)).reverse();
    expect(byPage.map((p) => p.length)).toEqual([25, 25, 10]);
    const listed = byPage.flat();
    expect(new Set(listed.map((c) => c.id)).size).toBe(total);
    expect(listed.map((c) => c.id).sort((a, b) => a - b)).toEqual([...claimIds].sort((a, b) => a - b));
    for (let i = 1; i < listed.length; i++) {
      const [a, b] = [listed[i - 1]!, listed[i]!];
      expect(a.updatedAt.getTime() > b.updatedAt.getTime() || (a.updatedAt.getTime() === b.updatedAt.getTime() && a.id > b.id)).toBe(true);
    }
  });

  it('lists every response on a published claim once, latest first', () => {
    const total = readPartyRecord(party.id, NOW).stances.reduce((n, s) => n + s.n, 0);
    expect(total).toBe(60);
    const listed = pages(total).flatMap((w) => readPartyResponses(party.id, w.offset));
    expect(listed).toHaveLength(60);
    expect(new Set(listed.map((r) => r.id)).size).toBe(60);
    expect(listed.every((r) => !drafts.includes(r.claimId))).toBe(true);
  });

  it('counts the record over all the party’s claims, not the page shown', () => {
    const record = readPartyRecord(party.id, NOW);
    expect(record.statuses.reduce((n, s) => n + s.n, 0)).toBe(60);
    expect(record.replies.sent).toBe(60);
    // The latest three of each kind, from all sixty, newest answer first.
    expect(record.disputes).toHaveLength(3);
    expect(record.disputes.every((r) => r.stance === 'disputes' || r.stance === 'denies')).toBe(true);
    expect(record.confirmations.every((r) => r.stance === 'confirms' || r.stance === 'partly_confirms')).toBe(true);
    const times = record.disputes.map((r) => r.respondedAt!.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('moves an edited claim to the first page on the next read of each page (the edit’s cache tags reach every page)', () => {
    const second = readPartyClaims(party.id, PARTY_PAGE_SIZE);
    const last = readPartyClaims(party.id, 2 * PARTY_PAGE_SIZE);
    const edited = last.at(-1)!;
    const { version } = getDb().$client.prepare('SELECT version FROM claims WHERE id = ?').get(edited.id) as { version: number };
    updateClaim({ id: edited.id, version, patch: { statement: 'Satz: the levy rose, as the minutes of 3 March say.' }, actorId: null, at: new Date(NOW + DAY) });
    invalidate(claimTags({ id: edited.id, partyIds: [party.id] }));
    const first = readPartyClaims(party.id, 0);
    expect(first[0]).toMatchObject({ id: edited.id, statement: 'Satz: the levy rose, as the minutes of 3 March say.' });
    // Everything else moved down one place: page 2 now starts with page 1's old last claim.
    expect(readPartyClaims(party.id, PARTY_PAGE_SIZE)[0]!.id).not.toBe(second[0]!.id);
    expect(readPartyClaims(party.id, 2 * PARTY_PAGE_SIZE).map((c) => c.id)).not.toContain(edited.id);
  });
});
