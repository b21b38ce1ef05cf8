// Test setup for the board's pages (e2e/board.spec.ts). With { tag, claims }: an article published
// long ago (it sorts after every other on the home page) with `claims` draft claims, one a sentence,
// each changed a millisecond after the one before; prints { articleId, claims: [{ id, statement }] },
// newest first, as the board lists them. With { touch: id }: another editor's change to that claim
// (its note), which makes it the most recently changed; prints {}.
// Input: JSON on argv[2].
import { createArticle } from '@/db/queries/articles';
import { createClaim, updateClaim } from '@/db/queries/claims';
import { getDb } from '@/db';
import { claims as claimsTable } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { createAnchor } from '@/lib/anchor';

const input = JSON.parse(process.argv[2] ?? '{}') as { tag?: string; claims?: number; touch?: number };
if (input.touch) {
  const claim = getDb().select({ version: claimsTable.version }).from(claimsTable).where(eq(claimsTable.id, input.touch)).get()!;
  updateClaim({ id: input.touch, version: claim.version, patch: { statusNote: 'Zweite Quelle angefragt — 2nd source asked' }, actorId: null });
  console.log('{}');
} else {
  const sentences = Array.from({ length: input.claims! }, (_, i) => `Punkt ${i + 1} (${input.tag}): the ferry “Ørnebakke” carried ${1000 + i} passengers on day ${i + 1}.`);
  const article = createArticle({
    title: `Ferry passenger counts, line by line ${input.tag}`,
    outlet: 'Quay Courier',
    body: sentences.join('\n\n'),
    publishedAt: new Date(Date.UTC(1979, 0, 1)),
    actorId: null,
  });
  const start = Date.now() - 60_000;
  const made = sentences.map((sentence, i) => {
    const at = article.body.indexOf(sentence);
    const claim = createClaim({ articleId: article.id, anchor: createAnchor(article.body, at, at + sentence.length)!, published: false, actorId: null, at: new Date(start + i) });
    return { id: claim.id, statement: claim.statement };
  });
  console.log(JSON.stringify({ articleId: article.id, claims: made.reverse() }));
}
