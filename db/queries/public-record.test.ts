import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { claimEvents, claims } from '@/db/schema';
import { seedDemoOnFirstRun } from '@/db/seed';
import { addUser, removeDatabase, useFreshDatabase } from '@/db/testing';
import { getPublishedClaim, updateClaim, type ClaimPatch } from './claims';
import { listCorrections } from './corrections';
import { assignClaim, moveClaim, setSignOffRequired } from './workflow';
import type { WorkflowState } from '@/lib/workflow';

// The ten ways the public record went wrong (issue 16), each replayed as the issue tells it, through
// the same query functions the server actions call.

let file: string;
let anna: string;
let bilal: string;
let admin: string;
beforeEach(() => {
  file = useFreshDatabase();
  seedDemoOnFirstRun();
  anna = addUser('Anna Ødegård');
  bilal = addUser('Bilal Haddad');
  admin = addUser('Ada Admin', 'admin');
});
afterEach(() => removeDatabase(file));

const row = (id: number) => getDb().select().from(claims).where(eq(claims.id, id)).get()!;
const byStatus = (status: string) => getDb().select().from(claims).where(eq(claims.status, status as 'disputed')).get()!.id;
const draftId = () => getDb().select().from(claims).where(eq(claims.published, false)).get()!.id;
const edit = (id: number, actorId: string, patch: ClaimPatch) => updateClaim({ id, version: row(id).version, patch, actorId });
const move = (id: number, to: WorkflowState, actorId: string) => moveClaim({ id, to, actorId, version: row(id).version });
const publicKinds = (id: number) => getPublishedClaim({ id })!.events.map((e) => e.kind);

const toFalse = { status: 'false', statusNote: 'Council counts on all five side streets show no rise.', correction: 'New council counts were published on Monday.' } as const;

