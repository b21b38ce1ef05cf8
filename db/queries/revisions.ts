import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { articleRevisions, articles, claimAppearances, claims } from '@/db/schema';
import {
  compareBodies,
  createAnchor,
  locateAnchor,
  type Anchor,
  type AnchorState,
  type BodyChange,
} from '@/lib/anchor';
import { AppError, fieldError } from '@/lib/errors';
import { normalizeBody } from '@/lib/text';
import { bodyHash } from './articles';
import { partiesOfClaims } from './claim-scope';
import { recordEvent, write, type Tx } from './tx';

/** What a revise form written against an older revision is shown: the revision saved in the meantime. */
export type RevisionConflict = { revisionId: number; body: string; savedAt: string };

export type ReanchorCounts = { kept: number; moved: number; fuzzy: number; orphaned: number };

export type AnchorRow = {
  anchorStart: number;
  anchorEnd: number;
  anchorExact: string;
  anchorPrefix: string;
  anchorSuffix: string;
  anchorState: AnchorState;
  anchorScore: number | null;
  revisionId: number;
};

export const anchorOf = (row: AnchorRow): Anchor => ({
  start: row.anchorStart,
  end: row.anchorEnd,
  exact: row.anchorExact,
  prefix: row.anchorPrefix,
  suffix: row.anchorSuffix,
});

/**
 * Stores a new revision of an article (the old ones are kept) and re-anchors
 * every claim and appearance in it, in the same transaction. Anchors that moved,
 * changed or were lost get a `reanchored` event and a new claim version; a fuzzy
 * anchor keeps its old quote beside the proposed span until an editor reviews it;
 * an orphaned one keeps its last known quote and position in its old revision.
 * `baseRevisionId` is the revision the editor's text was written against: when
 * another revision was saved since, the save is refused (a conflict carrying the
 * newer text) rather than silently replacing that editor's revision.
 */
export function createRevision(input: RevisionInput) {
  return write((tx) => createRevisionIn(tx, input));
}

type RevisionInput = { articleId: number; body: string; actorId: string | null; at?: Date; baseRevisionId?: number };

