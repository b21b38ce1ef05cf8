import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { claimAppearances } from '@/db/schema';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { bodyAt, claimRow as claim, eventsOf, FERRY_BODY as BODY, ferryArticle as setup } from '@/db/testing-ferry';
import { createAnchor } from '@/lib/anchor';
import { describeEvent, eventNote } from '@/lib/events';
import { createArticle } from './articles';
import { addAppearance } from './claims';
import { acceptProposedAnchor, listAnchorsNeedingReview, markAnchorRemoved, reselectAnchor } from './anchor-review';
import { listArticlesForEditor } from './editor';
import { createRevision } from './revisions';

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
    expect(() => acceptProposedAnchor({ id: altered.id, version: altered.version - 1, actorId: null })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
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
    const updated = markAnchorRemoved({
      id: deleted.id,
      version: deleted.version,
      note: 'Passage retracted by the outlet.',
      status: 'retracted',
      actorId: null,
    });
    expect(updated).toMatchObject({ anchorState: 'removed', status: 'retracted', statusNote: 'Passage retracted by the outlet.' });
    expect(eventsOf(deleted.id).slice(-2).map((e) => describeEvent(e.kind, e.before as never, e.after as never))).toEqual([
      'Passage confirmed removed from the article',
      'Status changed from Unverified to Retracted',
    ]);
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
    const updated = markAnchorRemoved({ id: original.id, appearanceId: item!.appearanceId, version, note: 'The weekly corrected its report.', status: 'retracted', actorId: null });
    expect(updated).toMatchObject({ status: 'unverified', statusNote: '', anchorState: 'anchored', version: version + 1 });
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
