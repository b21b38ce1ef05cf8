/**
 * The one place user text becomes an FTS5 query. claims_fts tokenises with
 * unicode61: a word is a run of letters and digits, compared without case or
 * accents. Each word here is quoted and holds only letters and digits, so no
 * text can reach MATCH as query syntax (operators, columns, NEAR, stray quotes).
 */

/**
 * The distinct words of a text (runs of letters and digits, compared without
 * case), as written: lower-casing is left to FTS5, since JavaScript's can split
 * a word ("İ" becomes "i" and a combining dot, which unicode61 separates).
 */
export function searchWords(text: string): string[] {
  const words = new Map<string, string>();
  for (const word of text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (!words.has(word.toLowerCase())) words.set(word.toLowerCase(), word);
  }
  return [...words.values()];
}

/** The search box: every word must match, each as a prefix ("ride" finds "riders"). Null when there is no word. */
export function allWordsQuery(text: string, maxWords = 12): string | null {
  const words = searchWords(text).slice(0, maxWords);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

/** Any of the words may match, each whole (similarity; bm25 ranks rows with more and rarer words first). */
export function anyWordQuery(words: string[]): string | null {
  return words.length ? words.map((w) => `"${w}"`).join(' OR ') : null;
}

// Words too common in any news text to say two claims are about the same thing.
const STOP_WORDS = new Set(
  ('the a an and or but of to in on at by for with from as is are was were be been being it its this that these those ' +
    'he she they we you i his her their our your them him us has have had do does did not no so than then there here ' +
    'said says say told stated according claimed claims will would could should can may might also about over into more most ' +
    'which who whom what when where why how all any some such only very just last next new one two per cent percent')
    .split(' '),
);

/** The words of a text that can tell claims apart: no stop words, and no one- or two-letter words unless they hold a digit. */
export function contentWords(text: string): string[] {
  return searchWords(text).filter((w) => !STOP_WORDS.has(w.toLowerCase()) && (w.length > 2 || /\p{N}/u.test(w)));
}
