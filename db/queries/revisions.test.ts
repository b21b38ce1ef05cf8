import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { articleRevisions, articles, claimAppearances } from '@/db/schema';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { bodyAt, claimRow as claim, eventsOf, FERRY_BODY as BODY, ferryArticle as setup } from '@/db/testing-ferry';
import { createAnchor, occurrences } from '@/lib/anchor';
import { describeEvent } from '@/lib/events';
import { createArticle } from './articles';
import { listAnchorsNeedingReview } from './anchor-review';
import { addAppearance, createClaim } from './claims';
import { createRevision, getRevisionComparison } from './revisions';

let file: string;
beforeEach(() => {
  file = useFreshDatabase();
});
afterEach(() => removeDatabase(file));

describe('createRevision', () => {
  it('keeps, moves, flags and orphans claims in one go, keeping the old revision', () => {
    const { article, claimOn } = setup();
    const kept = claimOn('crossings to Marrow Island would double by next summer');
    const moved = claimOn('the new pier would open in the spring');
    const altered = claimOn('the morning boat had been cancelled nine times in October');
    const deleted = claimOn('the fares would not rise this year either');
    const revised = BODY.replace('nine times in October', 'eight times in October')
      .replace('A harbour spokesperson', 'Update, 3 November: the pier dates below are new.\n\nA harbour spokesperson')
      .replace('\n\nThe operator said the fares would not rise this year either.', '');

    const { revision, counts } = createRevision({ articleId: article.id, body: revised, actorId: null });

    expect(counts).toEqual({ kept: 1, moved: 1, fuzzy: 1, orphaned: 1 });
    const current = getDb().select().from(articles).where(eq(articles.id, article.id)).get()!;
    expect(current.currentRevisionId).toBe(revision.id);
    expect(getDb().select().from(articleRevisions).where(eq(articleRevisions.articleId, article.id)).all()).toHaveLength(2);

    expect(claim(kept.id)).toMatchObject({ anchorState: 'anchored', anchorStart: kept.anchorStart, revisionId: revision.id, version: 1, updatedAt: kept.updatedAt });
    expect(eventsOf(kept.id).map((e) => e.kind)).toEqual(['created']);

    const movedNow = claim(moved.id);
    expect(movedNow).toMatchObject({ anchorState: 'anchored', revisionId: revision.id, version: 2, updatedAt: moved.updatedAt });
    expect(claim(altered.id).updatedAt.getTime()).toBeGreaterThanOrEqual(revision.createdAt.getTime());
    expect(movedNow.anchorStart).toBe(revised.indexOf('the new pier would open in the spring'));
    expect(bodyAt(movedNow)).toBe('the new pier would open in the spring');
    expect(movedNow.anchorPrefix).toBe('w.\n\nA harbour spokesperson said ');

    const alteredNow = claim(altered.id);
    expect(alteredNow).toMatchObject({ anchorState: 'fuzzy', anchorExact: altered.anchorExact, revisionId: revision.id });
    expect(bodyAt(alteredNow)).toBe('the morning boat had been cancelled eight times in October');
    expect(alteredNow.anchorScore).toBeGreaterThan(0.8);

    const deletedNow = claim(deleted.id);
    expect(deletedNow).toMatchObject({ anchorState: 'orphaned', anchorExact: deleted.anchorExact, revisionId: deleted.revisionId });
    expect(bodyAt(deletedNow)).toBe('the fares would not rise this year either');

    const described = [moved, altered, deleted].map((c) => {
      const e = eventsOf(c.id).at(-1)!;
      expect(e.kind).toBe('reanchored');
      return describeEvent(e.kind, e.before as Record<string, unknown>, e.after as Record<string, unknown>);
    });
    expect(described).toEqual([
      'Position in the article updated after a revision',
      'Passage changed in the article after a revision (needs review)',
      'Passage no longer found in the article after a revision',
    ]);
  });

  it('picks the right one of repeated quotes by its context', () => {
    const { article, claimOn } = setup();
    const second = claimOn('said the fares would not rise', 1);
    const revised = 'Editor’s note: figures updated.\n\n' + BODY.replace('A harbour spokesperson said', 'A port official said');
    createRevision({ articleId: article.id, body: revised, actorId: null });
    const now = claim(second.id);
    expect(now.anchorState).toBe('anchored');
    expect(now.anchorStart).toBe(occurrences(revised, 'said the fares would not rise')[1]);
  });

  it('stores the body normalised and refuses an unchanged text', () => {
    const { article } = setup();
    expect(() => createRevision({ articleId: article.id, body: BODY.replaceAll('\n', '\r\n') + '\r\n', actorId: null })).toThrow(
      expect.objectContaining({ code: 'invalid', fieldErrors: { body: ['This text is the same as the current revision.'] } }),
    );
    expect(() => createRevision({ articleId: article.id, body: ' \n ', actorId: null })).toThrow(
      expect.objectContaining({ code: 'invalid' }),
    );
    expect(() => createRevision({ articleId: 999, body: 'Text', actorId: null })).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });

  it('re-anchors the appearances of claims from other articles', () => {
    const { claimOn } = setup();
    const original = claimOn('crossings to Marrow Island would double by next summer');
    const other = createArticle({
      title: 'Island weekly',
      body: 'Again the operator promised that crossings to Marrow Island would double by next summer.',
      actorId: null,
    });
    const start = other.body.indexOf('crossings');
    addAppearance({
      claimId: original.id,
      articleId: other.id,
      anchor: createAnchor(other.body, start, start + 'crossings to Marrow Island would double by next summer'.length)!,
      actorId: null,
    });
    createRevision({ articleId: other.id, body: 'The operator retracted its promise.', actorId: null });
    const last = eventsOf(original.id).at(-1)!;
    expect(describeEvent(last.kind, last.before as never, last.after as never)).toBe(
      'Passage no longer found in “Island weekly” after a revision',
    );
    expect(claim(original.id)).toMatchObject({ anchorState: 'anchored', version: 2 });
  });

  it('finds an orphaned passage again when a later revision restores it', () => {
    const { article, claimOn } = setup();
    const c = claimOn('the morning boat had been cancelled nine times in October');
    createRevision({ articleId: article.id, body: BODY.replace(/Islanders said[^\n]*\n\n/, ''), actorId: null });
    expect(claim(c.id).anchorState).toBe('orphaned');
    const { revision } = createRevision({ articleId: article.id, body: BODY + '\n\nA closing line.', actorId: null });
    expect(claim(c.id)).toMatchObject({ anchorState: 'anchored', anchorStart: c.anchorStart, revisionId: revision.id });
  });
});

