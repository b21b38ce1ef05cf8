import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { claims } from '@/db/schema';
import { seedDemoOnFirstRun } from '@/db/seed';
import { addUser, removeDatabase, useFreshDatabase } from '@/db/testing';
import { checkMove, type WorkflowState } from '@/lib/workflow';
import { BOARD_LIMIT, countOpenReplies, inboxFor, listBoardClaims, listOpenReplies } from './board';
import { listArticlesForEditor } from './editor';
import { withdrawClaim } from './lifecycle';
import { setSignOffRequired } from './workflow';
import { createParty } from './parties';
import { addResponse } from './sources';

let file: string;
beforeEach(() => {
  file = useFreshDatabase();
  seedDemoOnFirstRun();
});
afterEach(() => removeDatabase(file));

const day = (d: number) => new Date(Date.UTC(2026, 10, d));

describe('open requests for comment, a page at a time', () => {
  it('pages through every open request once, overdue first, then by deadline, those without one last', () => {
    const claimIds = getDb().select({ id: claims.id }).from(claims).all().map((c) => c.id);
    const party = createParty({ name: 'Hafenverwaltung „Nord“ ⚓', kind: 'organization' });
    const before = countOpenReplies();
    // 23 requests with deadlines spread (some equal, to test the tie-break), 4 without one, and an answered one;
    // a party is asked once at a time per claim, so each round over the claims asks another.
    const rounds = Array.from({ length: Math.ceil(27 / claimIds.length) }, (_, n) => (n === 0 ? party : createParty({ name: `Hafenverwaltung „Nord“ ⚓ ${n}`, kind: 'organization' })));
    for (let i = 0; i < 27; i++) {
      const asked = rounds[Math.floor(i / claimIds.length)]!;
      addResponse({ claimId: claimIds[i % claimIds.length]!, partyId: asked.id, requestedAt: day(1), deadlineAt: i < 23 ? day(2 + (i % 9)) : null, actorId: null });
    }
    // Answered by a party not asked here (from an asked one it would be the answer to its request).
    const answering = createParty({ name: 'Hafenamt Süd', kind: 'organization' });
    addResponse({ claimId: claimIds[0]!, partyId: answering.id, stance: 'disputes', quote: '“Nein.”', requestedAt: day(1), respondedAt: day(2), actorId: null });
    const total = countOpenReplies();
    expect(total).toBe(before + 27);

    const all = listOpenReplies({ now: day(6) });
    expect(all).toHaveLength(total);
    const pages = [0, 1, 2, 3].flatMap((p) => listOpenReplies({ now: day(6), limit: 10, offset: p * 10 }));
    expect(pages.map((r) => r.responseId)).toEqual(all.map((r) => r.responseId));
    expect(new Set(pages.map((r) => r.responseId)).size).toBe(total);
    expect(listOpenReplies({ limit: 10, offset: 10 * Math.ceil(total / 10) })).toEqual([]);

    const deadlines = all.map((r) => r.deadlineAt?.getTime() ?? Infinity);
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    expect(all.at(-1)!.deadlineAt).toBeNull();
    // Overdue ones come first (their deadlines are the earliest).
    const firstNotOverdue = all.findIndex((r) => !r.overdue);
    expect(all.slice(firstNotOverdue).some((r) => r.overdue)).toBe(false);
  });
});

/**
 * `count` more claims in the first demo article, made in bulk by the test (a hundred thousand-claim
 * newsroom in miniature): changed `updatedAt` ms ago, the newest last. Returns their ids.
 */
