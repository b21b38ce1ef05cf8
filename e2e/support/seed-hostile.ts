// Writes one article whose every reader-visible field is an attack string, through the
// app's own queries, into DATABASE_PATH. Prints the ids and slugs as JSON.
// Run by e2e/xss.spec.ts with tsx --conditions=react-server.
import { closeDb } from '@/db';
import { createArticle } from '@/db/queries/articles';
import { createClaim, updateClaim } from '@/db/queries/claims';
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
  patch: { status: 'false', statusNote: `Note ${PAYLOADS[4]} ${PAYLOADS[3]}`, published: true },
  actorId: null,
});
closeDb();
console.log(JSON.stringify({ articleId: article.id, articleSlug: article.slug, claimId: published.id, claimSlug: published.slug, partySlug: party.slug }));