describe('issue 16, confirmed cases', () => {
  it('1: the proposer cannot approve her own change after an unpublish and a colleague’s note fix, and the history credits the right editor', () => {
    const id = byStatus('disputed');
    edit(id, anna, toFalse);
    expect(() => move(id, 'published', anna)).toThrow(/different editor/);
    edit(id, anna, { published: false });
    // Bilal fixes a typo in the note, a direct change while it is a draft (it was public, so readers get a correction).
    const fixed = `${row(id).statusNote.replace('has not', 'hasn’t')}`;
    edit(id, bilal, { statusNote: fixed, correction: 'A typo in the explanation was fixed.' });
    if (row(id).workflow === 'in_progress') move(id, 'ready_for_review', anna);
    try {
      move(id, 'published', anna);
    } catch {
      // Refusing is also right; then Bilal's verdict is approved by a third person.
      move(id, 'published', admin);
    }
    const page = getPublishedClaim({ id })!;
    expect(page.status).toBe('disputed');
    expect(page.statusNote).toBe(fixed);
    for (const e of page.events) {
      if (e.kind === 'corrected' || e.kind === 'published') expect(e.after).not.toMatchObject({ status: 'false' });
    }
    expect(page.events.at(-1)!.after).toMatchObject({ verdictBy: 'Bilal Haddad' });
  });

  it('2a: a direct correction with sign-off switched off clears the pending proposal, and it never comes back', () => {
    const id = byStatus('disputed');
    edit(id, anna, toFalse);
    setSignOffRequired({ required: false });
    edit(id, bilal, { status: 'confirmed', statusNote: 'Counts agree with the association.', correction: 'The association shared its counts.' });
    expect(row(id)).toMatchObject({ status: 'confirmed', pendingStatus: null, workflow: 'published' });
    expect(() => move(id, 'published', bilal)).toThrow();
    expect(getPublishedClaim({ id })!.status).toBe('confirmed');
    // The editors' history says what happened to Anna's proposal.
    expect(row(id).pendingBy).toBeNull();
    const cleared = getDb().select().from(claimEvents).where(eq(claimEvents.claimId, id)).all().filter((e) => e.kind === 'proposal_cleared');
    expect(cleared).toMatchObject([{ actorId: bilal, before: { status: 'false', by: 'Anna Ødegård' }, after: { reason: 'superseded' } }]);
  });

  it('2b: “Request changes” rejects the proposal; a later approval does not publish it', () => {
    const id = byStatus('disputed');
    edit(id, anna, toFalse);
    move(id, 'in_progress', bilal);
    expect(row(id).pendingStatus).toBeNull();
    move(id, 'ready_for_review', anna);
    move(id, 'published', bilal);
    expect(getPublishedClaim({ id })!.status).toBe('disputed');
  });

  it('4: an approval is refused when the claim changed after the approver saw it', () => {
    const id = draftId();
    edit(id, anna, { status: 'false', statusNote: 'The council measured the side streets.' });
    move(id, 'in_progress', anna);
    move(id, 'ready_for_review', anna);
    const seen = row(id).version;
    edit(id, anna, { status: 'confirmed', statusNote: 'Actually the counts agree.' });
    expect(row(id).workflow).toBe('ready_for_review');
    expect(() => moveClaim({ id, to: 'published', actorId: bilal, version: seen })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(getPublishedClaim({ id })).toBeUndefined();
    moveClaim({ id, to: 'published', actorId: bilal, version: row(id).version });
    expect(getPublishedClaim({ id })!.status).toBe('confirmed');
  });

  it('7: republishing with a verdict different from the last public one is a correction, with a note', () => {
    const id = byStatus('confirmed');
    edit(id, anna, { published: false });
    expect(() => edit(id, anna, { status: 'false', statusNote: 'The ridership figure double-counts transfers.' })).toThrow(
      expect.objectContaining({ fieldErrors: { correction: [expect.any(String)] } }),
    );
    edit(id, anna, { status: 'false', statusNote: 'The ridership figure double-counts transfers.', correction: 'Transfers were counted twice.' });
    move(id, 'ready_for_review', anna);
    move(id, 'published', bilal);
    const page = getPublishedClaim({ id })!;
    expect(page.status).toBe('false');
    const corrected = page.events.filter((e) => e.kind === 'corrected');
    expect(corrected).toHaveLength(1);
    expect(corrected[0]!.before).toMatchObject({ status: 'confirmed' });
    expect(corrected[0]!.after).toMatchObject({ status: 'false', correction: 'Transfers were counted twice.' });
    expect(listCorrections().map((c) => c.claimId)).toContain(id);
  });

  it('9: publishing again after an unpublish writes a “published” event, so the public history ends published', () => {
    const id = byStatus('disputed');
    edit(id, anna, toFalse);
    edit(id, anna, { published: false });
    if (row(id).workflow === 'in_progress') move(id, 'ready_for_review', anna);
    move(id, 'published', bilal);
    const kinds = publicKinds(id).filter((k) => k === 'published' || k === 'unpublished');
    expect(kinds.at(-1)).toBe('published');
  });

  it('10: internal steps leave the public “updated” date alone', () => {
    const id = byStatus('disputed');
    const before = row(id).updatedAt.getTime();
    assignClaim({ id, assigneeId: anna, actor: { id: admin, role: 'admin' } });
    move(id, 'in_progress', anna);
    move(id, 'ready_for_review', anna);
    edit(id, anna, toFalse);
    move(id, 'in_progress', bilal);
    expect(row(id).updatedAt.getTime()).toBe(before);
  });
});

describe('issue 16, also looked at', () => {
  it('a reopened public claim cannot go “Back to draft” while readers still see it', () => {
    const id = byStatus('disputed');
    move(id, 'in_progress', anna);
    expect(() => move(id, 'draft', anna)).toThrow(/Readers can see this claim/);
    expect(row(id)).toMatchObject({ published: true, workflow: 'in_progress' });
  });

  it('status changes made while a claim was a draft, with their internal notes, stay out of the public history', () => {
    const id = draftId();
    edit(id, anna, { status: 'disputed', statusNote: 'Rang the association, still waiting — internal only.' });
    edit(id, anna, { status: 'false', statusNote: 'Council counts show no rise on the side streets.' });
    move(id, 'in_progress', anna);
    move(id, 'ready_for_review', anna);
    move(id, 'published', bilal);
    const page = getPublishedClaim({ id })!;
    expect(page.events.map((e) => e.kind)).toEqual(['created', 'published']);
    expect(JSON.stringify(page.events)).not.toContain('internal only');
    expect(page.events.at(-1)!.after).toMatchObject({ status: 'false' });
  });
});

describe('saving never throws the editor’s work away', () => {
  it('unpublishing and changing the verdict in one save keeps the new verdict, as the draft’s, with its correction for later', () => {
    const id = byStatus('disputed');
    edit(id, anna, { published: false, ...toFalse });
    expect(row(id)).toMatchObject({ published: false, status: 'false', statusNote: toFalse.statusNote, pendingStatus: null, pendingCorrection: toFalse.correction });
  });

  it('with sign-off on, ticking Published on a draft stores the verdict and sends it for review', () => {
    const id = draftId();
    const saved = edit(id, anna, { status: 'false', statusNote: 'The council counted all five side streets.', published: true });
    expect(saved).toMatchObject({ sentForReview: true, published: false, workflow: 'ready_for_review', status: 'false' });
    expect(getPublishedClaim({ id })).toBeUndefined();
  });

  it('“Save and ask for review” takes a draft to review in one step', () => {
    const id = draftId();
    const saved = edit(id, anna, { status: 'partly_true', statusNote: 'One of five streets.', review: true });
    expect(saved).toMatchObject({ workflow: 'ready_for_review', status: 'partly_true', statusNote: 'One of five streets.', sentForReview: true });
  });
});
