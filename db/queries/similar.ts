import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import type { Status } from '@/lib/status';

// Words too common to say two claims are about the same thing.
const STOP_WORDS = new Set(
  ('the a an and or but of to in on at by for with from as is are was were be been being it its this that these those ' +
    'he she they we you i his her their our your them him us has have had do does did not no so than then there here ' +
    'said says say told stated according claimed claims will would could should can may might also about over into more most ' +
    'which who whom what when where why how all any some such only very just last next new one two per cent percent')
    .split(' '),
);

/** The distinct search words of a text: letters and digits only, lower case, common words dropped. */
export function searchWords(text: string): string[] {
  const words = text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => !STOP_WORDS.has(w) && (w.length > 2 || /\p{N}/u.test(w))))];
}

/**
 * An FTS5 query matching any of the text's words (best matches ranked first by
 * bm25). Each word is quoted and holds only letters and digits, so no user text
 * can reach MATCH as query syntax. Null when nothing is left to search for.
 */
export function similarityQuery(text: string, maxWords = 16): string | null {
  const words = searchWords(text).slice(0, maxWords);
  return words.length ? words.map((w) => `"${w}"`).join(' OR ') : null;
}

export type SimilarClaim = {
  id: number;
  slug: string;
  statement: string;
  status: Status;
  published: boolean;
  articleId: number;
  articleTitle: string;
  shared: number;
};

/**
 * Claims already tracked in other articles that share words with `text` (the
 * new claim's statement), best first. A hit must share at least two search
 * words (or every word of a short text), so one common word is not enough.
 */
export function findSimilarClaims({ text, articleId, limit = 5 }: { text: string; articleId: number; limit?: number }): SimilarClaim[] {
  const match = similarityQuery(text);
  if (!match) return [];
  const rows = getDb().all<Omit<SimilarClaim, 'shared' | 'published'> & { published: number; quote: string }>(sql`
    SELECT c.id, c.slug, c.statement, c.status, c.published, c.anchor_exact AS quote,
      a.id AS articleId, a.title AS articleTitle
    FROM claims_fts f
    JOIN claims c ON c.id = f.rowid
    JOIN articles a ON a.id = c.article_id
    WHERE claims_fts MATCH ${match}
      AND c.article_id != ${articleId}
      AND NOT EXISTS (SELECT 1 FROM claim_appearances ca WHERE ca.claim_id = c.id AND ca.article_id = ${articleId})
    ORDER BY bm25(claims_fts, 4.0, 3.0, 0.5, 0.5)
    LIMIT ${limit * 4}`);
  const wanted = new Set(searchWords(text));
  const needed = Math.min(2, wanted.size);
  return rows
    .map(({ quote, published, ...row }) => {
      const theirs = new Set(searchWords(`${row.statement} ${quote}`));
      return { ...row, published: Boolean(published), shared: [...wanted].filter((w) => theirs.has(w)).length };
    })
    .filter((row) => row.shared >= needed)
    .slice(0, limit);
}
