import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { claimAppearances, users } from '@/db/schema';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { bodyAt, claimRow as claim, eventsOf, FERRY_BODY as BODY, ferryArticle as setup } from '@/db/testing-ferry';
import { createAnchor } from '@/lib/anchor';
import { describeEvent, eventNote } from '@/lib/events';
import { createArticle } from './articles';
import { addAppearance, createClaim, getPublishedClaim, updateClaim } from './claims';
import { listCorrections } from './corrections';
import { acceptProposedAnchor, listAnchorsNeedingReview, markAnchorRemoved, reselectAnchor, statementAfterAcceptedPassage } from './anchor-review';
import { listArticlesForEditor } from './editor';
import { createRevision } from './revisions';
import { moveClaim, setSignOffRequired } from './workflow';

let file: string;
beforeEach(() => {
  file = useFreshDatabase();
});
afterEach(() => removeDatabase(file));

describe('review', () => {
  function revisedSetup() {
    const { article, claimOn } = setup();
    const altered = claimOn('the morning boat had been cancelled nine times in October');
    const deleted = claimOn('the fares would not rise this year either');
    const fine = claimOn('crossings to Marrow Island would double by next summer');
    const revised = BODY.replace('nine times', 'eight times').replace(/\n\nThe operator said[^\n]*$/, '');
    const { revision } = createRevision({ articleId: article.id, body: revised, actorId: null });
    return { article, altered: claim(altered.id), deleted: claim(deleted.id), fine, revised, revision };
  }

  it('lists fuzzy and orphaned claims with the old quote and the proposed or last known passage', () => {
    const { article, altered, deleted } = revisedSetup();
    const list = listAnchorsNeedingReview({ articleId: article.id });
    expect(list.map((c) => [c.id, c.anchorState, c.oldQuote, c.context.exact])).toEqual([
      [altered.id, 'fuzzy', 'the morning boat had been cancelled nine times in October', 'the morning boat had been cancelled eight times in October'],
      [deleted.id, 'orphaned', 'the fares would not rise this year either', 'the fares would not rise this year either'],
    ]);
  });

  it('accepts a proposed passage as the new quote, with a version check', () => {
    const { article, altered } = revisedSetup();
    // As from a second tab, after the first resolved it: the page has no other version to review beside the form.
    expect(() => acceptProposedAnchor({ id: altered.id, version: altered.version - 1, actorId: null })).toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/^Another editor resolved this claim’s passage since the page was loaded\. Reload the page/) }),
    );
    // The forms with typed text say to copy it before the reload.
    expect(() => reselectAnchor({ id: altered.id, version: altered.version - 1, quote: 'eight times', actorId: null })).toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/^This claim changed after the page was loaded: another editor resolved or edited it\. Reload.*copy anything you typed here first\.$/) }),
    );
    const updated = acceptProposedAnchor({ id: altered.id, version: altered.version, actorId: null });
    expect(updated).toMatchObject({
      anchorState: 'anchored',
      anchorExact: 'the morning boat had been cancelled eight times in October',
      version: altered.version + 1,
    });
    expect(eventsOf(altered.id).at(-1)).toMatchObject({ kind: 'reanchored', after: expect.objectContaining({ resolution: 'accepted' }) });
    expect(listAnchorsNeedingReview({ articleId: article.id }).map((c) => c.id)).not.toContain(altered.id);
  });

  it('accepts the passage the page proposed though the claim was saved since, and says when another editor accepted it first', () => {
    const { article, altered } = revisedSetup();
    const proposal = listAnchorsNeedingReview({ articleId: article.id }).find((c) => c.id === altered.id)!.proposal!;
    // Another editor fixes the statement meanwhile: a new version, the proposed passage untouched.
    updateClaim({ id: altered.id, version: altered.version, patch: { statement: 'The morning boat was cancelled “eight” times — 八回.' }, actorId: null });
    // A form without the proposal (a page older than it) is still refused, with no word about typing: this form has none.
    expect(() => acceptProposedAnchor({ id: altered.id, version: altered.version, actorId: null })).toThrow(
      expect.objectContaining({ code: 'conflict', message: 'Another editor resolved this claim’s passage since the page was loaded. Reload the page to see what is left to review.' }),
    );
    const accepted = acceptProposedAnchor({ id: altered.id, version: altered.version, proposal, actorId: null });
    expect(accepted).toMatchObject({ anchorState: 'anchored', anchorExact: 'the morning boat had been cancelled eight times in October', version: altered.version + 2 });
    expect(accepted.statement).toBe('The morning boat was cancelled “eight” times — 八回.');
    // A second tab pressing Accept on the same proposal.
    expect(() => acceptProposedAnchor({ id: altered.id, version: altered.version, proposal, actorId: null })).toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/^Another editor already accepted this passage/) }),
    );
    expect(eventsOf(altered.id).filter((e) => e.kind === 'reanchored' && (e.after as { resolution?: string }).resolution === 'accepted')).toHaveLength(1);
  });

  it('re-selects a passage by its words, refusing words that are missing or ambiguous', () => {
    const { deleted, revised } = revisedSetup();
    const attempt = (quote: string) => () => reselectAnchor({ id: deleted.id, version: deleted.version, quote, actorId: null });
    expect(attempt('words that are nowhere')).toThrow(expect.objectContaining({ fieldErrors: { quote: [expect.stringMatching(/not in the current text/)] } }));
    expect(attempt('said the')).toThrow(expect.objectContaining({ fieldErrors: { quote: [expect.stringMatching(/appear 3 times/)] } }));
    const updated = reselectAnchor({ id: deleted.id, version: deleted.version, quote: '  and said the fares would not rise\r\n', actorId: null });
    expect(updated).toMatchObject({ anchorState: 'anchored', anchorExact: 'and said the fares would not rise' });
    expect(revised.slice(updated.anchorStart, updated.anchorEnd)).toBe('and said the fares would not rise');
  });

  it('marks a lost passage as removed with a note for readers, and later revisions leave it alone', () => {
    const { article, deleted, revised } = revisedSetup();
    expect(() => markAnchorRemoved({ id: deleted.id, version: deleted.version, note: ' ', actorId: null })).toThrow(
      expect.objectContaining({ fieldErrors: { note: [expect.any(String)] } }),
    );
    const updated = markAnchorRemoved({ id: deleted.id, version: deleted.version, note: 'The outlet cut this sentence.', actorId: null });
    // The verdict and its reason stay; the note is told in the history.
    expect(updated).toMatchObject({ anchorState: 'removed', status: 'unverified', statusNote: '', proposed: false });
    const last = eventsOf(deleted.id).at(-1)!;
    expect(describeEvent(last.kind, last.before as never, last.after as never)).toBe('Passage confirmed removed from the article');
    expect(eventNote(last.kind, last.after as never)).toBe('The outlet cut this sentence.');
    expect(listAnchorsNeedingReview({ articleId: article.id }).map((c) => c.id)).not.toContain(deleted.id);
    createRevision({ articleId: article.id, body: revised + '\n\nThe operator said the fares would not rise this year either.', actorId: null });
    expect(claim(deleted.id)).toMatchObject({ anchorState: 'removed', version: updated.version });
  });

  it('keeps the last known quote of a fuzzy claim marked removed in the revision that had it', () => {
    const { altered } = revisedSetup();
    const updated = markAnchorRemoved({ id: altered.id, version: altered.version, note: 'Sentence rewritten.', actorId: null });
    expect(bodyAt(updated)).toBe('the morning boat had been cancelled nine times in October');
  });
});

