import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  MATCH_END,
  MATCH_START,
  SEARCH_BOUND,
  dayRange,
  decodeCursor,
  encodeCursor,
  type ClaimFilters,
  type Cursor,
} from '@/lib/claim-filters';
import { allWordsQuery } from '@/lib/fts-query';
import type { Status } from '@/lib/status';
import { claimIsPublic } from './visibility';

export type ClaimHit = {
  id: number;
  slug: string;
  statement: string;
  status: Status;
  statusNote: string;
  quote: string;
  updatedAt: Date;
  claimDate: Date;
  articleSlug: string;
  articleTitle: string;
  outlet: string;
  partySlug: string | null;
  partyName: string | null;
  snippet: string | null;
  /** Part of the first-run demo (its article is). */
  demo: boolean;
};

/** One page of a search. `capped`: more than `total` claims match (word searches stop counting there). */
export type ClaimSearch = { hits: ClaimHit[]; total: number; capped: boolean; nextCursor: string | null };

type Row = Omit<ClaimHit, 'updatedAt' | 'claimDate' | 'snippet' | 'demo'> & { updatedAt: number; claimDate: number; sortKey: number; demo: number };

const claimDate = sql`coalesce(a.published_at, c.created_at)`;
const columns = sql`c.id AS id, c.slug AS slug, c.statement AS statement, c.status AS status,
  c.status_note AS statusNote, c.anchor_exact AS quote, c.updated_at AS updatedAt,
  ${claimDate} AS claimDate, a.slug AS articleSlug, a.title AS articleTitle, a.outlet AS outlet,
  p.slug AS partySlug, p.name AS partyName, a.demo AS demo`;
const joins = sql`JOIN articles a ON a.id = c.article_id LEFT JOIN parties p ON p.id = c.claimant_party_id`;
// CROSS JOIN keeps the full-text index as the outer loop: it yields matches newest first and
// lets bm25 and snippet run; the filters are then checked per match.
const ftsJoins = sql`FROM claims_fts f CROSS JOIN claims c ON c.id = f.rowid ${joins}`;
const bm25 = sql`bm25(claims_fts, 4.0, 3.0, 1.0, 1.0)`;

/** The word match if any, published only, and the status, party (claimant or responding party), outlet and claim-date filters. */
function conditions(filters: ClaimFilters, match: string | null): SQL[] {
  const where: SQL[] = match ? [sql`claims_fts MATCH ${match}`, claimIsPublic('c')] : [claimIsPublic('c')];
  if (filters.status) where.push(sql`c.status IN (${sql.join(filters.status.map((s) => sql`${s}`), sql`, `)})`);
  if (filters.party) {
    // The party's claims are collected once (claimant or responding party); a word search checks
    // each match against them before reading the claim (`+` keeps FTS5 from taking them as rowids).
    where.push(sql`${match ? sql`+f.rowid` : sql`c.id`} IN (
      SELECT id FROM claims WHERE claimant_party_id = (SELECT id FROM parties WHERE slug = ${filters.party})
      UNION ALL SELECT r.claim_id FROM responses r JOIN parties rp ON rp.id = r.party_id WHERE rp.slug = ${filters.party})`);
  }
  if (filters.outlet) where.push(sql`a.outlet = ${filters.outlet}`);
  const { since, until } = dayRange(filters.from, filters.to);
  if (since !== undefined) where.push(sql`${claimDate} >= ${since}`);
  if (until !== undefined) where.push(sql`${claimDate} < ${until}`);
  return where;
}

const and = (where: SQL[]) => sql.join(where, sql` AND `);

/**
 * Published claims matching the filters: full-text search (FTS5, bm25 ranking
 * with the statement and quote weighted above claimant and article title),
 * status, party, outlet and a date range on when the claim was made. Keyset
 * pagination: `nextCursor` continues after the last row. `all` ignores limit
 * and cursor (exports) and leaves out snippets.
 *
 * Word searches are bounded (SEARCH_BOUND): the count stops there, and "best
 * match" ranks the newest SEARCH_BOUND matches that pass the filters, so its
 * pages end there too; sorting by a date pages through every match.
 */