/** createRevision inside the caller's transaction (accepting an outlet's change records its decision in the same one). */
export function createRevisionIn(tx: Tx, input: RevisionInput) {
  const body = normalizeBody(input.body);
  if (!body) throw fieldError('body', 'Paste the full text of the revised article.');
  const at = input.at ?? new Date();
  const article = tx.select().from(articles).where(eq(articles.id, input.articleId)).get();
  if (!article?.currentRevisionId) throw new AppError('not_found');
  const hash = bodyHash(body);
  const current = tx
    .select({ id: articleRevisions.id, bodyHash: articleRevisions.bodyHash, body: articleRevisions.body, createdAt: articleRevisions.createdAt })
    .from(articleRevisions)
    .where(eq(articleRevisions.id, article.currentRevisionId))
    .get();
  if (current && input.baseRevisionId !== undefined && input.baseRevisionId !== current.id) {
    const detail: RevisionConflict = { revisionId: current.id, body: current.body, savedAt: current.createdAt.toISOString() };
    throw new AppError('conflict', {
      message:
        'Another editor saved a newer revision of this article while you were editing. Your text is kept below; compare it with theirs, then save again to replace it.',
      detail,
    });
  }
  if (current?.bodyHash === hash) {
    throw fieldError('body', 'This text is the same as the current revision.');
  }
  const revision = tx
    .insert(articleRevisions)
    .values({ articleId: article.id, body, bodyHash: hash, createdBy: input.actorId, createdAt: at })
    .returning()
    .get();
  tx.update(articles).set({ currentRevisionId: revision.id, updatedAt: at }).where(eq(articles.id, article.id)).run();

  const changes = changesFrom(tx, body);
  const counts: ReanchorCounts = { kept: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const event = { actorId: input.actorId, at };

  const own = tx.select().from(claims).where(eq(claims.articleId, article.id)).all();
  for (const claim of own) {
    const next = reanchor(claim, body, revision.id, changes(claim.revisionId), counts);
    if (!next) continue;
    // Only a change readers see (passage changed or lost) moves the claim's "updated" date; set
    // explicitly, as the schema would otherwise stamp every update, and feeds would fill with moved claims.
    const updatedAt = next.values.anchorState !== claim.anchorState ? at : claim.updatedAt;
    tx.update(claims)
      .set({ ...next.values, updatedAt, ...(next.changed ? { version: claim.version + 1 } : {}) })
      .where(eq(claims.id, claim.id))
      .run();
    if (next.changed) recordEvent(tx, { ...event, claimId: claim.id, kind: 'reanchored', ...next.event });
  }

  const appearing = tx.select().from(claimAppearances).where(eq(claimAppearances.articleId, article.id)).all();
  for (const appearance of appearing) {
    const next = reanchor(appearance, body, revision.id, changes(appearance.revisionId), counts);
    if (!next) continue;
    tx.update(claimAppearances).set(next.values).where(eq(claimAppearances.id, appearance.id)).run();
    if (!next.changed) continue;
    const claim = tx
      .select({ version: claims.version, updatedAt: claims.updatedAt })
      .from(claims)
      .where(eq(claims.id, appearance.claimId))
      .get();
    const updatedAt = next.values.anchorState !== appearance.anchorState ? at : claim?.updatedAt;
    tx.update(claims)
      .set({ version: (claim?.version ?? 0) + 1, updatedAt })
      .where(eq(claims.id, appearance.claimId))
      .run();
    recordEvent(tx, {
      ...event,
      claimId: appearance.claimId,
      kind: 'reanchored',
      before: next.event.before,
      after: { ...next.event.after, article: article.title },
    });
  }
  const claimIds = [...new Set([...own.map((c) => c.id), ...appearing.map((a) => a.claimId)])];
  // A claim whose passage changed or was lost moves up its parties' pages (most recently updated first).
  return { revision, counts, claimIds, partyIds: partiesOfClaims(tx, claimIds) };
}

/** The change from each old revision's body to `body`, computed once per revision. */
function changesFrom(tx: Tx, body: string) {
  const cache = new Map<number, BodyChange>();
  return (revisionId: number): BodyChange => {
    let change = cache.get(revisionId);
    if (!change) {
      const old = tx
        .select({ body: articleRevisions.body })
        .from(articleRevisions)
        .where(eq(articleRevisions.id, revisionId))
        .get();
      change = compareBodies(old?.body ?? '', body);
      cache.set(revisionId, change);
    }
    return change;
  };
}

/** The new anchor columns for one row, whether it changed, and its event; null for an anchor an editor marked removed. */
function reanchor(row: AnchorRow, body: string, revisionId: number, change: BodyChange, counts: ReanchorCounts) {
  if (row.anchorState === 'removed') return null;
  const found = locateAnchor(body, anchorOf(row), change);
  const before = {
    state: row.anchorState,
    start: row.anchorStart,
    end: row.anchorEnd,
    exact: row.anchorExact,
    revisionId: row.revisionId,
  };
  if (found.state === 'orphaned') {
    counts.orphaned++;
    // Position and quote stay those of the last revision that had the passage.
    const values = { anchorState: 'orphaned' as const, anchorScore: 0 };
    return {
      values,
      changed: row.anchorState !== 'orphaned',
      event: { before, after: { state: 'orphaned', exact: row.anchorExact, revisionId } },
    };
  }
  if (found.state === 'anchored') {
    const anchor = createAnchor(body, found.start, found.end)!;
    const moved = found.start !== row.anchorStart || found.end !== row.anchorEnd;
    counts[moved ? 'moved' : 'kept']++;
    return {
      values: {
        anchorStart: anchor.start,
        anchorEnd: anchor.end,
        anchorPrefix: anchor.prefix,
        anchorSuffix: anchor.suffix,
        anchorState: 'anchored' as const,
        anchorScore: null,
        revisionId,
      },
      changed: moved || row.anchorState !== 'anchored',
      event: { before, after: { state: 'anchored', start: anchor.start, end: anchor.end, revisionId } },
    };
  }
  counts.fuzzy++;
  // The old quote and context stay as they are: they are what the editor compares the proposal with.
  return {
    values: { anchorStart: found.start, anchorEnd: found.end, anchorState: 'fuzzy' as const, anchorScore: found.score, revisionId },
    changed: true,
    event: {
      before,
      after: {
        state: 'fuzzy',
        start: found.start,
        end: found.end,
        score: found.score,
        proposed: body.slice(found.start, found.end),
        revisionId,
      },
    },
  };
}

// ---- readers ----

/** An article's revisions, oldest first, with the bodies of two of them for a comparison. */
export function getRevisionComparison({ slug, from, to }: { slug: string; from?: number; to?: number }) {
  const db = getDb();
  const article = db.select().from(articles).where(eq(articles.slug, slug)).get();
  if (!article?.currentRevisionId) return undefined;
  const revisions = db
    .select({ id: articleRevisions.id, createdAt: articleRevisions.createdAt })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, article.id))
    .orderBy(asc(articleRevisions.id))
    .all()
    .map((r, i) => ({ ...r, number: i + 1 }));
  const pick = (id: number | undefined, fallback: number) => revisions.find((r) => r.id === id) ?? revisions.at(fallback)!;
  const newer = pick(to, -1);
  const older = pick(from, Math.max(0, revisions.indexOf(newer) - 1));
  const bodies = db
    .select({ id: articleRevisions.id, body: articleRevisions.body })
    .from(articleRevisions)
    .where(inArray(articleRevisions.id, [older.id, newer.id]))
    .all();
  const bodyOf = (id: number) => bodies.find((b) => b.id === id)?.body ?? '';
  return {
    article,
    revisions,
    from: { ...older, body: bodyOf(older.id) },
    to: { ...newer, body: bodyOf(newer.id) },
  };
}

/** An article for the editor's revision screens: its current text and how its claims' anchors stand. */
export function getArticleForRevision({ id }: { id: number }) {
  const db = getDb();
  const article = db.select().from(articles).where(eq(articles.id, id)).get();
  if (!article?.currentRevisionId) return undefined;
  const current = db
    .select({ body: articleRevisions.body, createdAt: articleRevisions.createdAt })
    .from(articleRevisions)
    .where(eq(articleRevisions.id, article.currentRevisionId))
    .get();
  const revisionCount = db
    .select({ id: articleRevisions.id })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, id))
    .all().length;
  const anchors: Record<AnchorState, number> = { anchored: 0, fuzzy: 0, orphaned: 0, removed: 0 };
  for (const c of db.select({ state: claims.anchorState }).from(claims).where(eq(claims.articleId, id)).all()) {
    anchors[c.state]++;
  }
  return { ...article, body: current?.body ?? '', revisionId: article.currentRevisionId, revisedAt: current?.createdAt, revisionCount, anchors };
}
