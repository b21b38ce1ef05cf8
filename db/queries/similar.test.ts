import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { createClaimFromSelection, linkAppearance } from './annotator';
import { createArticle } from './articles';
import { markDemo } from './demo';
import { findSimilarClaims } from './similar';

let file: string;
beforeEach(() => {
  file = useFreshDatabase();
});
afterEach(() => removeDatabase(file));

const claimIn = (articleId: number, body: string, quote: string) => {
  const start = body.indexOf(quote);
  return createClaimFromSelection({ articleId, start, end: start + quote.length, exact: quote, actorId: null });
};

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

  it('leaves out words too common to tell claims apart, and finds the claim sharing the rare ones', () => {
    const sites = ['Mill Street', 'Quay Road', 'Bridge Street', 'the ring road', 'the old market', 'Station Square', 'the ferry ramp', 'Elm Lane', 'the bus depot', 'the north gate', 'Canal Walk', 'the school run'];
    const body = sites.map((site, i) => `The council approved the budget for ${site} at ${i + 2} million.`).join(' ');
    const routine = createArticle({ title: 'Council business', body, actorId: null });
    const routineClaims = sites.map((site, i) => claimIn(routine.id, body, `The council approved the budget for ${site} at ${i + 2} million`));
    const harbour = createArticle({ title: 'Harbour works', body: 'The council approved the budget for dredging the harbour mouth.', actorId: null });
    const dredging = claimIn(harbour.id, 'The council approved the budget for dredging the harbour mouth.', 'The council approved the budget for dredging the harbour mouth');
    const here = createArticle({ title: 'Port plans', body: 'Councillors say the council approved the budget for harbour dredging.', actorId: null });

    // "council", "approved" and "budget" are in every one of these claims: sharing them says nothing.
    const hits = findSimilarClaims({ text: 'The council approved the budget for harbour dredging', articleId: here.id });
    expect(hits.map((h) => h.id)).toEqual([dredging.id]);
    expect(hits[0]!.shared).toBe(5);
    // Only common words: nothing distinctive to look for.
    expect(findSimilarClaims({ text: 'The council approved the budget', articleId: here.id })).toEqual([]);
    // A rarer word brings its claim back, even beside the common ones.
    expect(findSimilarClaims({ text: 'The council approved the budget for Canal Walk', articleId: here.id }).map((h) => h.id)).toEqual([routineClaims[10]!.id]);
  });

  it('offers the demo’s claims only for a demo article or an outside review, never for the newsroom’s own', () => {
    const demo = createArticle({ title: 'Demo: ferry fares', body: 'The ferry company said fares on the island route will fall by a fifth.', actorId: null });
    const demoClaim = claimIn(demo.id, demo.body, 'fares on the island route will fall by a fifth');
    const otherDemo = createArticle({ title: 'Demo: harbour', body: 'Skippers expect island route fares to fall by a fifth.', actorId: null });
    markDemo({ articleIds: [demo.id, otherDemo.id], partyIds: [], sourceUrls: [] });
    const real = createArticle({ title: 'Ferry fares', body: 'Islanders doubt that fares on the island route will fall by a fifth.', actorId: null });
    const text = 'fares on the island route will fall by a fifth';

    expect(findSimilarClaims({ text, articleId: real.id })).toEqual([]);
    expect(findSimilarClaims({ text, articleId: otherDemo.id }).map((h) => h.id)).toEqual([demoClaim.id]);
    expect(findSimilarClaims({ text, articleId: 0 }).map((h) => h.id)).toEqual([demoClaim.id]);
  });
});