describe('appearances', () => {
  it('reviews the appearance of a claim from another article without touching the claim’s own anchor or status', () => {
    const { claimOn } = setup();
    const original = claimOn('crossings to Marrow Island would double by next summer');
    const text = 'The weekly repeated that crossings to Marrow Island would double by next summer, citing the operator.';
    const other = createArticle({ title: 'Island weekly', body: text, actorId: null });
    const start = text.indexOf('crossings');
    addAppearance({
      claimId: original.id,
      articleId: other.id,
      anchor: createAnchor(text, start, start + 'crossings to Marrow Island would double by next summer'.length)!,
      actorId: null,
    });
    createRevision({ articleId: other.id, body: text.replace('would double', 'would triple'), actorId: null });
    const [item] = listAnchorsNeedingReview({ articleId: other.id });
    expect(item).toMatchObject({ id: original.id, anchorState: 'fuzzy', context: { exact: 'crossings to Marrow Island would triple by next summer' } });
    expect(item!.appearanceId).toBeDefined();
    // The editor's article list counts it as needing review on the article it appears in.
    expect(listArticlesForEditor().find((a) => a.id === other.id)).toMatchObject({ fuzzy: 1, orphaned: 0 });

    const version = claim(original.id).version;
    const updated = markAnchorRemoved({ id: original.id, appearanceId: item!.appearanceId, version, note: 'The weekly corrected its report.', retract: true, actorId: null });
    expect(updated).toMatchObject({ status: 'unverified', statusNote: '', anchorState: 'anchored', version: version + 1, proposed: false });
    const appearance = getDb().select().from(claimAppearances).where(eq(claimAppearances.id, item!.appearanceId!)).get()!;
    expect(appearance.anchorState).toBe('removed');
    expect(bodyAt(appearance)).toBe('crossings to Marrow Island would double by next summer');
    const last = eventsOf(original.id).at(-1)!;
    expect(describeEvent(last.kind, last.before as never, last.after as never)).toBe('Passage confirmed removed from “Island weekly”');
    expect(eventNote(last.kind, last.after as never)).toBe('The weekly corrected its report.');
    expect(listAnchorsNeedingReview({ articleId: other.id })).toEqual([]);
  });

  it('refuses an appearance that belongs to another claim', () => {
    const { claimOn } = setup();
    const c = claimOn('crossings to Marrow Island would double by next summer');
    expect(() => acceptProposedAnchor({ id: c.id, appearanceId: 12345, version: c.version, actorId: null })).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });
});

