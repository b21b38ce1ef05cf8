// Writes one article whose every reader-visible field is an attack string, through the
// app's own queries, into DATABASE_PATH; then, as rows stored before text was made safe on
// the way in would, appends characters that XML and HTML forbid (CONTROLS) to every text
// column of them. Prints the ids and slugs as JSON.
// Run by e2e/xss.spec.ts with tsx --conditions=react-server.
import { randomUUID } from 'node:crypto';
import { closeDb, getDb } from '@/db';
import { createArticle } from '@/db/queries/articles';
import { createClaim, updateClaim } from '@/db/queries/claims';
import { decideExternalMatch, importExternalReviews, listExternalReviews } from '@/db/queries/external-reviews';
import { createParty } from '@/db/queries/parties';
import { addResponse, attachSource } from '@/db/queries/sources';
import { createAnchor } from '@/lib/anchor';

/** Each payload calls alert() or sets window.xss if it ever runs. */
export const PAYLOADS = [
  '<script>alert("script-tag")</script>',
  '<img src=x onerror="alert(\'img-onerror\')">',
  '"><svg onload=alert("svg-onload")>',
  '</script><script>window.xss="json-ld-breakout"</script>',
  '<a href="javascript:alert(\'js-link\')">link</a>',
  "' onmouseover='alert(\"attribute\")' x='",
  '<svg><script>alert("svg-script")</script></svg>',
  '<iframe srcdoc="<script>parent.xss=1</script>"></iframe>',
];

/** C0 and C1 controls and non-characters: a strict XML parser rejects a document holding any of them. */
export const CONTROLS = '\u0001\u0008\u000b\u000c\u001b\u007f\u0085\u009f\ufffe\uffff\ufdd0';

const all = PAYLOADS.join(' ');
const quote = `Hostile quote ${PAYLOADS[0]} ends here.`;
const article = createArticle({
  title: `Hostile headline ${PAYLOADS[1]} ${PAYLOADS[3]}`,
  outlet: `Outlet ${PAYLOADS[2]}`,
  author: `Author ${PAYLOADS[5]}`,
  canonicalUrl: 'https://news.example/hostile?q=<script>alert(1)</script>',
  body: `${quote}\n\nMore text: ${all}\n\nAnd ${PAYLOADS[6]} at the end.`,
  actorId: null,
});
const party = createParty({ name: `Party ${PAYLOADS[1]}`, description: `About ${PAYLOADS[0]}`, url: 'javascript:alert("party-url")' });
const start = article.body.indexOf(quote);
const claim = createClaim({
  articleId: article.id,
  anchor: createAnchor(article.body, start, start + quote.length)!,
  statement: `Hostile statement ${PAYLOADS[3]} ${PAYLOADS[1]}`,
  claimantPartyId: party.id,
  actorId: null,
});
attachSource({
  claimId: claim.id,
  source: { url: 'https://records.example/hostile?x="><script>alert(2)</script>', title: `Source ${PAYLOADS[2]}`, publisher: `Publisher ${PAYLOADS[4]}` },
  relation: 'contradicts',
  excerpt: `Excerpt ${PAYLOADS[7]}`,
  actorId: null,
});
// Stored despite the forms refusing it: the pages must still not make it a live link.
attachSource({ claimId: claim.id, source: { url: 'javascript:alert("source-url")', title: `Second source ${PAYLOADS[0]}` }, relation: 'context', actorId: null });
addResponse({ claimId: claim.id, partyId: party.id, stance: 'disputes', quote: `Response ${all}`, respondedAt: new Date(), actorId: null });
const published = updateClaim({
  id: claim.id,
  version: claim.version,
  // The history is append-only, so the note's controls go in with the change itself (the query stores notes as given).
  patch: { status: 'false', statusNote: `Note ${PAYLOADS[4]} ${PAYLOADS[3]} ${CONTROLS}`, published: true },
  actorId: null,
});
// Another fact-checker's review confirmed for the claim, as if stored before imports refused markup.
const reviewUrl = `https://checks.example/hostile/${randomUUID()}?x="><script>alert(3)</script>`;
importExternalReviews({
  reviews: [
    {
      reviewUrl,
      organisation: `Desk ${PAYLOADS[1]}`,
      organisationUrl: 'javascript:alert("desk-url")',
      claimReviewed: published.statement,
      claimant: `Claimant ${PAYLOADS[2]}`,
      rating: `Rating ${PAYLOADS[0]} ${PAYLOADS[3]}`,
      ratingValue: null,
      bestRating: null,
      worstRating: null,
      datePublished: new Date(),
    },
  ],
  kind: 'file',
  source: `hostile ${PAYLOADS[0]}.json`,
  actorId: null,
});
const external = listExternalReviews({ open: true }).find((r) => r.reviewUrl === reviewUrl)!;
const match = external.matches.find((m) => m.claimId === published.id)!;
decideExternalMatch({ reviewId: external.id, claimId: published.id, version: match.version, decision: 'confirm', actorId: null });
// Old rows: straight into the columns, past the queries that would clean the text now.
const sqlite = getDb().$client;
const append = (table: string, columns: string[], where: string, id: number) =>
  sqlite.prepare(`update ${table} set ${columns.map((c) => `${c} = ${c} || @controls`).join(', ')} where ${where} = @id`).run({ controls: ` ${CONTROLS}`, id });
append('articles', ['title', 'outlet', 'author'], 'id', article.id);
append('article_revisions', ['body'], 'article_id', article.id);
append('claims', ['statement', 'anchor_prefix', 'anchor_suffix'], 'id', published.id);
append('parties', ['name', 'description'], 'id', party.id);
append('claim_sources', ['excerpt', 'note'], 'claim_id', published.id);
append('responses', ['quote'], 'claim_id', published.id);
sqlite.prepare('update external_reviews set organisation = organisation || @controls, rating = rating || @controls where review_url = @url').run({ controls: ` ${CONTROLS}`, url: reviewUrl });
sqlite.prepare('update sources set title = title || @controls, publisher = publisher || @controls where id in (select source_id from claim_sources where claim_id = @id)').run({ controls: ` ${CONTROLS}`, id: published.id });
closeDb();
console.log(JSON.stringify({ articleId: article.id, articleSlug: article.slug, claimId: published.id, claimSlug: published.slug, partySlug: party.slug }));