export function searchClaims({ filters, all = false }: { filters: ClaimFilters; all?: boolean }): ClaimSearch {
  const match = filters.q ? allWordsQuery(filters.q) : null;
  if (filters.q && !match) return { hits: [], total: 0, capped: false, nextCursor: null };
  const where = conditions(filters, match);
  const from = match ? ftsJoins : sql`FROM claims c ${joins}`;
  const sort = filters.sort === 'relevance' && !match ? 'updated' : filters.sort;
  const cursor = !all && filters.cursor ? decodeCursor(filters.cursor) : null;
  const db = getDb();

  if (match && sort === 'relevance' && !all) return rankedPage({ match, where, limit: filters.limit, cursor });

  const key = { relevance: bm25, updated: sql`c.updated_at`, newest: claimDate, oldest: claimDate }[sort];
  const ascending = sort === 'relevance' || sort === 'oldest';
  const page = [...where];
  if (cursor) {
    page.push(
      ascending
        ? sql`(${key} > ${cursor.key} OR (${key} = ${cursor.key} AND c.id > ${cursor.id}))`
        : sql`(${key} < ${cursor.key} OR (${key} = ${cursor.key} AND c.id < ${cursor.id}))`,
    );
  }
  const direction = ascending ? sql`ASC` : sql`DESC`;
  const rows = db.all<Row>(sql`
    SELECT ${columns}, ${key} AS sortKey ${from}
    WHERE ${and(page)}
    ORDER BY sortKey ${direction}, c.id ${direction}
    ${all ? sql`` : sql`LIMIT ${filters.limit + 1}`}`);
  if (all) return { hits: rows.map((r) => toHit(r, null)), total: rows.length, capped: false, nextCursor: null };

  const { total, capped } = match
    ? boundedCount(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM (SELECT 1 ${from} WHERE ${and(where)} LIMIT ${SEARCH_BOUND + 1})`)?.n ?? 0)
    : { total: db.get<{ n: number }>(sql`SELECT count(*) AS n ${from} WHERE ${and(where)}`)?.n ?? 0, capped: false };
  return { ...withSnippets(rows, filters.limit, match), total, capped };
}

const boundedCount = (n: number) => ({ total: Math.min(n, SEARCH_BOUND), capped: n > SEARCH_BOUND });

/** Best match first among the SEARCH_BOUND most recently added matches; bm25 runs only on those. */
function rankedPage({ match, where, limit, cursor }: { match: string; where: SQL[]; limit: number; cursor: Cursor | null }): ClaimSearch {
  const db = getDb();
  const found = db.all<{ id: number; score: number }>(sql`
    SELECT c.id AS id, ${bm25} AS score ${ftsJoins}
    WHERE ${and(where)}
    ORDER BY f.rowid DESC LIMIT ${SEARCH_BOUND + 1}`);
  const { total, capped } = boundedCount(found.length);
  const ranked = found
    .slice(0, SEARCH_BOUND)
    .sort((x, y) => x.score - y.score || x.id - y.id)
    .filter((r) => !cursor || r.score > cursor.key || (r.score === cursor.key && r.id > cursor.id))
    .slice(0, limit + 1);
  const scores = new Map(ranked.map((r) => [r.id, r.score]));
  const rows = ranked.length
    ? db
        .all<Omit<Row, 'sortKey'>>(sql`SELECT ${columns} FROM claims c ${joins} WHERE c.id IN (${sql.join(ranked.map((r) => sql`${r.id}`), sql`, `)})`)
        .map((r) => ({ ...r, sortKey: scores.get(r.id)! }))
        .sort((x, y) => x.sortKey - y.sortKey || x.id - y.id)
    : [];
  return { ...withSnippets(rows, limit, match), total, capped };
}

/** The first `limit` rows as hits, with the search's snippet for each, and the cursor to the next page. */
function withSnippets(rows: Row[], limit: number, match: string | null) {
  const pageRows = rows.slice(0, limit);
  const snippets = new Map<number, string>();
  if (match && pageRows.length) {
    const ids = pageRows.map((r) => r.id);
    // `+rowid IN` is checked per match rather than handed to FTS5, which would set up the
    // whole query again for each id (about 1 ms each for a common prefix); the range it does take.
    const found = getDb().all<{ id: number; snippet: string }>(sql`
      SELECT rowid AS id, snippet(claims_fts, -1, ${MATCH_START}, ${MATCH_END}, '…', 16) AS snippet
      FROM claims_fts WHERE claims_fts MATCH ${match}
        AND rowid BETWEEN ${Math.min(...ids)} AND ${Math.max(...ids)}
        AND +rowid IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
    for (const s of found) snippets.set(s.id, s.snippet);
  }
  const last = pageRows[pageRows.length - 1];
  return {
    hits: pageRows.map((r) => toHit(r, snippets.get(r.id) ?? null)),
    nextCursor: rows.length > limit && last ? encodeCursor({ key: last.sortKey, id: last.id }) : null,
  };
}

function toHit({ sortKey: _sortKey, ...r }: Row, snippet: string | null): ClaimHit {
  return { ...r, snippet, updatedAt: new Date(r.updatedAt), claimDate: new Date(r.claimDate), demo: r.demo === 1 };
}

/** Outlets that have published claims, for the outlet filter. */
export function listOutlets() {
  return getDb()
    .all<{ outlet: string }>(
      sql`SELECT DISTINCT a.outlet AS outlet FROM articles a
        WHERE a.outlet <> '' AND EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id AND ${claimIsPublic('c')})
        ORDER BY a.outlet`,
    )
    .map((r) => r.outlet);
}
