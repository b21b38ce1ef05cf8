import 'server-only';
import { aliasedTable, and, asc, desc, eq, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, claims, parties, responses, users } from '@/db/schema';
import type { Status } from '@/lib/status';
import { checkMove, type WorkflowState } from '@/lib/workflow';
import { signOffRequired } from './workflow';

export type BoardFilter = {
  assigneeId?: string | 'none';
  articleId?: number;
  status?: Status;
  workflow?: WorkflowState;
  partyId?: number;
  /** Only claims untouched for at least this many days. */
  olderThanDays?: number;
};

const assignee = aliasedTable(users, 'assignee');

/** Claims for the review board and table, most recently changed first. */
export function listBoardClaims(filter: BoardFilter = {}, now = Date.now()) {
  // Withdrawn claims are finished: nothing left to review.
  const where: SQL[] = [isNull(claims.withdrawnAt)];
  if (filter.assigneeId === 'none') where.push(isNull(claims.assigneeId));
  else if (filter.assigneeId) where.push(eq(claims.assigneeId, filter.assigneeId));
  if (filter.articleId) where.push(eq(claims.articleId, filter.articleId));
  if (filter.status) where.push(eq(claims.status, filter.status));
  if (filter.workflow) where.push(eq(claims.workflow, filter.workflow));
  if (filter.partyId) where.push(eq(claims.claimantPartyId, filter.partyId));
  if (filter.olderThanDays) where.push(lt(claims.updatedAt, new Date(now - filter.olderThanDays * 86_400_000)));
  return getDb()
    .select({
      id: claims.id,
      statement: claims.statement,
      status: claims.status,
      pendingStatus: claims.pendingStatus,
      pendingBy: claims.pendingBy,
      workflow: claims.workflow,
      verdictSetBy: claims.verdictSetBy,
      published: claims.published,
      version: claims.version,
      updatedAt: claims.updatedAt,
      articleId: claims.articleId,
      articleTitle: articles.title,
      demo: articles.demo,
      partyName: parties.name,
      assigneeId: claims.assigneeId,
      assigneeName: assignee.name,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .leftJoin(parties, eq(parties.id, claims.claimantPartyId))
    .leftJoin(assignee, eq(assignee.id, claims.assigneeId))
    .where(and(...where))
    .orderBy(desc(claims.updatedAt), desc(claims.id))
    .limit(500)
    .all();
}

const openReply = and(isNull(responses.stance), isNotNull(responses.requestedAt));

/** How many requests for comment wait for a reply (what listOpenReplies pages through). */
export function countOpenReplies(): number {
  return getDb()
    .select({ n: sql<number>`count(*)` })
    .from(responses)
    .innerJoin(claims, eq(claims.id, responses.claimId))
    .innerJoin(parties, eq(parties.id, responses.partyId))
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(openReply)
    .get()!.n;
}

/**
 * Open requests for comment (no stance yet), overdue first, then by deadline; those without a
 * deadline last. A page of them with `limit` and `offset`: the id breaks ties so pages never overlap.
 */
export function listOpenReplies({ now = new Date(), limit = -1, offset = 0 }: { now?: Date; limit?: number; offset?: number } = {}) {
  return getDb()
    .select({
      responseId: responses.id,
      claimId: claims.id,
      statement: claims.statement,
      partyName: parties.name,
      requestedAt: responses.requestedAt,
      deadlineAt: responses.deadlineAt,
      assigneeId: claims.assigneeId,
      demo: articles.demo,
      overdue: sql<boolean>`${responses.deadlineAt} is not null and ${responses.deadlineAt} < ${now.getTime()}`.mapWith(Boolean),
    })
    .from(responses)
    .innerJoin(claims, eq(claims.id, responses.claimId))
    .innerJoin(parties, eq(parties.id, responses.partyId))
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(openReply)
    .orderBy(sql`${responses.deadlineAt} is null`, asc(responses.deadlineAt), asc(responses.id))
    .limit(limit)
    .offset(offset)
    .all();
}

/** What an editor should act on: claims assigned to them, verdicts others set that they can approve, their overdue replies. */
export function inboxFor({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const signOff = signOffRequired();
  const open = listBoardClaims({}, now.getTime()).filter((c) => c.workflow !== 'published' || c.pendingStatus);
  return {
    assigned: open.filter((c) => c.assigneeId === userId && c.workflow !== 'ready_for_review'),
    // Only what this editor may approve (lib/workflow.ts), so the inbox never lists a refused approval.
    toReview: open.filter((c) => c.workflow === 'ready_for_review' && checkMove(c.workflow, 'published', { ...c, actorId: userId, signOffRequired: signOff }).ok),
    overdue: listOpenReplies({ now }).filter((r) => r.overdue && r.assigneeId === userId),
  };
}
