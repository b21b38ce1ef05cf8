import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import type { Status } from '@/lib/status';
import type { Stance } from '@/lib/vocabulary';
import type { Tx } from './tx';
import { claimIsPublic, partyIsPublic } from './visibility';

/** Lists for reader pages and the API that cut across entities (published claims only). */

type ClaimRow = {
  id: number;
  slug: string;
  statement: string;
  status: Status;
  updatedAt: number;
  articleSlug: string;
  articleTitle: string;
  partySlug: string | null;
  partyName: string | null;
  demo: number;
};

const claimColumns = sql`c.id AS id, c.slug AS slug, c.statement AS statement, c.status AS status,
  c.updated_at AS updatedAt, a.slug AS articleSlug, a.title AS articleTitle,
  p.slug AS partySlug, p.name AS partyName, a.demo AS demo`;
const claimJoins = sql`JOIN articles a ON a.id = c.article_id LEFT JOIN parties p ON p.id = c.claimant_party_id`;
const withDates = <T extends { updatedAt: number; demo: number }>({ updatedAt, demo, ...r }: T) => ({
  ...(r as Omit<T, 'updatedAt' | 'demo'>),
  updatedAt: new Date(updatedAt),
  demo: demo === 1,
});

/**
 * The most contested claims: most parties disputing or denying them, then
 * disputed and false claims, most recently updated first. `disputes` is kept by triggers
 * (claims.disputes in db/schema.ts), and the WHERE and ORDER BY are those of the partial index
 * claims_disputed_idx, written as it is (literals, not parameters), so SQLite reads the first
 * `limit` entries of that index instead of counting every response of every claim (about 140 ms
 * over 100,000 claims, on every render of the home page).
 */
export function listMostDisputedClaims({ limit = MOST_DISPUTED_SHOWN }: { limit?: number } = {}) {
  return getDb().all<ClaimRow & { disputes: number }>(mostDisputedQuery(limit)).map(withDates);
}

/** How many of the most disputed the home page shows (readMostDisputed). */
export const MOST_DISPUTED_SHOWN = 5;

/**
 * Whether a write changes the most disputed as the home page shows them (its rows, their order):
 * call it inside the write's transaction before the change, and the function it returns after.
 * A response or source saved to a claim moves that claim's last change, and a disputing response
 * its count, which changes the list only when the claim is on it or enters it; every such save
 * dropping the list had the home page rendered again after each one during a reader spike
 * (docs/performance.md). Two reads of the list's index, a few entries each.
 */
export function watchMostDisputed(tx: Tx): () => boolean {
  const shown = () => JSON.stringify(tx.all(mostDisputedQuery(MOST_DISPUTED_SHOWN)));
  const before = shown();
  return () => shown() !== before;
}

/** listMostDisputedClaims' SQL (its test reads the plan SQLite makes of it). */
export const mostDisputedQuery = (limit: number) =>
  sql`SELECT ${claimColumns}, c.disputes AS disputes
    FROM claims c ${claimJoins}
    WHERE ${claimIsPublic('c')} AND (c.disputes > 0 OR c.status IN ('disputed', 'false'))
    ORDER BY c.disputes DESC, c.status = 'disputed' DESC, c.updated_at DESC, c.id DESC
    LIMIT ${limit}`;

/**
 * A party's published claims, most recently updated first (the id settles ties, so pages never
 * overlap or skip while nothing changes); every one of them without `limit`.
 */
export function listPartyClaims({ partyId, limit = -1, offset = 0 }: { partyId: number; limit?: number; offset?: number }) {
  return getDb()
    .all<ClaimRow>(
      sql`SELECT ${claimColumns} FROM claims c ${claimJoins}
      WHERE ${claimIsPublic('c')} AND c.claimant_party_id = ${partyId}
      ORDER BY c.updated_at DESC, c.id DESC LIMIT ${limit} OFFSET ${offset}`,
    )
    .map(withDates);
}

