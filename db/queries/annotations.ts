import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import type { AnchorState } from '@/lib/anchor';
import type { Status } from '@/lib/status';
import { claimIsPublic } from './visibility';

/** One place a claim was made: an article and the claim's anchor in its current text. */
export type AnnotationTarget = {
  articleId: number;
  articleSlug: string;
  canonicalUrl: string | null;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  anchorState: AnchorState;
};

export type AnnotationClaim = {
  id: number;
  slug: string;
  statement: string;
  status: Status;
  statusNote: string;
  createdAt: Date;
  updatedAt: Date;
  /** The original article first, then the other articles it appeared in. */
  targets: AnnotationTarget[];
};

type Row = Omit<AnnotationClaim, 'targets' | 'createdAt' | 'updatedAt'> & { createdAt: number; updatedAt: number };
type TargetRow = AnnotationTarget & { claimId: number; own: number };

/** Public claims with every place they were made, in the order of `ids` (unknown and unpublished ids left out). */
function annotationClaims(ids: number[]): AnnotationClaim[] {
  if (!ids.length) return [];
  const db = getDb();
  const list = sql.join(ids.map((id) => sql`${id}`), sql`, `);
  const rows = db.all<Row>(sql`
    SELECT c.id, c.slug, c.statement, c.status, c.status_note AS statusNote,
      c.created_at AS createdAt, c.updated_at AS updatedAt
    FROM claims c WHERE c.id IN (${list}) AND ${claimIsPublic('c')}`);
  const targets = db.all<TargetRow>(sql`
    SELECT c.id AS claimId, 1 AS own, a.id AS articleId, a.slug AS articleSlug, a.canonical_url AS canonicalUrl,
      c.anchor_start AS start, c.anchor_end AS "end", c.anchor_exact AS exact, c.anchor_prefix AS prefix,
      c.anchor_suffix AS suffix, c.anchor_state AS anchorState
    FROM claims c JOIN articles a ON a.id = c.article_id
    WHERE c.id IN (${list})
    UNION ALL
    SELECT ca.claim_id, 0, a.id, a.slug, a.canonical_url, ca.anchor_start, ca.anchor_end, ca.anchor_exact,
      ca.anchor_prefix, ca.anchor_suffix, ca.anchor_state
    FROM claim_appearances ca JOIN articles a ON a.id = ca.article_id
    WHERE ca.claim_id IN (${list})
    ORDER BY claimId, own DESC, articleId`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        ...row,
        createdAt: new Date(row.createdAt),
        updatedAt: new Date(row.updatedAt),
        targets: targets.filter((t) => t.claimId === id).map(({ claimId: _c, own: _o, ...t }) => t),
      },
    ];
  });
}

/** A public claim as a Web Annotation sees it, or undefined for unknown ids and drafts. */
export function getClaimAnnotation({ id }: { id: number }): AnnotationClaim | undefined {
  return annotationClaims([id])[0];
}

/**
 * One page of the public claims made in an article (first made there or appearing there),
 * in reading order, and how many there are in all.
 */
export function listArticleAnnotations({ articleId, offset, limit }: { articleId: number; offset: number; limit: number }) {
  const db = getDb();
  const inArticle = sql`
    SELECT c.id AS id, c.anchor_start AS start, c.anchor_end AS "end" FROM claims c
    WHERE c.article_id = ${articleId} AND ${claimIsPublic('c')}
    UNION ALL
    SELECT c.id, ca.anchor_start, ca.anchor_end FROM claim_appearances ca JOIN claims c ON c.id = ca.claim_id
    WHERE ca.article_id = ${articleId} AND ${claimIsPublic('c')}`;
  const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM (${inArticle})`)?.n ?? 0;
  const ids = db
    .all<{ id: number }>(sql`SELECT id FROM (${inArticle}) ORDER BY start, "end", id LIMIT ${limit} OFFSET ${offset}`)
    .map((r) => r.id);
  return { total, claims: annotationClaims(ids) };
}
