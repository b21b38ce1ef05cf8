import 'server-only';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { preparedQuery } from '@/db';
import { claimAppearances, claims, responses } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { Tx } from './tx';

/** What a change to a claim touched, for cache invalidation (see claimTags in lib/server/cache.ts). */
export type ClaimScope = {
  id: number;
  articleIds: number[];
  partyIds: number[];
  /** A party started or stopped being shown to readers (a response saved or removed: watchShownParties). */
  partiesShown?: boolean;
  /** The home page's most disputed changed (a response or source saved: watchMostDisputed). */
  disputedChanged?: boolean;
};

/**
 * Marks a claim as changed by a source or response edit and returns what its
 * pages depend on. Moves updated_at (the reader's "updated" date) but not
 * `version`: version is the claim editor form's optimistic lock, and a source
 * or response saved beside an open claim form must not make that form conflict.
 */
export function touchClaim(tx: Tx, claimId: number, at: Date): ClaimScope {
  // Its claimant's page lists it most recently updated first; the pages of the parties that
  // responded show its statement and status, which a source or response does not change (the
  // writer adds the party of a response it saves, before and after).
  const scope = claimScope(tx, claimId, { responders: false });
  scopeQueries().touch.run({ id: claimId, at: at.getTime() });
  return scope;
}

// A save's reads and write of its claim, built once; run on the connection `tx` is a transaction of.
const scopeQueries = preparedQuery((db) => ({
  claim: db
    .select({ id: claims.id, articleId: claims.articleId, claimantPartyId: claims.claimantPartyId })
    .from(claims)
    .where(eq(claims.id, sql.placeholder('id')))
    .prepare(),
  appearances: db.select({ articleId: claimAppearances.articleId }).from(claimAppearances).where(eq(claimAppearances.claimId, sql.placeholder('id'))).prepare(),
  // Never backwards: seeded or imported history may be recorded with an earlier date.
  touch: db
    .update(claims)
    .set({ updatedAt: sql`max(${claims.updatedAt}, ${sql.placeholder('at')})` })
    .where(eq(claims.id, sql.placeholder('id')))
    .prepare(),
}));

/**
 * What a claim's pages depend on: the claim, every article it appears in, its claimant and (unless
 * `responders` is false) the parties that responded.
 */
export function claimScope(tx: Tx, claimId: number, { responders = true } = {}): ClaimScope {
  const claim = scopeQueries().claim.get({ id: claimId });
  if (!claim) throw new AppError('not_found');
  const appearances = scopeQueries().appearances.all({ id: claimId });
  return {
    id: claim.id,
    articleIds: [...new Set([claim.articleId, ...appearances.map((a) => a.articleId)])],
    partyIds: responders ? partiesOfClaims(tx, [claimId]) : claim.claimantPartyId === null ? [] : [claim.claimantPartyId],
  };
}

/**
 * The parties whose pages show these claims: their claimants and every party that responded to
 * one. A party page lists the party's claims and its responses with each claim's statement and
 * status, and counts both.
 */
export function partiesOfClaims(tx: Tx, claimIds: readonly number[]): number[] {
  if (!claimIds.length) return [];
  const claimants = tx
    .selectDistinct({ partyId: claims.claimantPartyId })
    .from(claims)
    .where(and(inArray(claims.id, [...claimIds]), isNotNull(claims.claimantPartyId)))
    .all();
  const responders = tx
    .selectDistinct({ partyId: responses.partyId })
    .from(responses)
    .where(inArray(responses.claimId, [...claimIds]))
    .all();
  return [...new Set([...claimants, ...responders].map((r) => r.partyId).filter((id): id is number => id !== null))];
}
