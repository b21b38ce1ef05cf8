import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  MATCH_END,
  MATCH_START,
  dayRange,
  decodeCursor,
  encodeCursor,
  ftsQuery,
  type ClaimFilters,
} from '@/lib/claim-filters';
import type { Status } from '@/lib/status';

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
};

type Row = Omit<ClaimHit, 'updatedAt' | 'claimDate'> & { updatedAt: number; claimDate: number; sortKey: number };

const claimDate = sql`coalesce(a.published_at, c.created_at)`;

/**
 * Published claims matching the filters: full-text search (FTS5, bm25 ranking
 * with the statement and quote weighted above claimant and article title),
 * status, party (claimant or responding party), outlet and a date range on
 * when the claim was made. Keyset pagination: `nextCursor` continues after
 * the last row. `all` ignores limit and cursor (exports).
 */
export function searchClaims({ filters, all = false }: { filters: ClaimFilters; all?: boolean }) {
  const match = filters.q ? ftsQuery(filters.q) : null;
  if (filters.q && !match) return { hits: [] as ClaimHit[], total: 0, nextCursor: null };
  const sort = filters.sort === 'relevance' && !match ? 'updated' : filters.sort;

  const where: SQL[] = [sql`c.published = 1`];
  if (filters.status) where.push(sql`c.status IN (${sql.join(filters.status.map((s) => sql`${s}`), sql`, `)})`);
  if (filters.party) {
    where.push(sql`(p.slug = ${filters.party} OR EXISTS (
      SELECT 1 FROM responses r JOIN parties rp ON rp.id = r.party_id
      WHERE r.claim_id = c.id AND rp.slug = ${filters.party}))`);
  }
  if (filters.outlet) where.push(sql`a.outlet = ${filters.outlet}`);
  const { since, until } = dayRange(filters.from, filters.to);
  if (since !== undefined) where.push(sql`${claimDate} >= ${since}`);
  if (until !== undefined) where.push(sql`${claimDate} < ${until}`);

  const from = sql`FROM claims c
    JOIN articles a ON a.id = c.article_id
    LEFT JOIN parties p ON p.id = c.claimant_party_id
    ${
      match
        ? sql`JOIN (
            SELECT rowid AS id,
              bm25(claims_fts, 4.0, 3.0, 1.0, 1.0) AS score,
              snippet(claims_fts, -1, ${MATCH_START}, ${MATCH_END}, '…', 16) AS snip
            FROM claims_fts WHERE claims_fts MATCH ${match}
          ) f ON f.id = c.id`
        : sql``
    }`;

  const key = { relevance: sql`f.score`, updated: sql`c.updated_at`, newest: claimDate, oldest: claimDate }[sort];
  const ascending = sort === 'relevance' || sort === 'oldest';
  const db = getDb();
  const total = db.get<{ n: number }>(sql`SELECT count(*) AS n ${from} WHERE ${sql.join(where, sql` AND `)}`)?.n ?? 0;

  const page = [...where];
  const cursor = !all && filters.cursor ? decodeCursor(filters.cursor) : null;
  if (cursor) {
    page.push(
      ascending
        ? sql`(${key} > ${cursor.key} OR (${key} = ${cursor.key} AND c.id > ${cursor.id}))`
        : sql`(${key} < ${cursor.key} OR (${key} = ${cursor.key} AND c.id < ${cursor.id}))`,
    );
  }
  const direction = ascending ? sql`ASC` : sql`DESC`;
  const rows = db.all<Row>(sql`
    SELECT c.id AS id, c.slug AS slug, c.statement AS statement, c.status AS status,
      c.status_note AS statusNote, c.anchor_exact AS quote, c.updated_at AS updatedAt,
      ${claimDate} AS claimDate, a.slug AS articleSlug, a.title AS articleTitle, a.outlet AS outlet,
      p.slug AS partySlug, p.name AS partyName,
      ${match ? sql`f.snip` : sql`NULL`} AS snippet, ${key} AS sortKey
    ${from}
    WHERE ${sql.join(page, sql` AND `)}
    ORDER BY ${key} ${direction}, c.id ${direction}
    ${all ? sql`` : sql`LIMIT ${filters.limit + 1}`}`);

  const more = !all && rows.length > filters.limit;
  const pageRows = more ? rows.slice(0, filters.limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    hits: pageRows.map(({ sortKey: _sortKey, ...r }): ClaimHit => ({
      ...r,
      updatedAt: new Date(r.updatedAt),
      claimDate: new Date(r.claimDate),
    })),
    total,
    nextCursor: more && last ? encodeCursor({ key: last.sortKey, id: last.id }) : null,
  };
}

/** Outlets that have published claims, for the outlet filter. */
export function listOutlets() {
  return getDb()
    .all<{ outlet: string }>(
      sql`SELECT DISTINCT a.outlet AS outlet FROM articles a
        WHERE a.outlet <> '' AND EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id AND c.published = 1)
        ORDER BY a.outlet`,
    )
    .map((r) => r.outlet);
}
