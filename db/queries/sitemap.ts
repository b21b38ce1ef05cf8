import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import type { SitemapKind } from '@/lib/sitemap';
import { claimIsPublic, partyIsPublic } from './visibility';

/** What readers can open, row by row: published claims, articles with a text, parties a published claim names (visibility.ts). */
const PUBLIC_ROWS: Record<SitemapKind, ReturnType<typeof sql>> = {
  claims: sql`FROM claims c WHERE ${claimIsPublic('c')}`,
  articles: sql`FROM articles a WHERE a.current_revision_id IS NOT NULL`,
  parties: sql`FROM parties p WHERE ${partyIsPublic(sql`p.id`)}`,
};

/** How many pages of each kind readers can open. */
export function countSitemapRows(): Record<SitemapKind, number> {
  const count = (kind: SitemapKind) => getDb().get<{ n: number }>(sql`SELECT count(*) AS n ${PUBLIC_ROWS[kind]}`)!.n;
  return { claims: count('claims'), articles: count('articles'), parties: count('parties') };
}

export type SitemapRow = { id: number; slug: string; updatedAt: number | null };

/**
 * One file's rows of a kind, oldest first (a row keeps its file while rows are added), with the
 * time its page last changed: a claim's own; an article's or its published claims', which it
 * lists with their statuses; none for a party, whose page follows every claim and response naming it.
 */
export function listSitemapRows({ kind, offset, limit }: { kind: SitemapKind; offset: number; limit: number }): SitemapRow[] {
  const updated = {
    claims: sql`c.updated_at`,
    articles: sql`max(a.updated_at, coalesce((SELECT max(ac.updated_at) FROM claims ac WHERE ac.article_id = a.id AND ${claimIsPublic('ac')}), 0))`,
    parties: sql`NULL`,
  }[kind];
  const alias = sql.raw(kind[0]!);
  return getDb().all<SitemapRow>(
    sql`SELECT ${alias}.id AS id, ${alias}.slug AS slug, ${updated} AS updatedAt ${PUBLIC_ROWS[kind]} ORDER BY ${alias}.id LIMIT ${limit} OFFSET ${offset}`,
  );
}

/** When each policy page's current text was saved. */
export function listPolicyDates(): { page: string; savedAt: number }[] {
  return getDb().all(sql`SELECT page, max(created_at) AS savedAt FROM policy_revisions GROUP BY page`);
}