describe('retracting a claim whose passage was removed', () => {
  // The same rule as the claim editor's (db/queries/claims.ts verdictChange): a published
  // verdict changes only with a correction note and, under sign-off, a second editor.
  const addUser = (name: string) => {
    const id = randomUUID();
    getDb().insert(users).values({ id, name, email: `${id}@newsroom.example`, role: 'editor' }).run();
    return id;
  };
  const lost = () => {
    const { article, claimOn } = setup();
    const c = claimOn('the fares would not rise this year either');
    createRevision({ articleId: article.id, body: BODY.replace(/\n\nThe operator said[^\n]*$/, ''), actorId: null });
    return claim(c.id);
  };
  const retract = (c: { id: number; version: number }, actorId: string | null, correction?: string) =>
    markAnchorRemoved({ id: c.id, version: c.version, note: 'Passage retracted by the outlet.', retract: true, correction, actorId });
  const publicHistory = (id: number) => getPublishedClaim({ id })!.events.map((e) => describeEvent(e.kind, e.before as never, e.after as never));

  it('on a published claim, asks for a correction note and changes nothing without one', () => {
    const c = lost();
    expect(c).toMatchObject({ published: true, anchorState: 'orphaned' });
    expect(() => retract(c, addUser('Alice'))).toThrow(expect.objectContaining({ fieldErrors: { correction: [expect.stringMatching(/correction note/)] } }));
    expect(claim(c.id)).toEqual(c);
    expect(eventsOf(c.id).at(-1)!.kind).toBe('reanchored');
  });

  it('under sign-off, records the removal at once and waits for a second editor to retract', () => {
    const alice = addUser('Alice Editor');
    const bruno = addUser('Bruno Reviewer');
    const c = lost();
    const updated = retract(c, alice, 'The outlet withdrew the sentence on 14 November.');
    expect(updated).toMatchObject({
      proposed: true,
      anchorState: 'removed',
      status: 'unverified',
      pendingStatus: 'retracted',
      pendingStatusNote: 'Passage retracted by the outlet.',
      workflow: 'ready_for_review',
      pendingBy: alice,
    });
    // Readers keep the published verdict and learn only that the passage is gone, with the note.
    expect(getPublishedClaim({ id: c.id })!.status).toBe('unverified');
    expect(publicHistory(c.id).at(-1)).toBe('Passage confirmed removed from the article');
    expect(() => moveClaim({ id: c.id, to: 'published', actorId: alice, version: updated.version })).toThrow(/different editor must approve/);
    moveClaim({ id: c.id, to: 'published', actorId: bruno, version: updated.version });
    expect(getPublishedClaim({ id: c.id })).toMatchObject({ status: 'retracted', statusNote: 'Passage retracted by the outlet.', pendingStatus: null });
    expect(publicHistory(c.id).at(-1)).toBe('Corrected: status changed from Unverified to Retracted (by Alice Editor, approved by Bruno Reviewer)');
    expect(listCorrections().map((x) => x.after?.correction)).toContain('The outlet withdrew the sentence on 14 November.');
  });

  it('without sign-off, retracts a published claim at once as a correction', () => {
    setSignOffRequired({ required: false });
    const c = lost();
    const updated = retract(c, addUser('Alice'), 'The outlet withdrew the sentence.');
    expect(updated).toMatchObject({ proposed: false, anchorState: 'removed', status: 'retracted', statusNote: 'Passage retracted by the outlet.', pendingStatus: null });
    expect(publicHistory(c.id).slice(-2)).toEqual([
      'Passage confirmed removed from the article',
      'Corrected: status changed from Unverified to Retracted',
    ]);
  });

  it('retracts an unpublished claim at once; one readers saw before keeps a correction note for its next publication', () => {
    const c = lost();
    const draft = updateClaim({ id: c.id, version: c.version, patch: { published: false }, actorId: null });
    expect(() => retract(draft, addUser('Alice'))).toThrow(expect.objectContaining({ fieldErrors: { correction: [expect.any(String)] } }));
    const updated = retract(draft, addUser('Alice'), 'The outlet withdrew the sentence.');
    expect(updated.pendingCorrection).toBe('The outlet withdrew the sentence.');
    expect(updated).toMatchObject({ proposed: false, status: 'retracted', statusNote: 'Passage retracted by the outlet.' });
    const [removal, status] = eventsOf(c.id).slice(-2);
    expect(describeEvent(status!.kind, status!.before as never, status!.after as never)).toBe('Status changed from Unverified to Retracted');
    // Told once, by the status change.
    expect(eventNote(removal!.kind, removal!.after as never)).toBe('');
  });
});

