// Test setup for e2e/lifecycle.spec.ts, made with the app's own queries in the e2e database.
// Input on argv[2], JSON:
//   { "action": "article", "title", "body", "drafts": [quote], "published": [quote] } → { id, slug, claims: { [quote]: id } }
//   { "action": "publish", "claimId" } → the claim published as a second editor would approve it
import { createArticle } from '@/db/queries/articles';
import { getClaimForEditor } from '@/db/queries/annotator';
import { createClaim, updateClaim } from '@/db/queries/claims';
import { createAnchor } from '@/lib/anchor';

type Input =
  | { action: 'article'; title: string; body: string; drafts?: string[]; published?: string[] }
  | { action: 'publish'; claimId: number };
const input = JSON.parse(process.argv[2] ?? '{}') as Input;

if (input.action === 'article') {
  const article = createArticle({ title: input.title, outlet: 'Lifecycle Courier', body: input.body, actorId: null });
  const made: Record<string, number> = {};
  const claim = (quote: string, published: boolean) => {
    const start = article.body.indexOf(quote);
    const anchor = start < 0 ? null : createAnchor(article.body, start, start + quote.length);
    if (!anchor) throw new Error(`Quote not in the article: ${quote}`);
    made[quote] = createClaim({ articleId: article.id, anchor, published, actorId: null }).id;
  };
  for (const q of input.drafts ?? []) claim(q, false);
  for (const q of input.published ?? []) claim(q, true);
  console.log(JSON.stringify({ id: article.id, slug: article.slug, claims: made }));
} else {
  // The system (no actor) approves: the editor who set the verdict cannot, a second person may.
  const current = getClaimForEditor({ id: input.claimId })!;
  const claim = updateClaim({ id: current.id, version: current.version, patch: { published: true }, actorId: null });
  console.log(JSON.stringify({ id: claim.id, slug: claim.slug }));
}
