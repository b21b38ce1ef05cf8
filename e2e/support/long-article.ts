// Test and benchmark setup: stores a long invented article (about `words` words in
// paragraphs of five sentences) with `claims` claims on its sentences, every tenth of
// them with a nested claim inside, a third of them drafts. Every sentence is unique.
// Prints { id, claims: [{ id, quote, start }] in text order, free: [{ quote, start }] (sentences
// with no claim on them or beside them) } as JSON.
// Input: JSON { title, words, claims } on argv[2].
import { createArticle } from '@/db/queries/articles';
import { createClaim } from '@/db/queries/claims';
import { createAnchor } from '@/lib/anchor';

const input = JSON.parse(process.argv[2] ?? '{}') as { title: string; words: number; claims: number };

// Varied invented words (mulberry32, fixed seed): text that compresses like real prose, unlike a few repeated templates.
let state = 20_261_126;
const random = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const SYLLABLES = ['ra', 'ven', 'to', 'mir', 'sel', 'qua', 'dor', 'lin', 'har', 'bo', 'ne', 'tis', 'um', 'ka', 'pri', 'él', 'zo', 'the', 'and'];
const word = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('');
// The running number makes every sentence unique, so a quote is found where it was claimed.
const sentence = (i: number) => {
  const text = [...Array.from({ length: 6 + Math.floor(random() * 14) }, word), 'said', `${i + 1}`].join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
};

const sentences: string[] = [];
for (let words = 0; words < input.words; ) {
  const s = sentence(sentences.length);
  sentences.push(s);
  words += s.split(' ').length;
}
// Five sentences a paragraph; where each sentence starts in the body.
let body = '';
const starts = sentences.map((s, i) => {
  if (i > 0) body += i % 5 === 0 ? '\n\n' : ' ';
  body += s;
  return body.length - s.length;
});
const article = createArticle({ title: input.title, outlet: 'Test Gazette', body, actorId: null });

// Claims spread evenly over the sentences; the sentences between them stay free.
const outer = input.claims - Math.floor(input.claims / 11);
const step = Math.max(2, Math.floor(sentences.length / outer));
const claims: { id: number; quote: string; start: number }[] = [];
const claimed = new Set<number>();
const claim = (start: number, quote: string, published: boolean) => {
  const anchor = createAnchor(article.body, start, start + quote.length);
  if (anchor?.exact !== quote) throw new Error(`Not in the article at ${start}: ${quote}`);
  claims.push({ id: createClaim({ articleId: article.id, anchor, published, actorId: null }).id, quote, start });
};
for (let n = 0; n < outer && claims.length < input.claims; n++) {
  const index = n * step + 1;
  const quote = sentences[index]!;
  const start = starts[index]!;
  claimed.add(index);
  claim(start, quote, n % 3 !== 2);
  // A nested claim: the second to fourth words, inside the sentence's claim.
  if (n % 10 === 0 && claims.length < input.claims) {
    const words = quote.split(' ');
    claim(start + words[0]!.length + 1, words.slice(1, 4).join(' '), true);
  }
}
const free = sentences
  .map((quote, i) => ({ quote, i }))
  .filter(({ i }) => !claimed.has(i) && !claimed.has(i - 1) && !claimed.has(i + 1))
  .map(({ quote, i }) => ({ quote, start: starts[i]! }));
console.log(JSON.stringify({ id: article.id, claims, free }));
