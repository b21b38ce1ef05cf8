import 'server-only';
import { and, eq, inArray, notExists, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, claimSources, claims, parties, responses, sources } from '@/db/schema';
import { deleteClaimRows } from './lifecycle';
import { write, type Tx } from './tx';

/**
 * The demo newsroom loaded on a first start (db/seed.ts) is marked row by row
 * (articles, parties and sources `demo`; a claim is demo when its article is), so
 * it can be labelled wherever it shows and removed in one action without
 * touching anything the newsroom made.
 */

/** Marks what the seed just made as demo content. */
export function markDemo(input: { articleIds: number[]; partyIds: number[]; sourceUrls: string[] }): void {
  write((tx) => {
    if (input.articleIds.length) tx.update(articles).set({ demo: true }).where(inArray(articles.id, input.articleIds)).run();
    if (input.partyIds.length) tx.update(parties).set({ demo: true }).where(inArray(parties.id, input.partyIds)).run();
    if (input.sourceUrls.length) tx.update(sources).set({ demo: true }).where(inArray(sources.url, input.sourceUrls)).run();
  });
}

export function hasDemoContent(): boolean {
  return getDb().select({ id: articles.id }).from(articles).where(eq(articles.demo, true)).limit(1).get() !== undefined;
}

export type DemoRemoval = { articleIds: number[]; claimIds: number[]; partyIds: number[]; keptPartyIds: number[] };

/**
 * Removes every demo row and nothing else: the demo articles with their revisions and
 * claims (history, citations, responses, appearances and search entries included), and
 * the demo parties and sources nothing else uses. A demo party or source that a
 * newsroom claim or response also uses is kept and becomes the newsroom's own.
 */
export function removeDemoContent(): DemoRemoval {
  return write((tx) => {
    const articleIds = tx.select({ id: articles.id }).from(articles).where(eq(articles.demo, true)).all().map((a) => a.id);
    const claimIds = articleIds.length
      ? tx.select({ id: claims.id }).from(claims).where(inArray(claims.articleId, articleIds)).all().map((c) => c.id)
      : [];
    deleteClaimRows(tx, claimIds);
    if (articleIds.length) tx.delete(articles).where(inArray(articles.id, articleIds)).run();

    const demoParties = tx.select({ id: parties.id }).from(parties).where(eq(parties.demo, true)).all().map((p) => p.id);
    const keptPartyIds = demoParties.filter((id) => partyInUse(tx, id));
    const partyIds = demoParties.filter((id) => !keptPartyIds.includes(id));
    if (partyIds.length) tx.delete(parties).where(inArray(parties.id, partyIds)).run();
    if (keptPartyIds.length) tx.update(parties).set({ demo: false }).where(inArray(parties.id, keptPartyIds)).run();

    const unused = and(
      eq(sources.demo, true),
      notExists(tx.select({ one: sql`1` }).from(claimSources).where(eq(claimSources.sourceId, sources.id))),
      notExists(tx.select({ one: sql`1` }).from(responses).where(eq(responses.sourceId, sources.id))),
    );
    tx.delete(sources).where(unused).run();
    tx.update(sources).set({ demo: false }).where(eq(sources.demo, true)).run();
    return { articleIds, claimIds, partyIds, keptPartyIds };
  });
}

function partyInUse(tx: Tx, partyId: number): boolean {
  const claimant = tx.select({ id: claims.id }).from(claims).where(eq(claims.claimantPartyId, partyId)).limit(1).get();
  const responder = tx.select({ id: responses.id }).from(responses).where(eq(responses.partyId, partyId)).limit(1).get();
  return claimant !== undefined || responder !== undefined;
}
