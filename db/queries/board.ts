import 'server-only';
import { aliasedTable, and, asc, desc, eq, gt, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
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

/** The most claims the board and table show at once: a page of the most recently changed of those its filters match. */
export const BOARD_LIMIT = 500;

/**
 * Where a page of the board starts: just older (`after`) or just newer (`before`) than a claim as it
 * was last changed. Pages are cut by the claims themselves, not by counting: a claim changed while
 * someone pages moves to the first page, and every other claim stays on the page it was on, none
 * shown twice or skipped, as an offset would when the list moves under it.
 */
export type BoardCursor = { dir: 'after' | 'before'; at: number; id: number };

/**
 * A page of claims for the review board and table, most recently changed first: BOARD_LIMIT of them
 * from `cursor` (the first page without one), how many the filters match in all, and how many come
 * before this page (its first claim is number `offset + 1`).
 */
export function listBoardClaims(filter: BoardFilter = {}, { cursor, now = Date.now(), limit = BOARD_LIMIT }: { cursor?: BoardCursor; now?: number; limit?: number } = {}) {
  const where = boardFilter(filter, now);
  const count = (condition: SQL | undefined) => getDb().select({ n: sql<number>`count(*)` }).from(claims).where(condition).get()!.n;
  let rows = cursor ? boardClaims(and(where, beside(cursor)), limit, cursor.dir === 'before' ? 'asc' : 'desc') : [];
  if (cursor?.dir === 'before') rows.reverse();
  // Back to the start, or a cursor with nothing beyond it (the list changed meanwhile): the first page, whole.
  if (!cursor || (cursor.dir === 'before' && rows.length < limit) || rows.length === 0) {
    rows = boardClaims(where, limit, 'desc');
    return { rows, total: rows.length < limit ? rows.length : count(where), offset: 0 };
  }
  const first = rows[0]!;
  return { rows, total: count(where), offset: count(and(where, beside({ dir: 'before', at: first.updatedAt.getTime(), id: first.id }))) };
}

/** The claims just newer or just older than the cursor's, in the board's order (changed, then id). */
function beside({ dir, at, id }: BoardCursor): SQL | undefined {
  const when = new Date(at);
  return dir === 'after'
    ? or(lt(claims.updatedAt, when), and(eq(claims.updatedAt, when), lt(claims.id, id)))
    : or(gt(claims.updatedAt, when), and(eq(claims.updatedAt, when), gt(claims.id, id)));
}

function boardFilter(filter: BoardFilter, now: number) {
  // Withdrawn claims are finished: nothing left to review.
  const where: SQL[] = [isNull(claims.withdrawnAt)];
  if (filter.assigneeId === 'none') where.push(isNull(claims.assigneeId));
  else if (filter.assigneeId) where.push(eq(claims.assigneeId, filter.assigneeId));
  if (filter.articleId) where.push(eq(claims.articleId, filter.articleId));
  if (filter.status) where.push(eq(claims.status, filter.status));
  if (filter.workflow) where.push(eq(claims.workflow, filter.workflow));
  if (filter.partyId) where.push(eq(claims.claimantPartyId, filter.partyId));
  if (filter.olderThanDays) where.push(lt(claims.updatedAt, new Date(now - filter.olderThanDays * 86_400_000)));
  return and(...where);
}

/** Claims as the board shows them, most recently changed first (`asc`: the other way, to read a page backwards). */
function boardClaims(where: SQL | undefined, limit: number, order: 'asc' | 'desc' = 'desc') {
  const by = order === 'asc' ? asc : desc;
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
    .where(where)
    .orderBy(by(claims.updatedAt), by(claims.id))
    .limit(limit)
    .all();
}

/**
 * A request for comment still waiting for its answer, on a claim that was not withdrawn (a withdrawn
 * claim's editor form is closed, so nobody could record the answer). Every query using it joins claims.
 */
export const openReply = and(isNull(responses.stance), isNotNull(responses.requestedAt), isNull(claims.withdrawnAt));

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
  return openReplies(openReply, now, limit, offset);
}

function openReplies(where: SQL | undefined, now: Date, limit: number, offset = 0) {
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
    .where(where)
    .orderBy(sql`${responses.deadlineAt} is null`, asc(responses.deadlineAt), asc(responses.id))
    .limit(limit)
    .offset(offset)
    .all();
}

/** How many items each section of the inbox lists; its heading counts them all, and a link leads to the rest. */
export const INBOX_LIMIT = 100;

/**
 * What an editor should act on: claims assigned to them, verdicts others set that they can approve,
 * their overdue replies. Each section is its first INBOX_LIMIT items, most recently changed (replies:
 * longest overdue) first, with the count of all of them: on a newsroom of a hundred thousand claims
 * the inbox reads the editor's own claims and the claims waiting for review, never every open claim
 * or every open request.
 */
export function inboxFor({ userId, now = new Date(), limit = INBOX_LIMIT }: { userId: string; now?: Date; limit?: number }) {
  // Still open: not yet published, or a change to a published verdict waiting for sign-off.
  const open = and(isNull(claims.withdrawnAt), sql`(${claims.workflow} != 'published' or ${claims.pendingStatus} is not null)`);
  const assigned = and(open, eq(claims.assigneeId, userId), ne(claims.workflow, 'ready_for_review'));
  // checkMove(…, 'published') (lib/workflow.ts) in SQL: under sign-off, not a verdict this editor set
  // or proposed. The rows are checked with it as well.
  const signOff = signOffRequired();
  const reviewable = and(
    isNull(claims.withdrawnAt),
    eq(claims.workflow, 'ready_for_review'),
    signOff ? sql`coalesce(${claims.pendingBy}, ${claims.verdictSetBy}) is not ${userId}` : undefined,
  );
  const overdue = and(openReply, lt(responses.deadlineAt, now), eq(claims.assigneeId, userId));
  const countClaims = (where: SQL | undefined) => getDb().select({ n: sql<number>`count(*)` }).from(claims).where(where).get()!.n;
  return {
    assigned: boardClaims(assigned, limit),
    assignedTotal: countClaims(assigned),
    toReview: boardClaims(reviewable, limit).filter((c) => checkMove(c.workflow, 'published', { ...c, actorId: userId, signOffRequired: signOff }).ok),
    toReviewTotal: countClaims(reviewable),
    overdue: openReplies(overdue, now, limit),
    overdueTotal: getDb().select({ n: sql<number>`count(*)` }).from(responses).innerJoin(claims, eq(claims.id, responses.claimId)).where(overdue).get()!.n,
  };
}