/** A party's responses on published claims, latest first (optionally of some stances only); all of them without `limit`. */
export function listPartyResponses({ partyId, stances, limit = -1, offset = 0 }: { partyId: number; stances?: readonly Stance[]; limit?: number; offset?: number }) {
  return getDb()
    .all<{
      id: number;
      stance: Stance | null;
      quote: string;
      respondedAt: number | null;
      requestedAt: number | null;
      deadlineAt: number | null;
      claimId: number;
      claimSlug: string;
      statement: string;
      status: Status;
    }>(
      sql`SELECT r.id AS id, r.stance AS stance, r.quote AS quote, r.responded_at AS respondedAt,
        r.requested_at AS requestedAt, r.deadline_at AS deadlineAt,
        c.id AS claimId, c.slug AS claimSlug, c.statement AS statement, c.status AS status
      FROM responses r JOIN claims c ON c.id = r.claim_id
      WHERE ${claimIsPublic('c')} AND r.party_id = ${partyId}
        ${stances ? sql`AND r.stance IN ${stances}` : sql``}
      ORDER BY coalesce(r.responded_at, r.requested_at, r.created_at) DESC, r.id DESC LIMIT ${limit} OFFSET ${offset}`,
    )
    .map((r) => ({
      ...r,
      respondedAt: r.respondedAt === null ? null : new Date(r.respondedAt),
      requestedAt: r.requestedAt === null ? null : new Date(r.requestedAt),
      deadlineAt: r.deadlineAt === null ? null : new Date(r.deadlineAt),
    }));
}

/** All of a party's published claims and its responses on published claims (the API's party detail). */
export function getPartyActivity({ partyId }: { partyId: number }) {
  return { claims: listPartyClaims({ partyId }), responses: listPartyResponses({ partyId }) };
}

/** Every public party (see visibility.ts) with how many published claims it made and how many responses it gave on them. */
export function listPartiesWithCounts() {
  return getDb().all<{ id: number; slug: string; name: string; kind: string; description: string; url: string | null; demo: 0 | 1; claims: number; responses: number }>(
    sql`SELECT p.id AS id, p.slug AS slug, p.name AS name, p.kind AS kind, p.description AS description, p.url AS url, p.demo AS demo,
      (SELECT count(*) FROM claims c WHERE c.claimant_party_id = p.id AND ${claimIsPublic('c')}) AS claims,
      (SELECT count(*) FROM responses r JOIN claims c ON c.id = r.claim_id
        WHERE r.party_id = p.id AND ${claimIsPublic('c')}) AS responses
    FROM parties p WHERE ${partyIsPublic(sql`p.id`)} ORDER BY p.name, p.id`,
  );
}

/**
 * Articles newest first (by publication, else creation), keyset-paged after
 * `after` (the last row's sort key and id), with their count of published claims.
 */
export function listArticlesPage({ limit, after }: { limit: number; after?: { key: number; id: number } | null }) {
  const key = sql`coalesce(a.published_at, a.created_at)`;
  const rows = getDb().all<{
    id: number;
    slug: string;
    title: string;
    outlet: string;
    author: string;
    publishedAt: number | null;
    canonicalUrl: string | null;
    updatedAt: number;
    claims: number;
    sortKey: number;
  }>(sql`SELECT a.id AS id, a.slug AS slug, a.title AS title, a.outlet AS outlet, a.author AS author,
      a.published_at AS publishedAt, a.canonical_url AS canonicalUrl, a.updated_at AS updatedAt,
      (SELECT count(*) FROM claims c WHERE c.article_id = a.id AND ${claimIsPublic('c')}) AS claims,
      ${key} AS sortKey
    FROM articles a
    WHERE a.current_revision_id IS NOT NULL
      ${after ? sql`AND (${key} < ${after.key} OR (${key} = ${after.key} AND a.id < ${after.id}))` : sql``}
    ORDER BY ${key} DESC, a.id DESC
    LIMIT ${limit + 1}`);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    articles: page.map(({ sortKey: _k, ...a }) => ({
      ...a,
      publishedAt: a.publishedAt === null ? null : new Date(a.publishedAt),
      updatedAt: new Date(a.updatedAt),
    })),
    next: more && last ? { key: last.sortKey, id: last.id } : null,
  };
}