function moreClaims(count: number, fields: { workflow?: WorkflowState; assigneeId?: string | null; verdictSetBy?: string | null; pendingBy?: string | null; updatedAt?: number } = {}): number[] {
  const raw = getDb().$client;
  const before = raw.prepare('SELECT coalesce(max(id), 0) FROM claims').pluck().get() as number;
  raw
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
       INSERT INTO claims (slug, article_id, statement, anchor_start, anchor_end, anchor_exact, revision_id, created_at, updated_at, workflow, assignee_id, verdict_set_by, pending_by)
       SELECT 'bulk-' || (@before + i), c.article_id, 'Der Stadtrat sagte, die Brücke „koste“ ' || i || ' Mio. € — 橋', c.anchor_start, c.anchor_end, c.anchor_exact, c.revision_id,
              @at + i, @at + i, @workflow, @assigneeId, @verdictSetBy, @pendingBy
       FROM n, (SELECT * FROM claims ORDER BY id LIMIT 1) c`,
    )
    .run({ count, before, at: fields.updatedAt ?? Date.now(), workflow: fields.workflow ?? 'draft', assigneeId: fields.assigneeId ?? null, verdictSetBy: fields.verdictSetBy ?? null, pendingBy: fields.pendingBy ?? null });
  return raw.prepare('SELECT id FROM claims WHERE id > ? ORDER BY id').pluck().all(before) as number[];
}

describe('the inbox on a big newsroom', () => {
  it('lists a claim assigned to the editor long ago however many open claims changed since', () => {
    const me = addUser('Amaal Yusuf');
    const [mine] = moreClaims(1, { assigneeId: me, updatedAt: Date.UTC(2024, 0, 1) });
    // Six hundred drafts of other people's, all changed after it (the board lists the newest 500).
    moreClaims(600);
    const inbox = inboxFor({ userId: me });
    expect(inbox.assigned.map((c) => c.id)).toEqual([mine]);
    expect(inbox.assignedTotal).toBe(1);
  });

  it('lists the first of each section, newest first, and counts them all', () => {
    const me = addUser('Søren Ødegård');
    const other = addUser('Li Wei');
    const mine = moreClaims(25, { assigneeId: me });
    moreClaims(12, { workflow: 'ready_for_review', verdictSetBy: other });
    const inbox = inboxFor({ userId: me, limit: 10 });
    expect(inbox.assigned.map((c) => c.id)).toEqual(mine.slice(-10).reverse());
    expect(inbox.assignedTotal).toBe(25);
    expect(inbox.toReview).toHaveLength(10);
    expect(inbox.toReviewTotal).toBe(12);
  });

  it('offers for review exactly the verdicts checkMove lets this editor approve, with sign-off on and off', () => {
    const me = addUser('Ana Lúcia');
    const other = addUser('Kofi Mensah');
    const waiting = [null, me, other].flatMap((verdictSetBy) =>
      [null, me, other].flatMap((pendingBy) => moreClaims(1, { workflow: 'ready_for_review', verdictSetBy, pendingBy })),
    );
    for (const required of [true, false]) {
      setSignOffRequired({ required });
      const rows = getDb().select().from(claims).all().filter((c) => waiting.includes(c.id));
      const allowed = rows.filter((c) => checkMove('ready_for_review', 'published', { ...c, actorId: me, signOffRequired: required }).ok).map((c) => c.id);
      const inbox = inboxFor({ userId: me });
      expect(inbox.toReview.map((c) => c.id).sort((a, b) => a - b)).toEqual(allowed);
      expect(inbox.toReviewTotal).toBe(allowed.length);
    }
    expect(waiting).toHaveLength(9);
  });

  it('lists the overdue requests on the editor’s own claims only', () => {
    const me = addUser('Marta Kowalska');
    const [mine, theirs] = [moreClaims(1, { assigneeId: me })[0]!, moreClaims(1)[0]!];
    // Each request asks another party (one is asked once at a time per claim).
    let asked = 0;
    const ask = (claimId: number, deadlineAt: Date, stance?: 'disputes') => {
      const party = createParty({ name: `Ratusz „Centrum“ ${++asked}`, kind: 'organization' });
      addResponse({ claimId, partyId: party.id, requestedAt: day(1), deadlineAt, actorId: null, ...(stance ? { stance, quote: '„Nie.”', respondedAt: day(3) } : {}) });
    };
    ask(mine, day(3));
    ask(mine, day(4));
    ask(mine, day(20)); // not due yet
    ask(mine, day(2), 'disputes'); // answered
    ask(theirs, day(2)); // someone else's claim
    const inbox = inboxFor({ userId: me, now: day(6), limit: 1 });
    expect(inbox.overdue.map((r) => [r.claimId, r.deadlineAt])).toEqual([[mine, day(3)]]);
    expect(inbox.overdueTotal).toBe(2);
  });
});

describe('a withdrawn claim’s requests for comment', () => {
  it('leave Replies, the Inbox and the articles’ overdue counts with the claim: its form is closed, nobody can record the answer', () => {
    const me = addUser('Ngozi Adeyemi');
    const claim = getDb().select().from(claims).where(eq(claims.published, true)).limit(1).get()!;
    getDb().update(claims).set({ assigneeId: me }).where(eq(claims.id, claim.id)).run();
    const party = createParty({ name: 'وزارة النقل 🚌', kind: 'organization' });
    addResponse({ claimId: claim.id, partyId: party.id, requestedAt: day(1), deadlineAt: day(3), actorId: null });
    const overdueOn = () => listArticlesForEditor({ now: day(6) }).find((a) => a.id === claim.articleId)!.overdue;
    const before = { open: countOpenReplies(), overdue: overdueOn() };
    expect(listOpenReplies({ now: day(6) }).map((r) => r.claimId)).toContain(claim.id);
    expect(inboxFor({ userId: me, now: day(6) }).overdueTotal).toBe(1);

    const current = getDb().select().from(claims).where(eq(claims.id, claim.id)).get()!;
    withdrawClaim({ id: claim.id, version: current.version, note: 'The figure was for another road; we withdraw this claim.', actorId: me });

    expect(listOpenReplies({ now: day(6) }).map((r) => r.claimId)).not.toContain(claim.id);
    expect(countOpenReplies()).toBe(before.open - 1);
    const inbox = inboxFor({ userId: me, now: day(6) });
    expect([inbox.overdue, inbox.overdueTotal]).toEqual([[], 0]);
    expect(overdueOn()).toBe(before.overdue - 1);
  });
});

describe('the workspace’s articles, a page at a time', () => {
  it('counts each page’s articles as the whole list does', () => {
    moreClaims(3, { workflow: 'draft' });
    const all = listArticlesForEditor({ now: day(6) });
    expect(all.length).toBeGreaterThan(1);
    const pages = [0, 1, 2].flatMap((p) => listArticlesForEditor({ now: day(6), limit: 1, offset: p }));
    expect(pages).toEqual(all.slice(0, 3));
    expect(pages.some((a) => a.total > 0 && a.byStatus.unverified > 0)).toBe(true);
    expect(all.reduce((n, a) => n + a.total, 0)).toBe(getDb().select().from(claims).all().length);
  });
});

describe('the board on a big newsroom', () => {
  it('shows the most recently changed claims the filters match, and how many they match in all', () => {
    const me = addUser('Amaal Yusuf');
    const [old] = moreClaims(1, { assigneeId: me, updatedAt: Date.UTC(2024, 0, 1) });
    moreClaims(BOARD_LIMIT, { assigneeId: me });
    const all = listBoardClaims({ assigneeId: me });
    expect(all.rows).toHaveLength(BOARD_LIMIT);
    expect(all.rows.map((c) => c.id)).not.toContain(old);
    expect(all.total).toBe(BOARD_LIMIT + 1);
    // Narrowed, the older one is there, and nothing is said to be missing.
    const narrowed = listBoardClaims({ assigneeId: me, olderThanDays: 30 });
    expect(narrowed).toEqual({ rows: [expect.objectContaining({ id: old })], total: 1, offset: 0 });
  });

  /** Every page from the first, each from the last claim of the one before, as the board's "Next" links go. */
  function pages(filter: Parameters<typeof listBoardClaims>[0], limit: number) {
    const out = [listBoardClaims(filter, { limit })];
    for (let last = out[0]!; last.offset + last.rows.length < last.total; out.push(last)) {
      const end = last.rows.at(-1)!;
      last = listBoardClaims(filter, { limit, cursor: { dir: 'after', at: end.updatedAt.getTime(), id: end.id } });
    }
    return out;
  }

  it('pages through every claim the filters match once, in order, however many share a time, and back', () => {
    const me = addUser('Thandiwe Mokoena');
    const ids = moreClaims(23, { assigneeId: me });
    // Seven changed in the same millisecond (a bulk move): the id orders them.
    getDb().$client.prepare(`UPDATE claims SET updated_at = 1764500000000 WHERE id IN (${ids.slice(5, 12).join(',')})`).run();
    moreClaims(4); // not mine
    const filter = { assigneeId: me };
    const all = pages(filter, 5);
    expect(all.map((p) => [p.offset, p.rows.length, p.total])).toEqual([[0, 5, 23], [5, 5, 23], [10, 5, 23], [15, 5, 23], [20, 3, 23]]);
    const order = all.flatMap((p) => p.rows.map((c) => c.id));
    expect(order).toEqual(listBoardClaims(filter, { limit: 100 }).rows.map((c) => c.id));
    expect([...order].sort((a, b) => a - b)).toEqual(ids);
    // "Previous" from each page is the page before it; from the second, the first.
    for (let i = 1; i < all.length; i++) {
      const start = all[i]!.rows[0]!;
      const back = listBoardClaims(filter, { limit: 5, cursor: { dir: 'before', at: start.updatedAt.getTime(), id: start.id } });
      expect(back).toEqual(all[i - 1]);
    }
  });

  it('keeps every other claim on its page while claims change under an editor paging through', () => {
    const me = addUser('Joaquín Ñúñez');
    moreClaims(15, { assigneeId: me, updatedAt: Date.UTC(2026, 0, 1) });
    const filter = { assigneeId: me };
    const first = listBoardClaims(filter, { limit: 5 });
    const end = first.rows.at(-1)!;
    const seen = first.rows.map((c) => c.id);
    // Meanwhile another editor changes a claim on the first page and one on the third.
    const rest = listBoardClaims(filter, { limit: 100 }).rows.map((c) => c.id).filter((id) => !seen.includes(id));
    const [onFirst, onThird] = [seen[1]!, rest[7]!];
    getDb().$client.prepare(`UPDATE claims SET updated_at = ? WHERE id IN (${onFirst}, ${onThird})`).run(Date.now());
    const next = listBoardClaims(filter, { limit: 5, cursor: { dir: 'after', at: end.updatedAt.getTime(), id: end.id } });
    // The second page is the five that followed the first, as the first page showed them: nothing
    // shown twice, nothing skipped (counting rows, the changed claim moved to the top pushes one of
    // them back onto the first page, and the second page starts a claim late).
    expect(next.rows.map((c) => c.id)).toEqual(rest.slice(0, 5));
    expect(next.offset).toBe(6);
    // The changed claims are on a fresh first page.
    expect(listBoardClaims(filter, { limit: 5 }).rows.slice(0, 2).map((c) => c.id).sort()).toEqual([onFirst, onThird].sort());
  });

  it('a page address from before the list changed still gives a page', () => {
    const me = addUser('Aigerim Bekova');
    moreClaims(7, { assigneeId: me });
    const filter = { assigneeId: me };
    // Older than anything: nothing after it, the first page instead of an empty one.
    expect(listBoardClaims(filter, { limit: 5, cursor: { dir: 'after', at: 0, id: 1 } }).offset).toBe(0);
    // Newer than all but two: a page of two before it is the first page, whole.
    const top = listBoardClaims(filter, { limit: 5 });
    const third = top.rows[2]!;
    expect(listBoardClaims(filter, { limit: 5, cursor: { dir: 'before', at: third.updatedAt.getTime(), id: third.id } })).toEqual(top);
  });
});
