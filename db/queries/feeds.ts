import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import type { FeedEvent } from '@/lib/atom';
import type { Status } from '@/lib/status';
import { INTERNAL_EVENT_KINDS } from '@/lib/events';
import { claimIsPublic } from './visibility';

type Scope = { claimId: number } | { articleId: number } | { partyId: number } | Record<string, never>;

/**
 * History entries of published claims, newest first, for Atom feeds. A claim's
 * own feed has its whole history; the site, article and party feeds carry the
 * moments a status was set: status changes, publication, and claims created published.
 */
export function listFeedEvents({ scope, limit = 50 }: { scope: Scope; limit?: number }): FeedEvent[] {
  // Newsroom-internal steps (lib/events.ts) are never published.
  const internal = sql.join(INTERNAL_EVENT_KINDS.map((k) => sql`${k}`), sql`, `);
  const where: SQL[] = [claimIsPublic('c'), sql`e.kind NOT IN (${internal})`];
  if ('claimId' in scope) {
    where.push(sql`c.id = ${scope.claimId}`);
  } else {
    where.push(sql`(e.kind IN ('status_changed', 'corrected', 'published')
      OR (e.kind = 'created' AND json_extract(e.after, '$.published') = 1))`);
  }
  if ('articleId' in scope) {
    where.push(sql`(c.article_id = ${scope.articleId} OR c.id IN (
      SELECT claim_id FROM claim_appearances WHERE article_id = ${scope.articleId}))`);
  }
  if ('partyId' in scope) {
    where.push(sql`(c.claimant_party_id = ${scope.partyId} OR c.id IN (
      SELECT claim_id FROM responses WHERE party_id = ${scope.partyId}))`);
  }
  const rows = getDb().all<{
    id: number;
    at: number;
    kind: string;
    before: string | null;
    after: string | null;
    claimId: number;
    claimSlug: string;
    statement: string;
    status: Status;
    articleTitle: string;
    demo: number;
  }>(sql`
    SELECT e.id AS id, e.at AS at, e.kind AS kind, e.before AS before, e.after AS after,
      c.id AS claimId, c.slug AS claimSlug, c.statement AS statement, c.status AS status,
      a.title AS articleTitle, a.demo AS demo
    FROM claim_events e
    JOIN claims c ON c.id = e.claim_id
    JOIN articles a ON a.id = c.article_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY e.at DESC, e.id DESC
    LIMIT ${limit}`);
  return rows.map((r) => ({
    ...r,
    at: new Date(r.at),
    demo: r.demo === 1,
    before: r.before ? (JSON.parse(r.before) as Record<string, unknown>) : null,
    after: r.after ? (JSON.parse(r.after) as Record<string, unknown>) : null,
  }));
}
