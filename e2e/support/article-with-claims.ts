// Test setup for e2e specs: stores an article with published claims on the given
// quotes in the e2e database and prints { id, slug, claims: [{ id, slug }] } as JSON.
// Input: JSON { title, body, quotes, statements?, claimant?, published? } on argv[2]: the claims
// are published unless `published` is false, say `statements[i]` (else their quote) and name a
// new party `claimant` when given.
import { createArticle } from '@/db/queries/articles';
import { createClaim } from '@/db/queries/claims';
import { createParty } from '@/db/queries/parties';
import { createAnchor } from '@/lib/anchor';

const input = JSON.parse(process.argv[2] ?? '{}') as { title: string; body: string; quotes: string[]; statements?: string[]; claimant?: string; published?: boolean };
const claimant = input.claimant ? createParty({ name: input.claimant, kind: 'person' }) : undefined;
const article = createArticle({ title: input.title, outlet: 'Test Gazette', body: input.body, actorId: null });
const claims = input.quotes.map((quote, i) => {
  const start = article.body.indexOf(quote);
  const anchor = createAnchor(article.body, start, start + quote.length);
  if (start === -1 || !anchor) throw new Error(`Quote not in the article: ${quote}`);
  const claim = createClaim({
    articleId: article.id,
    anchor,
    statement: input.statements?.[i],
    published: input.published ?? true,
    claimantPartyId: claimant?.id,
    actorId: null,
  });
  return { id: claim.id, slug: claim.slug };
});
console.log(JSON.stringify({ id: article.id, slug: article.slug, claims, claimant: claimant && { id: claimant.id, slug: claimant.slug } }));
