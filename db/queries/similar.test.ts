import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { createClaimFromSelection, linkAppearance } from './annotator';
import { createArticle } from './articles';
import { findSimilarClaims, similarityQuery } from './similar';

let file: string;
beforeEach(() => {
  file = useFreshDatabase();
});
afterEach(() => removeDatabase(file));

const claimIn = (articleId: number, body: string, quote: string) => {
  const start = body.indexOf(quote);
  return createClaimFromSelection({ articleId, start, end: start + quote.length, exact: quote, actorId: null });
};

describe('similarityQuery', () => {
  it('turns any text into quoted words joined by OR, never FTS syntax', () => {
    expect(similarityQuery('The bridge "cost" 40 million* NEAR(x) OR -toll')).toBe('"bridge" OR "cost" OR "40" OR "million" OR "near" OR "toll"');
    expect(similarityQuery('") OR 1=1 --')).toBe('"1"');
    expect(similarityQuery('the and of')).toBeNull();
    expect(similarityQuery('Zoë café 🎉 الجسر')).toBe('"zoë" OR "café" OR "الجسر"');
  });
});

describe('findSimilarClaims', () => {
  it('offers claims from other articles that share words, best first, and never this article’s own', () => {
    const a = createArticle({ title: 'Bridge opens', body: 'The mayor said the new bridge cost 40 million euros to build.', actorId: null });
    const b = createArticle({ title: 'River crossing', body: 'Engineers said the bridge cost 40 million euros. The weather stayed dry all week.', actorId: null });
    const c = createArticle({ title: 'Budget', body: 'The new library cost 3 million euros.', actorId: null });
    const here = claimIn(a.id, a.body, 'the new bridge cost 40 million euros');
    const there = claimIn(b.id, b.body, 'the bridge cost 40 million euros');
    const weak = claimIn(c.id, c.body, 'The new library cost 3 million euros');
    const unrelated = claimIn(b.id, b.body, 'The weather stayed dry all week');

    const hits = findSimilarClaims({ text: here.statement, articleId: a.id });
    expect(hits.map((h) => h.id)).toEqual([there.id, weak.id]);
    expect(hits[0]).toMatchObject({ articleTitle: 'River crossing', published: false, shared: 5 });
    expect(hits.map((h) => h.id)).not.toContain(unrelated.id);

    // Once linked here, it is no longer offered for this article.
    linkAppearance({ claimId: there.id, articleId: a.id, start: 4, end: 36, exact: a.body.slice(4, 36), actorId: null });
    expect(findSimilarClaims({ text: here.statement, articleId: a.id }).map((h) => h.id)).toEqual([weak.id]);
    expect(findSimilarClaims({ text: '"*(', articleId: a.id })).toEqual([]);
  });
});
