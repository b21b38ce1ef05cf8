// Test setup: an article with a draft claim whose verdict is then set and published in
// one save (as with sign-off off), which writes a status change and a publication at
// the same moment. Prints { claimId, statement } as JSON. Input: JSON { title } on argv[2].
import { createArticle } from '@/db/queries/articles';
import { createClaim, updateClaim } from '@/db/queries/claims';
import { createAnchor } from '@/lib/anchor';

const input = JSON.parse(process.argv[2] ?? '{}') as { title: string };
const quote = 'the new footbridge cost half of what the council budgeted';
const article = createArticle({ title: input.title, outlet: 'Test Gazette', body: `Officials said ${quote}.`, actorId: null });
const start = article.body.indexOf(quote);
const draft = createClaim({ articleId: article.id, anchor: createAnchor(article.body, start, start + quote.length)!, published: false, actorId: null });
const statement = `The footbridge cost half its budget (${input.title})`;
updateClaim({
  id: draft.id,
  version: draft.version,
  patch: { statement, status: 'false', statusNote: 'The final accounts show it cost more than budgeted.', published: true },
  actorId: null,
});
console.log(JSON.stringify({ claimId: draft.id, statement }));
