import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { policyRevisions, users } from '@/db/schema';
import { AppError, fieldError } from '@/lib/errors';
import { sameRendering } from '@/lib/markdown';
import { DEFAULT_POLICY_TEXT, POLICY_PAGES, type PolicyPage } from '@/lib/policies';
import { write } from './tx';

export type PolicyVersion = { id: number; body: string; note: string; createdAt: Date | null; author: string | null };

/**
 * The text readers see: the newest saved version, or the default text (id 0) on a database
 * no one has seeded, so a page never goes blank.
 */
export function getPolicy({ page }: { page: PolicyPage }): PolicyVersion {
  const row = getDb()
    .select({ id: policyRevisions.id, body: policyRevisions.body, note: policyRevisions.note, createdAt: policyRevisions.createdAt, author: users.name })
    .from(policyRevisions)
    .leftJoin(users, eq(users.id, policyRevisions.createdBy))
    .where(eq(policyRevisions.page, page))
    .orderBy(desc(policyRevisions.id))
    .limit(1)
    .get();
  return row ?? { id: 0, body: DEFAULT_POLICY_TEXT[page], note: '', createdAt: null, author: null };
}

/** Every saved version of a page, newest first. */
export function listPolicyHistory({ page }: { page: PolicyPage }): PolicyVersion[] {
  return getDb()
    .select({ id: policyRevisions.id, body: policyRevisions.body, note: policyRevisions.note, createdAt: policyRevisions.createdAt, author: users.name })
    .from(policyRevisions)
    .leftJoin(users, eq(users.id, policyRevisions.createdBy))
    .where(eq(policyRevisions.page, page))
    .orderBy(desc(policyRevisions.id))
    .all();
}

/**
 * Saves a new version. `baseId` is the version the admin's form started from: when another
 * admin saved since, the save is refused with theirs, so neither text is lost.
 */
export function savePolicy(input: { page: PolicyPage; body: string; note: string; baseId: number; actorId: string }) {
  return write((tx) => {
    const latest = tx
      .select({ id: policyRevisions.id, body: policyRevisions.body })
      .from(policyRevisions)
      .where(eq(policyRevisions.page, input.page))
      .orderBy(desc(policyRevisions.id))
      .limit(1)
      .get();
    if ((latest?.id ?? 0) !== input.baseId) throw new AppError('conflict', { detail: { version: latest?.id ?? 0, body: latest?.body ?? '' } });
    // Publishing the text readers already see added a version that changed nothing to the page's public history.
    if (latest && sameRendering(latest.body, input.body)) {
      throw fieldError('body', 'This is the text readers see now: change it before publishing a new version.');
    }
    return tx
      .insert(policyRevisions)
      .values({ page: input.page, body: input.body, note: input.note, createdBy: input.actorId })
      .returning({ id: policyRevisions.id })
      .get();
  });
}

/** Stores the default text of every page that has no version yet (first run, or an older database). */
export function seedPolicies(now = new Date()): number {
  return write((tx) => {
    let added = 0;
    for (const page of POLICY_PAGES) {
      const has = tx.select({ n: sql<number>`1` }).from(policyRevisions).where(and(eq(policyRevisions.page, page))).limit(1).get();
      if (has) continue;
      tx.insert(policyRevisions).values({ page, body: DEFAULT_POLICY_TEXT[page], note: 'Default text', createdAt: now }).run();
      added += 1;
    }
    return added;
  });
}
