import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from './tx';

/*
 * What readers may see, decided in one place. A claim is public while it is published.
 * Nothing else is public on its own: a party, a source or an appearance of a claim in
 * another article is public only through a public claim (a party as its claimant or
 * responder, a source as it cites it, an appearance as its own). A row is never marked
 * public; it is derived on every read, so publishing, unpublishing, merging or deleting
 * a claim can never leave something visible that no public claim shows.
 * Every reader surface (pages, API, claims filter, feeds) reads through these, and the
 * caches of those surfaces depend on the lists tag, which every claim change invalidates (a
 * response saved to a claim only when it changes which parties are shown: watchShownParties).
 */

/** The condition that claim alias `c` (an SQL alias in the caller's query) is public. */
export const claimIsPublic = (c: string): SQL => sql.raw(`${c}.published = 1`);

/** A party is public while a public claim names it as claimant or has its response. */
export const partyIsPublic = (partyId: SQL): SQL =>
  sql`(EXISTS (SELECT 1 FROM claims vc WHERE vc.claimant_party_id = ${partyId} AND ${claimIsPublic('vc')})
    OR EXISTS (SELECT 1 FROM responses vr JOIN claims vc ON vc.id = vr.claim_id
      WHERE vr.party_id = ${partyId} AND ${claimIsPublic('vc')}))`;

/**
 * Whether a write changes which of these parties readers see: call it inside the write's
 * transaction before the change, and the function it returns after. A response shows its party
 * when its claim is public, so saving or removing one may make a party appear in (or leave) the
 * lists of parties: the claims filter, the API's parties, a party page that was not found.
 */
export function watchShownParties(tx: Tx, partyIds: readonly number[]): () => boolean {
  const shown = () =>
    partyIds.length
      ? tx
          .all<{ id: number }>(sql`SELECT p.id AS id FROM parties p
            WHERE p.id IN (${sql.join(partyIds.map((id) => sql`${id}`), sql`, `)}) AND ${partyIsPublic(sql`p.id`)}`)
          .map((row) => row.id)
          .sort((a, b) => a - b)
          .join(' ')
      : '';
  const before = shown();
  return () => shown() !== before;
}