describe('getRevisionComparison', () => {
  it('compares the latest two revisions by default and any two on request', () => {
    const { article } = setup();
    const second = createRevision({ articleId: article.id, body: BODY + '\n\nSecond.', actorId: null }).revision;
    const third = createRevision({ articleId: article.id, body: BODY + '\n\nThird.', actorId: null }).revision;
    const latest = getRevisionComparison({ slug: article.slug })!;
    expect([latest.from.id, latest.to.id]).toEqual([second.id, third.id]);
    expect(latest.revisions.map((r) => r.number)).toEqual([1, 2, 3]);
    const chosen = getRevisionComparison({ slug: article.slug, from: article.currentRevisionId, to: third.id })!;
    expect(chosen.from.body).toBe(BODY);
    expect(chosen.to.body.endsWith('Third.')).toBe(true);
    expect(getRevisionComparison({ slug: 'nope' })).toBeUndefined();
    // A revision of another article is never shown here: the defaults apply instead.
    const other = createArticle({ title: 'Unrelated', body: 'Private draft text.', actorId: null });
    const guarded = getRevisionComparison({ slug: article.slug, from: other.currentRevisionId!, to: other.currentRevisionId! })!;
    expect([guarded.from.id, guarded.to.id]).toEqual([second.id, third.id]);
  });
});

