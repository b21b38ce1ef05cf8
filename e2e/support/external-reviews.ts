// Test setup: an article with two published claims another fact-checker's invented feed
// (lib/testing/claim-review-fixtures.ts) reviews; with `imported`, the feed is imported too
// and the first review confirmed for its claim, the second left to decide.
// Input: JSON { tag, imported } on argv[2]. Prints { ferry, library } (claim ids and page paths).
import { createArticle } from '@/db/queries/articles';
import { createClaim } from '@/db/queries/claims';
import { decideExternalMatch, importExternalReviews, listExternalReviews } from '@/db/queries/external-reviews';
import { createAnchor } from '@/lib/anchor';
import { parseClaimReviews } from '@/lib/external-review';
import { claimPath } from '@/lib/routes';
import { fixtureFeed, trackedStatements } from '@/lib/testing/claim-review-fixtures';

const input = JSON.parse(process.argv[2] ?? '{}') as { tag: string; imported: boolean };
const statements = trackedStatements(input.tag);
const article = createArticle({ title: `Harbour town round-up ${input.tag}`, outlet: 'Test Gazette', body: Object.values(statements).join('\n\n'), actorId: null });
const [ferry, library] = Object.values(statements).map((statement) => {
  const start = article.body.indexOf(statement);
  const claim = createClaim({
    articleId: article.id,
    anchor: createAnchor(article.body, start, start + statement.length)!,
    statement,
    status: 'partly_true',
    statusNote: 'The timetable shows twelve minutes on weekdays only.',
    published: true,
    actorId: null,
  });
  return { id: claim.id, path: claimPath(claim) };
});

if (input.imported) {
  const parsed = parseClaimReviews([JSON.stringify(fixtureFeed(input.tag))]);
  if (!parsed.ok) throw new Error(parsed.message);
  importExternalReviews({ reviews: parsed.reviews, kind: 'file', source: 'tidewater.jsonld', actorId: null });
  const review = listExternalReviews({ open: true }).find((r) => r.matches.some((m) => m.claimId === ferry!.id))!;
  const match = review.matches.find((m) => m.claimId === ferry!.id)!;
  decideExternalMatch({ reviewId: review.id, claimId: ferry!.id, version: match.version, decision: 'confirm', actorId: null });
}

console.log(JSON.stringify({ ferry, library }));
