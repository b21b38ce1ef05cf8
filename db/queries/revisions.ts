import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { articleRevisions, articles, claimAppearances, claims } from '@/db/schema';
import {
  compareBodies,
  createAnchor,
  locateAnchor,
  occurrences,
  quoteInContext,
  type Anchor,
  type AnchorState,
  type BodyChange,
} from '@/lib/anchor';
import { AppError } from '@/lib/errors';
import type { Status } from '@/lib/status';
import { normalizeBody } from '@/lib/text';
import { bodyHash } from './articles';
import { recordEvent, write, type Tx } from './tx';

export type ReanchorCounts = { kept: number; moved: number; fuzzy: number; orphaned: number };

type AnchorRow = {
  anchorStart: number;
  anchorEnd: number;
  anchorExact: string;
  anchorPrefix: string;
  anchorSuffix: string;
  anchorState: AnchorState;
  anchorScore: number | null;
  revisionId: number;
};

const anchorOf = (row: AnchorRow): Anchor => ({
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
 */
export function createRevision(input: { articleId: number; body: string; actorId: string | null; at?: Date }) {
  const body = normalizeBody(input.body);
  if (!body) throw new AppError('invalid', { fieldErrors: { body: ['Paste the full text of the revised article.'] } });
  const at = input.at ?? new Date();
  return write((tx) => {
    const article = tx.select().from(articles).where(eq(articles.id, input.articleId)).get();
    if (!article?.currentRevisionId) throw new AppError('not_found');
    const hash = bodyHash(body);
    const current = tx
      .select({ bodyHash: articleRevisions.bodyHash })
      .from(articleRevisions)
      .where(eq(articleRevisions.id, article.currentRevisionId))
      .get();
    if (current?.bodyHash === hash) {
      throw new AppError('invalid', { fieldErrors: { body: ['This text is the same as the current revision.'] } });
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
      tx.update(claims)
        .set({ ...next.values, ...(next.changed ? { version: claim.version + 1, updatedAt: at } : {}) })
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
      const claim = tx.select({ version: claims.version }).from(claims).where(eq(claims.id, appearance.claimId)).get();
      tx.update(claims)
        .set({ version: (claim?.version ?? 0) + 1, updatedAt: at })
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
    return { revision, counts, claimIds };
  });
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

// ---- review ----

/**
 * The claims first made in an article whose anchor needs an editor after a
 * revision: fuzzy ones with the old quote and the proposed passage in the current
 * text, orphaned ones with their last known quote in its old context.
 */
export function listClaimsNeedingReview({ articleId }: { articleId: number }) {
  const db = getDb();
  const rows = db
    .select()
    .from(claims)
    .where(and(eq(claims.articleId, articleId), inArray(claims.anchorState, ['fuzzy', 'orphaned'])))
    .orderBy(asc(claims.anchorStart), asc(claims.id))
    .all();
  const bodies = new Map<number, string>();
  const bodyOf = (revisionId: number) => {
    if (!bodies.has(revisionId)) {
      const row = db
        .select({ body: articleRevisions.body })
        .from(articleRevisions)
        .where(eq(articleRevisions.id, revisionId))
        .get();
      bodies.set(revisionId, row?.body ?? '');
    }
    return bodies.get(revisionId)!;
  };
  return rows.map((c) => ({
    id: c.id,
    slug: c.slug,
    statement: c.statement,
    status: c.status,
    version: c.version,
    anchorState: c.anchorState as 'fuzzy' | 'orphaned',
    score: c.anchorScore,
    oldQuote: c.anchorExact,
    // Fuzzy: the proposed passage in the current revision. Orphaned: the last known quote where it was.
    context: quoteInContext(bodyOf(c.revisionId), c.anchorStart, c.anchorEnd, 80),
  }));
}

type Resolution = { id: number; version: number; actorId: string | null; at?: Date };

/** Loads a claim for a resolution: it must exist, be at `version`, and its article's current body is returned. */
function claimForResolution(tx: Tx, input: Resolution) {
  const claim = tx.select().from(claims).where(eq(claims.id, input.id)).get();
  if (!claim) throw new AppError('not_found');
  if (claim.version !== input.version) throw new AppError('conflict', { detail: claim });
  const article = tx
    .select({ revisionId: articles.currentRevisionId })
    .from(articles)
    .where(eq(articles.id, claim.articleId))
    .get();
  const revision = article?.revisionId
    ? tx.select().from(articleRevisions).where(eq(articleRevisions.id, article.revisionId)).get()
    : undefined;
  if (!revision) throw new AppError('not_found');
  return { claim, revision };
}

function anchorTo(tx: Tx, input: Resolution, claim: AnchorRow & { version: number }, anchor: Anchor, revisionId: number, resolution: string) {
  const at = input.at ?? new Date();
  const updated = tx
    .update(claims)
    .set({
      anchorStart: anchor.start,
      anchorEnd: anchor.end,
      anchorExact: anchor.exact,
      anchorPrefix: anchor.prefix,
      anchorSuffix: anchor.suffix,
      anchorState: 'anchored',
      anchorScore: null,
      revisionId,
      version: claim.version + 1,
      updatedAt: at,
    })
    .where(and(eq(claims.id, input.id), eq(claims.version, input.version)))
    .returning()
    .get();
  recordEvent(tx, {
    claimId: input.id,
    actorId: input.actorId,
    at,
    kind: 'reanchored',
    before: { state: claim.anchorState, exact: claim.anchorExact, revisionId: claim.revisionId },
    after: { state: 'anchored', exact: anchor.exact, start: anchor.start, end: anchor.end, revisionId, resolution },
  });
  return updated;
}

/** Accepts the passage proposed for a fuzzy anchor: it becomes the claim's quote. */
export function acceptProposedAnchor(input: Resolution) {
  return write((tx) => {
    const { claim, revision } = claimForResolution(tx, input);
    if (claim.anchorState !== 'fuzzy' || claim.revisionId !== revision.id) {
      throw new AppError('invalid', { message: 'There is no proposed passage to accept for this claim.' });
    }
    const anchor = createAnchor(revision.body, claim.anchorStart, claim.anchorEnd);
    if (!anchor) throw new AppError('invalid', { message: 'There is no proposed passage to accept for this claim.' });
    return anchorTo(tx, input, claim, anchor, revision.id, 'accepted');
  });
}

/**
 * Anchors a claim on a passage an editor copied from the current text. The words
 * must appear exactly once, so that they point to one place.
 */
export function reselectAnchor(input: Resolution & { quote: string }) {
  const quote = input.quote.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  return write((tx) => {
    const { claim, revision } = claimForResolution(tx, input);
    const found = occurrences(revision.body, quote);
    if (!quote || found.length === 0) {
      throw new AppError('invalid', {
        fieldErrors: { quote: ['These words are not in the current text. Copy them exactly as they appear.'] },
      });
    }
    if (found.length > 1) {
      throw new AppError('invalid', {
        fieldErrors: {
          quote: [`These words appear ${found.length} times in the article. Include a few more so they point to one place.`],
        },
      });
    }
    const anchor = createAnchor(revision.body, found[0]!, found[0]! + quote.length)!;
    return anchorTo(tx, input, claim, anchor, revision.id, 'reselected');
  });
}

/**
 * Confirms that a claim's passage is gone from the article: the anchor becomes
 * `removed` (no longer awaiting review) and the note explains it on the claim page,
 * e.g. "Passage retracted by the outlet". The status changes too when given.
 */
export function markAnchorRemoved(input: Resolution & { note: string; status?: Status }) {
  const note = input.note.trim();
  if (!note) {
    throw new AppError('invalid', { fieldErrors: { note: ['Say what happened to the passage, for readers.'] } });
  }
  return write((tx) => {
    const { claim } = claimForResolution(tx, input);
    if (claim.anchorState !== 'fuzzy' && claim.anchorState !== 'orphaned') {
      throw new AppError('invalid', { message: 'Only a claim whose passage changed or disappeared can be marked removed.' });
    }
    const at = input.at ?? new Date();
    const status = input.status ?? claim.status;
    // A fuzzy anchor's positions point into the new revision; the last known quote lives in its old one.
    const values =
      claim.anchorState === 'fuzzy' ? lastKnownAnchor(tx, claim) : { revisionId: claim.revisionId };
    const updated = tx
      .update(claims)
      .set({ ...values, anchorState: 'removed', anchorScore: null, status, statusNote: note, version: claim.version + 1, updatedAt: at })
      .where(and(eq(claims.id, input.id), eq(claims.version, input.version)))
      .returning()
      .get();
    const event = { claimId: claim.id, actorId: input.actorId, at };
    recordEvent(tx, {
      ...event,
      kind: 'reanchored',
      before: { state: claim.anchorState, exact: claim.anchorExact },
      after: { state: 'removed', exact: claim.anchorExact, note },
    });
    if (status !== claim.status || note !== claim.statusNote) {
      recordEvent(tx, {
        ...event,
        kind: 'status_changed',
        before: { status: claim.status, note: claim.statusNote },
        after: { status, note },
      });
    }
    return updated;
  });
}

/**
 * The revision and position where a fuzzy claim's old quote last stood exactly:
 * the newest earlier revision whose text at the stored context still has it.
 */
function lastKnownAnchor(tx: Tx, claim: AnchorRow & { articleId: number }) {
  const older = tx
    .select({ id: articleRevisions.id, body: articleRevisions.body })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, claim.articleId))
    .orderBy(desc(articleRevisions.id))
    .all()
    .filter((r) => r.id < claim.revisionId);
  for (const revision of older) {
    const found = locateAnchor(revision.body, anchorOf(claim));
    if (found.state === 'anchored') {
      return { revisionId: revision.id, anchorStart: found.start, anchorEnd: found.end };
    }
  }
  return { revisionId: claim.revisionId };
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
  return { ...article, body: current?.body ?? '', revisedAt: current?.createdAt, revisionCount, anchors };
}
