// Test setup for e2e/embed.spec.ts, made with the app's own queries in the e2e database.
// Input on argv[2], JSON:
//   { "action": "article", "canonicalUrl" } → the ferry article (embed/testing/ferry-article.ts) with its
//     claims published: { slug, claims: [{ id, slug }] } in FERRY_CLAIMS order
//   { "action": "verdict", "claimId", "status", "statusNote" } → the claim's published verdict changed
//   { "action": "withdraw", "claimId", "note" } → the claim withdrawn
import { createArticle } from '@/db/queries/articles';
import { getClaimForEditor } from '@/db/queries/annotator';
import { createClaim, updateClaim } from '@/db/queries/claims';
import { withdrawClaim } from '@/db/queries/lifecycle';
import { createParty } from '@/db/queries/parties';
import { createAnchor } from '@/lib/anchor';
import type { Status } from '@/lib/status';
import { FERRY_BODY, FERRY_CLAIMS, FERRY_TITLE } from '@/embed/testing/ferry-article';

type Input =
  | { action: 'article'; canonicalUrl: string }
  | { action: 'verdict'; claimId: number; status: Status; statusNote: string }
  | { action: 'withdraw'; claimId: number; note: string };
const input = JSON.parse(process.argv[2] ?? '{}') as Input;

if (input.action === 'article') {
  const article = createArticle({ title: FERRY_TITLE, outlet: 'The Northgate Tide', canonicalUrl: input.canonicalUrl, body: FERRY_BODY, actorId: null });
  const claimant = createParty({ name: 'Councillor Imogen Platt', kind: 'person' });
  const claims = FERRY_CLAIMS.map((c) => {
    const start = c.last ? article.body.lastIndexOf(c.quote) : article.body.indexOf(c.quote);
    const anchor = start < 0 ? null : createAnchor(article.body, start, start + c.quote.length);
    if (!anchor) throw new Error(`Quote not in the article: ${c.quote}`);
    const made = createClaim({ articleId: article.id, anchor, statement: c.statement, claimantPartyId: claimant.id, actorId: null });
    const published = updateClaim({ id: made.id, version: made.version, patch: { status: c.status, statusNote: c.statusNote, published: true }, actorId: null });
    return { id: published.id, slug: published.slug };
  });
  console.log(JSON.stringify({ slug: article.slug, claims }));
} else if (input.action === 'verdict') {
  const current = getClaimForEditor({ id: input.claimId })!;
  const claim = updateClaim({ id: current.id, version: current.version, patch: { status: input.status, statusNote: input.statusNote, correction: `Changed to ${input.status}: ${input.statusNote}` }, actorId: null });
  console.log(JSON.stringify({ id: claim.id, status: claim.status }));
} else {
  const current = getClaimForEditor({ id: input.claimId })!;
  withdrawClaim({ id: current.id, version: current.version, note: input.note, actorId: null });
  console.log(JSON.stringify({ id: current.id }));
}
