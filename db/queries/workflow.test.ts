import { and, asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { articleRevisions, articles, claimEvents, claims } from '@/db/schema';
import { seedDemoOnFirstRun } from '@/db/seed';
import { addUser, removeDatabase, useFreshDatabase } from '@/db/testing';
import { linkAppearance } from './annotator';
import { getPublishedClaim, updateClaim } from './claims';
import { assignClaim, moveClaim, setSignOffRequired } from './workflow';

let file: string;
let alice: string;
let bruno: string;
let admin: string;
beforeEach(() => {
  file = useFreshDatabase();
  seedDemoOnFirstRun();
  alice = addUser('Alice Editor');
  bruno = addUser('Bruno Reviewer');
  admin = addUser('Ada Admin', 'admin');
});
afterEach(() => removeDatabase(file));

const claim = (id: number) => getDb().select().from(claims).where(eq(claims.id, id)).get()!;
const draftId = () => getDb().select().from(claims).where(eq(claims.published, false)).get()!.id;
/** The claim's assignments as recorded, "before → after". */
const assignmentsOf = (id: number) =>
  getDb()
    .select()
    .from(claimEvents)
    .where(and(eq(claimEvents.claimId, id), eq(claimEvents.kind, 'assigned')))
    .orderBy(asc(claimEvents.id))
    .all()
    .map((e) => `${(e.before as { assignee: string }).assignee || '—'} → ${(e.after as { assignee: string }).assignee || '—'}`);
const publishedId = () => getDb().select().from(claims).where(eq(claims.status, 'disputed')).get()!.id;

describe('second-reviewer sign-off', () => {
  it('a verdict is published only after another editor approves it, and the history names the approver', () => {
    const id = draftId();
    const set = updateClaim({ id, version: claim(id).version, patch: { status: 'false', statusNote: 'Records show otherwise.' }, actorId: alice });
    // Ticking "Published" under sign-off keeps the save and sends it for review instead.
    const sent = updateClaim({ id, version: set.version, patch: { published: true, statusNote: 'Records show otherwise, says the council.' }, actorId: alice });
    expect(sent).toMatchObject({ sentForReview: true, published: false, workflow: 'ready_for_review', statusNote: 'Records show otherwise, says the council.' });
    expect(() => moveClaim({ id, to: 'published', actorId: alice, version: claim(id).version })).toThrow(/different editor must approve/);
    expect(getPublishedClaim({ id })).toBeUndefined();
    moveClaim({ id, to: 'published', actorId: bruno, version: claim(id).version });
    const page = getPublishedClaim({ id })!;
    expect(page.status).toBe('false');
    expect(page.events.map((e) => e.kind)).toContain('published');
    expect(page.events.find((e) => e.kind === 'published')!.after).toMatchObject({ approvedBy: 'Bruno Reviewer' });
    // Internal workflow steps stay out of the public history.
    expect(page.events.map((e) => e.kind)).not.toContain('workflow_changed');
  });

  it('publishing names every article the claim appears in, so all their pages are refreshed', () => {
    const id = draftId();
    const own = claim(id).articleId;
    const other = getDb().select().from(articles).all().find((a) => a.id !== own)!;
    const body = getDb().select().from(articleRevisions).where(eq(articleRevisions.id, other.currentRevisionId!)).get()!.body;
    const end = body.indexOf('.') + 1;
    linkAppearance({ claimId: id, articleId: other.id, start: 0, end, exact: body.slice(0, end), actorId: alice });
    moveClaim({ id, to: 'in_progress', actorId: alice, version: claim(id).version });
    moveClaim({ id, to: 'ready_for_review', actorId: alice, version: claim(id).version });
    const published = moveClaim({ id, to: 'published', actorId: bruno, version: claim(id).version });
    expect(published.scope.articleIds.sort()).toEqual([own, other.id].sort());
  });

  it('a change to a published verdict waits for approval while readers keep the old one', () => {
    const id = publishedId();
    const before = claim(id);
    expect(() => updateClaim({ id, version: before.version, patch: { status: 'false', statusNote: 'x' }, actorId: alice })).toThrow(
      expect.objectContaining({ fieldErrors: { correction: [expect.any(String)] } }),
    );
    updateClaim({
      id,
      version: before.version,
      patch: { status: 'false', statusNote: 'Side-street counts now published.', correction: 'Counts show no rise in side-street traffic.' },
      actorId: alice,
    });
    expect(claim(id)).toMatchObject({ status: 'disputed', pendingStatus: 'false', workflow: 'ready_for_review', published: true });
    expect(getPublishedClaim({ id })!.status).toBe('disputed');
    expect(() => moveClaim({ id, to: 'published', actorId: alice, version: claim(id).version })).toThrow(/different editor/);
    moveClaim({ id, to: 'published', actorId: bruno, version: claim(id).version });
    const page = getPublishedClaim({ id })!;
    expect(page).toMatchObject({ status: 'false', statusNote: 'Side-street counts now published.', pendingStatus: null });
    const correction = page.events.find((e) => e.kind === 'corrected')!;
    expect(correction.after).toMatchObject({ correction: 'Counts show no rise in side-street traffic.', approvedBy: 'Bruno Reviewer' });
  });

  it('without sign-off a published verdict changes at once, still with a correction note', () => {
    setSignOffRequired({ required: false });
    const id = publishedId();
    updateClaim({ id, version: claim(id).version, patch: { status: 'confirmed', statusNote: 'Counts agree.', correction: 'New counts.' }, actorId: alice });
    expect(getPublishedClaim({ id })!.status).toBe('confirmed');
    const id2 = draftId();
    const c = updateClaim({ id: id2, version: claim(id2).version, patch: { status: 'false', statusNote: 'n', published: true }, actorId: alice });
    expect(c.published).toBe(true);
    expect(c.workflow).toBe('published');
  });

  it('refuses moves the state machine does not allow', () => {
    expect(() => moveClaim({ id: draftId(), to: 'published', actorId: bruno, version: claim(draftId()).version })).toThrow(/cannot go from/);
  });
});

describe('assignment', () => {
  it('editors take or drop claims themselves; only admins assign others', () => {
    const id = draftId();
    assignClaim({ id, assigneeId: alice, actor: { id: alice, role: 'editor' } });
    expect(claim(id).assigneeId).toBe(alice);
    expect(() => assignClaim({ id, assigneeId: bruno, actor: { id: alice, role: 'editor' } })).toThrow(/Only an admin/);
    assignClaim({ id, assigneeId: bruno, actor: { id: admin, role: 'admin' } });
    expect(claim(id).assigneeId).toBe(bruno);
    assignClaim({ id, assigneeId: null, actor: { id: bruno, role: 'editor' } });
    expect(claim(id).assigneeId).toBeNull();
  });

  it('a board loaded before someone took the claim cannot take it from them; a second press records nothing', () => {
    const id = draftId();
    const assignments = () => assignmentsOf(id);
    // Alice and Bruno both see the claim unassigned; Alice takes it, twice (a double click).
    assignClaim({ id, assigneeId: alice, from: null, actor: { id: alice, role: 'editor' } });
    assignClaim({ id, assigneeId: alice, from: null, actor: { id: alice, role: 'editor' } });
    expect(assignments()).toEqual(['— → Alice Editor']);
    // Bruno's board still offers "Take".
    expect(() => assignClaim({ id, assigneeId: bruno, from: null, actor: { id: bruno, role: 'editor' } })).toThrow(
      'Since this page was loaded the claim was assigned to Alice Editor: reload to see who has it.',
    );
    // Nor does an admin's stale select reassign it, while a current one does.
    expect(() => assignClaim({ id, assigneeId: bruno, from: null, actor: { id: admin, role: 'admin' } })).toThrow(/assigned to Alice Editor/);
    assignClaim({ id, assigneeId: bruno, from: alice, actor: { id: admin, role: 'admin' } });
    expect(claim(id).assigneeId).toBe(bruno);
    // Alice's stale "Drop" leaves Bruno's claim alone, and says so in words she can act on.
    expect(() => assignClaim({ id, assigneeId: null, from: alice, actor: { id: alice, role: 'editor' } })).toThrow(/assigned to Bruno Reviewer/);
    expect(claim(id).assigneeId).toBe(bruno);
    expect(assignments()).toEqual(['— → Alice Editor', 'Alice Editor → Bruno Reviewer']);
  });

  it('a board loaded while someone had the claim takes it once they dropped it: nobody loses it', () => {
    const id = draftId();
    assignClaim({ id, assigneeId: alice, from: null, actor: { id: alice, role: 'editor' } });
    // Bruno's board shows Alice with "Take"; she drops it before he presses it.
    assignClaim({ id, assigneeId: null, from: alice, actor: { id: alice, role: 'editor' } });
    assignClaim({ id, assigneeId: bruno, from: alice, actor: { id: bruno, role: 'editor' } });
    expect(claim(id).assigneeId).toBe(bruno);
    expect(assignmentsOf(id)).toEqual(['— → Alice Editor', 'Alice Editor → —', '— → Bruno Reviewer']);
  });
});