describe('look-alike passages (issue 16, case 3)', () => {
  const minister = 'The minister said that unemployment fell by 3% last year.';
  const opposition = 'The opposition leader denied that unemployment fell by 3% last year, calling the figure “massaged”.';
  const body = ['Jobs figures were published on Tuesday.', minister, 'Economists urged caution.', opposition].join('\n\n');
  const quote = 'unemployment fell by 3% last year';
  const withoutMinister = body.replace(`${minister}\n\n`, '');

  it('sends a claim whose sentence was deleted to review instead of moving it onto the denial', () => {
    const article = createArticle({ title: 'Jobs figures', body, actorId: null });
    const start = body.indexOf(quote);
    const c = createClaim({ articleId: article.id, anchor: createAnchor(body, start, start + quote.length)!, published: true, actorId: null });

    const { counts } = createRevision({ articleId: article.id, body: withoutMinister, actorId: null });

    expect(counts.moved).toBe(0);
    expect(counts.kept).toBe(0);
    const now = claim(c.id);
    expect(['fuzzy', 'orphaned']).toContain(now.anchorState);
    // The old quote and its context stay what the editor compares a proposal with.
    expect(now).toMatchObject({ anchorExact: quote, anchorPrefix: c.anchorPrefix, anchorSuffix: c.anchorSuffix });
    expect(listAnchorsNeedingReview({ articleId: article.id }).map((r) => r.id)).toEqual([c.id]);
  });

  it('does the same for an appearance of the claim in another article', () => {
    const home = createArticle({ title: 'Budget speech', body: 'The minister said that unemployment fell by 3% last year, and more.', actorId: null });
    const homeStart = home.body.indexOf(quote);
    const c = createClaim({ articleId: home.id, anchor: createAnchor(home.body, homeStart, homeStart + quote.length)!, published: true, actorId: null });
    const other = createArticle({ title: 'Jobs figures', body, actorId: null });
    const start = body.indexOf(quote);
    const appearance = addAppearance({ claimId: c.id, articleId: other.id, anchor: createAnchor(body, start, start + quote.length)!, actorId: null });

    const { counts } = createRevision({ articleId: other.id, body: withoutMinister, actorId: null });

    expect(counts.moved + counts.kept).toBe(0);
    const row = getDb().select().from(claimAppearances).where(eq(claimAppearances.id, appearance.id)).get()!;
    expect(['fuzzy', 'orphaned']).toContain(row.anchorState);
    expect(row.anchorExact).toBe(quote);
    expect(listAnchorsNeedingReview({ articleId: other.id }).map((r) => r.appearanceId)).toEqual([appearance.id]);
    // The claim's own anchor, in its own article, is untouched.
    expect(claim(c.id).anchorState).toBe('anchored');
  });

  it('sends a context-only edit ("said" becomes "denied" around an unchanged quote) to review', () => {
    const article = createArticle({ title: 'Jobs figures', body, actorId: null });
    const start = body.indexOf(quote);
    const c = createClaim({ articleId: article.id, anchor: createAnchor(body, start, start + quote.length)!, published: true, actorId: null });
    const revised = body.replace('The minister said that', 'The minister denied that');

    createRevision({ articleId: article.id, body: revised, actorId: null });

    const now = claim(c.id);
    expect(now.anchorState).toBe('fuzzy');
    // Proposed on the same words, with the stored context kept for the comparison.
    expect(bodyAt(now)).toBe(quote);
    expect(now.anchorPrefix).toBe(c.anchorPrefix);
  });

  it('refuses look-alikes in pasted text too: CRLF, decomposed accents, Arabic, CJK and emoji', () => {
    const messy = [
      'Le ministre a déclaré que « le chômage a baissé de 3 % » 📉 l’an dernier.',
      'قال المتحدث إن الأرقام دقيقة.',
      '野党党首の発言: Le chef de l’opposition a nié que « le chômage a baissé de 3 % » 📉 l’an dernier.',
    ].join('\n\n');
    const article = createArticle({ title: 'Chômage', body: messy, actorId: null });
    const words = 'le chômage a baissé de 3 %';
    const start = article.body.indexOf(words);
    const c = createClaim({ articleId: article.id, anchor: createAnchor(article.body, start, start + words.length)!, published: true, actorId: null });
    // Pasted again from a page: Windows line ends, accents as combining marks, the minister's sentence gone.
    const pasted = messy.split('\n\n').slice(1).join('\r\n\r\n').normalize('NFD');

    createRevision({ articleId: article.id, body: pasted, actorId: null });

    expect(claim(c.id).anchorState).not.toBe('anchored');
  });
});

describe('two editors revising one article at once', () => {
  it('refuses a revision written against an older one, keeping the newer; saving again against it works', () => {
    const { article, claimOn } = setup();
    const c = claimOn('the morning boat had been cancelled nine times in October');
    const base = article.currentRevisionId!;
    // Editor A fixes a figure; editor B, whose form was opened before, adds an update line.
    const a = createRevision({ articleId: article.id, body: BODY.replace('nine times', 'eight times'), actorId: null, baseRevisionId: base });
    const before = { revisions: getDb().select().from(articleRevisions).all().length, claim: claim(c.id) };
    const bTyped = `Update: the operator replied on Friday.\r\n\r\n${BODY}`;
    let refused: unknown;
    try {
      createRevision({ articleId: article.id, body: bTyped, actorId: null, baseRevisionId: base });
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ code: 'conflict', detail: { revisionId: a.revision.id, body: BODY.replace('nine times', 'eight times') } });
    expect({ revisions: getDb().select().from(articleRevisions).all().length, claim: claim(c.id) }).toEqual(before);
    expect(getDb().select().from(articles).where(eq(articles.id, article.id)).get()!.currentRevisionId).toBe(a.revision.id);
    // B has seen A's revision and saves again on top of it.
    const b = createRevision({ articleId: article.id, body: bTyped, actorId: null, baseRevisionId: a.revision.id });
    expect(getDb().select().from(articles).where(eq(articles.id, article.id)).get()!.currentRevisionId).toBe(b.revision.id);
  });
});
