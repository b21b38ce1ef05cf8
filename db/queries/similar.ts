import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { anyWordQuery, contentWords } from '@/lib/fts-query';
import type { Status } from '@/lib/status';

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

// A word in more than a fiftieth of all claims says as little about which claim a text makes as a
// stop word does; past 1,000 claims counting further costs time and changes nothing.
const COMMON_SHARE = 1 / 50;
const COMMON_MIN = 10;
const COMMON_MAX = 1000;
// Ranking cost grows with the rows the OR matches: search for the rarest few words only.
const MAX_WORDS = 8;

/**
 * The rarest of `words` in claims_fts, rarest first, without words too common to
 * tell claims apart and words no claim has. Each count stops at the threshold, so
 * a common word costs no more than a rare one.
 */
export function distinctiveWords(words: string[]): string[] {
  if (!words.length) return [];
  const db = getDb();
  const claims = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM claims`)?.n ?? 0;
  const common = Math.round(Math.min(COMMON_MAX, Math.max(COMMON_MIN, claims * COMMON_SHARE)));
  const counts = db.all<{ i: number; n: number }>(
    sql.join(
      words.map(
        (w, i) => sql`SELECT ${i} AS i, count(*) AS n FROM (SELECT 1 FROM claims_fts WHERE claims_fts MATCH ${anyWordQuery([w])} LIMIT ${common})`,
      ),
      sql` UNION ALL `,
    ),
  );
  return counts
    .filter((c) => c.n > 0 && c.n < common)
    .sort((x, y) => x.n - y.n || x.i - y.i)
    .slice(0, MAX_WORDS)
    .map((c) => words[c.i]!);
}

/**
 * Claims already tracked in other articles that share words with `text` (the
 * new claim's statement), best first: matched on the text's distinctive words,
 * ranked by bm25. A hit must share at least two of the text's words (or every
 * word of a one-word text), so one word in common is not enough. The demo's claims
 * are offered only for a demo article (or no article: an outside review's match),
 * never for the newsroom's own work.
 */
export function findSimilarClaims({ text, articleId, limit = 5 }: { text: string; articleId: number; limit?: number }): SimilarClaim[] {
  const wanted = contentWords(text);
  const match = anyWordQuery(distinctiveWords(wanted.slice(0, 16)));
  if (!match) return [];
  const rows = getDb().all<Omit<SimilarClaim, 'shared' | 'published'> & { published: number; quote: string }>(sql`
    SELECT c.id, c.slug, c.statement, c.status, c.published, c.anchor_exact AS quote,
      a.id AS articleId, a.title AS articleTitle
    FROM claims_fts f
    CROSS JOIN claims c ON c.id = f.rowid
    JOIN articles a ON a.id = c.article_id
    WHERE claims_fts MATCH ${match}
      AND c.article_id != ${articleId}
      AND NOT EXISTS (SELECT 1 FROM claim_appearances ca WHERE ca.claim_id = c.id AND ca.article_id = ${articleId})
      AND (a.demo = 0 OR NOT EXISTS (SELECT 1 FROM articles h WHERE h.id = ${articleId} AND h.demo = 0))
    ORDER BY bm25(claims_fts, 4.0, 3.0, 0.5, 0.5)
    LIMIT ${limit * 4}`);
  const needed = Math.min(2, wanted.length);
  const lower = (words: string[]) => words.map((w) => w.toLowerCase());
  return rows
    .map(({ quote, published, ...row }) => {
      const theirs = new Set(lower(contentWords(`${row.statement} ${quote}`)));
      return { ...row, published: Boolean(published), shared: lower(wanted).filter((w) => theirs.has(w)).length };
    })
    .filter((row) => row.shared >= needed)
    .slice(0, limit);
}