describe('the review card after a changed passage (issue 18, point 7)', () => {
  it('marks the changed words and names the ones the statement still uses, until the statement is updated', () => {
    const { article } = setup();
    const quote = 'the morning boat had been cancelled nine times in October';
    const start = article.body.indexOf(quote);
    const c = createClaim({
      articleId: article.id,
      anchor: createAnchor(article.body, start, start + quote.length)!,
      statement: 'The morning boat was cancelled Nine times in October.',
      published: true,
      actorId: null,
    });
    createRevision({ articleId: article.id, body: BODY.replace('nine times', 'eight times'), actorId: null });

    const [card] = listAnchorsNeedingReview({ articleId: article.id });
    expect(card!.changes!.filter((p) => p.change !== 'same').map((p) => [p.change, p.text.trim()])).toEqual([
      ['removed', 'nine'],
      ['added', 'eight'],
    ]);
    // Before and after read as whole passages with their context in the paragraph.
    expect(card!.changes!.filter((p) => p.change !== 'added').map((p) => p.text).join('')).toBe(`Islanders said ${quote}.`);
    expect(card!.staleWords).toEqual(['nine']);

    const now = claim(c.id);
    acceptProposedAnchor({ id: c.id, version: now.version, actorId: null });
    expect(statementAfterAcceptedPassage({ claimId: c.id })).toMatchObject({ staleWords: ['nine'] });
    const accepted = claim(c.id);
    updateClaim({ id: c.id, version: accepted.version, patch: { statement: 'The morning boat was cancelled eight times in October.' }, actorId: null });
    expect(statementAfterAcceptedPassage({ claimId: c.id })).toMatchObject({ staleWords: [] });
  });

  it('shows a context-only change with the words around the quote marked', () => {
    const { article, claimOn } = setup();
    const c = claimOn('the morning boat had been cancelled nine times in October');
    createRevision({ articleId: article.id, body: BODY.replace('Islanders said the morning', 'Islanders denied the morning'), actorId: null });
    const [card] = listAnchorsNeedingReview({ articleId: article.id });
    expect(card).toMatchObject({ id: c.id, anchorState: 'fuzzy', staleWords: [] });
    expect(card!.changes!.filter((p) => p.change !== 'same').map((p) => p.text.trim())).toEqual(['said', 'denied']);
  });
});
