import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { allWordsQuery, anyWordQuery, contentWords, searchWords } from './fts-query';

let file: string;
beforeAll(() => {
  file = useFreshDatabase();
});
afterAll(() => removeDatabase(file));

/** Rowids of claims_fts rows the query matches, on the real table and tokenizer. */
const matching = (query: string) =>
  getDb().$client.prepare('select rowid from claims_fts where claims_fts match ?').pluck().all(query) as number[];

describe('search words', () => {
  it('are runs of letters and digits, each once whatever its case, as written', () => {
    expect(searchWords('The bridge, the BRIDGE — Zoë’s 40 km/h 🎉')).toEqual(['The', 'bridge', 'Zoë', 's', '40', 'km', 'h']);
    expect(contentWords('The bridge, the BRIDGE — Zoë’s 40 km/h 🎉')).toEqual(['bridge', 'Zoë', '40']);
  });
});

describe('query shapes', () => {
  it('the search box: every word, each as a prefix, never FTS syntax', () => {
    expect(allWordsQuery('  "side" streets* OR NOT(x) ')).toBe('"side"* "streets"* "OR"* "NOT"* "x"*');
    expect(allWordsQuery('--- ""')).toBeNull();
  });

  it('similarity: any of the words, whole', () => {
    expect(anyWordQuery(contentWords('The bridge "cost" 40 million* NEAR(x) OR -toll'))).toBe(
      '"bridge" OR "cost" OR "40" OR "million" OR "NEAR" OR "toll"',
    );
    expect(anyWordQuery(contentWords('") OR 1=1 --'))).toBe('"1"');
    expect(anyWordQuery(contentWords('the and of'))).toBeNull();
    expect(anyWordQuery(contentWords('Zoë café 🎉 الجسر'))).toBe('"Zoë" OR "café" OR "الجسر"');
  });

  // Hostile or odd text: quotes, operators, emoji, marks, right-to-left scripts, dotted capitals. (Only
  // characters Unicode 6.1 knows: unicode61 glues newer ones, even emoji, to the word beside them.)
  const piece = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'aZé9 "*()-:^.,ÆøİıßǅŁąزनि्दी🚲'), maxLength: 8 }),
    fc.constantFrom('OR', 'NOT', 'AND', 'NEAR(', 'statement:', 'İstanbul', 'ǅemal', 'Łąkowice', 'Ørnebakke', 'zoë', 'نريد', 'हिन्दी', '🚲🌊', '4,5'),
  );
  const text = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(' '));

  it('any text gives a query FTS5 accepts, and finds the text it came from', () => {
    const insert = getDb().$client.prepare("insert into claims_fts (statement, quote, claimant, article) values (?, '', '', '')");
    fc.assert(
      fc.property(text, (t) => {
        const all = allWordsQuery(t);
        const any = anyWordQuery(searchWords(t));
        expect(all === null).toBe(any === null);
        if (!all || !any) return;
        const id = Number(insert.run(t).lastInsertRowid);
        expect(matching(all)).toContain(id);
        expect(matching(any)).toContain(id);
        for (const word of searchWords(t)) expect(matching(anyWordQuery([word])!)).toContain(id);
      }),
      { numRuns: 300 },
    );
  });
});
