// Test setup for e2e/paging.spec.ts: a party with `claims` published claims (one article),
// and `articles` more articles published long ago, so they sort after every other article
// and push none off the home page's first page; `requests` of the claims get an open request
// for comment to the party, without a deadline; `corrections` of them a correction of their verdict,
// made long ago (one a day back from 1990, the first claim's the newest), so they sort after every
// other correction. Prints { party: { slug }, oldest: title, oldestCorrection: note }.
// Input: JSON { tag, claims, articles, requests?, corrections? } on argv[2].
import { getDb } from '@/db';
import { createArticle } from '@/db/queries/articles';
import { createClaim } from '@/db/queries/claims';
import { createParty } from '@/db/queries/parties';
import { addResponse } from '@/db/queries/sources';
import { createAnchor } from '@/lib/anchor';

const input = JSON.parse(process.argv[2] ?? '{}') as { tag: string; claims: number; articles: number; requests?: number; corrections?: number };
let oldestCorrection = '';
const party = createParty({ name: `Hafenrat Ørnebakke ${input.tag} — 港湾委員会`, kind: 'government' });
if (input.claims > 0) {
  const sentences = Array.from({ length: input.claims }, (_, i) => `Satz ${i + 1} (${input.tag}): the “harbour levy” rose by ${i + 3} % in ${1990 + i}.`);
  const article = createArticle({ title: `Harbour levy, item by item ${input.tag}`, outlet: 'Quay Courier', body: sentences.join('\n\n'), actorId: null });
  for (const sentence of sentences) {
    const start = article.body.indexOf(sentence);
    const claim = createClaim({ articleId: article.id, anchor: createAnchor(article.body, start, start + sentence.length)!, claimantPartyId: party.id, published: true, actorId: null });
    if (sentences.indexOf(sentence) < (input.requests ?? 0)) addResponse({ claimId: claim.id, partyId: party.id, requestedAt: new Date(), actorId: null });
    const n = sentences.indexOf(sentence);
    if (n < (input.corrections ?? 0)) {
      oldestCorrection = `Correction ${n + 1} (${input.tag}): the levy table counted 1989 twice.`;
      getDb()
        .$client.prepare("INSERT INTO claim_events (claim_id, kind, at, before, after) VALUES (?, 'corrected', ?, ?, ?)")
        .run(claim.id, Date.UTC(1990, 0, 1) - n * 86_400_000, JSON.stringify({ status: 'confirmed', note: '' }), JSON.stringify({ status: 'false', note: '', correction: oldestCorrection }));
    }
  }
}
let oldest = '';
for (let i = 0; i < input.articles; i++) {
  oldest = `Archive ${input.tag} № ${i + 1}: ferry timetable, ١٩٨٠ edition`;
  createArticle({ title: oldest, outlet: 'Quay Courier', body: `The ferry left at 06:${String(i % 60).padStart(2, '0')} every weekday.`, publishedAt: new Date(Date.UTC(1980, 0, 1) - i * 86_400_000), actorId: null });
}
console.log(JSON.stringify({ party: { slug: party.slug }, oldest, oldestCorrection }));
