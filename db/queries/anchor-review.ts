import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { articleRevisions, articles, claimAppearances, claimEvents, claims } from '@/db/schema';
import { createAnchor, locateAnchor, occurrences, passageWithContext, quoteInContext, type Anchor } from '@/lib/anchor';
import { AppError } from '@/lib/errors';
import { diffPassage, staleWords } from '@/lib/revision-diff';
import { claimScope } from './claim-scope';
import { verdictChange } from './public-record';
import { anchorOf, type AnchorRow } from './revisions';
import { recordEvent, write, type Tx } from './tx';

/*
 * After a revision, an editor reviews the anchors re-anchoring could not settle:
 * claims made in the article and appearances of claims first made elsewhere.
 */

const NEEDS_REVIEW = ['fuzzy', 'orphaned'] as const;

/**
 * The anchors in an article that need an editor: fuzzy ones with the old quote and
 * the proposed passage in the current text, orphaned ones with their last known
 * quote in its old context.
 */
export function listAnchorsNeedingReview({ articleId }: { articleId: number }) {
  const db = getDb();
  const claimFields = {
    id: claims.id,
    slug: claims.slug,
    // The claim's own article, where its statement is edited (an appearance's is another).
    articleId: claims.articleId,
    statement: claims.statement,
    status: claims.status,
    published: claims.published,
    version: claims.version,
  };
  const own = db
    .select({ ...claimFields, anchor: claims })
    .from(claims)
    .where(and(eq(claims.articleId, articleId), inArray(claims.anchorState, [...NEEDS_REVIEW])))
    .all()
    .map((r) => ({ ...r, appearanceId: undefined as number | undefined }));
  const appearing = db
    .select({ ...claimFields, anchor: claimAppearances })
    .from(claimAppearances)
    .innerJoin(claims, eq(claims.id, claimAppearances.claimId))
    .where(and(eq(claimAppearances.articleId, articleId), inArray(claimAppearances.anchorState, [...NEEDS_REVIEW])))
    .all()
    .map((r) => ({ ...r, appearanceId: r.anchor.id as number | undefined }));
  const bodies = new Map<number, string>();
  const bodyOf = (revisionId: number) => {
    if (!bodies.has(revisionId)) {
      const row = db.select({ body: articleRevisions.body }).from(articleRevisions).where(eq(articleRevisions.id, revisionId)).get();
      bodies.set(revisionId, row?.body ?? '');
    }
    return bodies.get(revisionId)!;
  };
  return [...own, ...appearing]
    .sort((a, b) => a.anchor.anchorStart - b.anchor.anchorStart || a.id - b.id)
    .map(({ anchor, ...claim }) => {
      const body = bodyOf(anchor.revisionId);
      const proposed = anchor.anchorState === 'fuzzy' ? createAnchor(body, anchor.anchorStart, anchor.anchorEnd) : null;
      return {
        ...claim,
        anchorState: anchor.anchorState as (typeof NEEDS_REVIEW)[number],
        score: anchor.anchorScore,
        oldQuote: anchor.anchorExact,
        // Fuzzy: the proposed passage in the current revision. Orphaned: the last known quote where it was.
        context: quoteInContext(body, anchor.anchorStart, anchor.anchorEnd, 80),
        // Fuzzy: the words that changed in the quote or right around it, and those the statement still uses.
        changes: proposed ? diffPassage(passageWithContext(anchorOf(anchor)), passageWithContext(proposed)) : null,
        staleWords: proposed ? staleWords(claim.statement, anchor.anchorExact, proposed.exact) : [],
        // The passage proposed, as the Accept form names it (acceptProposedAnchor).
        proposal: proposed ? { start: anchor.anchorStart, end: anchor.anchorEnd, revisionId: anchor.revisionId } : null,
      };
    });
}

/**
 * After an editor accepted a changed passage: the words the old quote had that the
 * claim's statement still uses (empty once the statement was brought up to date),
 * from the claim's latest accepted passage.
 */
export function statementAfterAcceptedPassage({ claimId }: { claimId: number }) {
  const db = getDb();
  const claim = db
    .select({ id: claims.id, articleId: claims.articleId, statement: claims.statement })
    .from(claims)
    .where(eq(claims.id, claimId))
    .get();
  if (!claim) return undefined;
  const accepted = db
    .select({ before: claimEvents.before, after: claimEvents.after })
    .from(claimEvents)
    .where(and(eq(claimEvents.claimId, claimId), eq(claimEvents.kind, 'reanchored'), sql`json_extract(${claimEvents.after}, '$.resolution') = 'accepted'`))
    .orderBy(desc(claimEvents.id))
    .get();
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const oldQuote = text((accepted?.before as Record<string, unknown> | null)?.exact);
  const newQuote = text((accepted?.after as Record<string, unknown> | null)?.exact);
  return { ...claim, staleWords: accepted ? staleWords(claim.statement, oldQuote, newQuote) : [] };
}

const STALE_TYPED =
  'This claim changed after the page was loaded: another editor resolved or edited it. Reload the page to see what is left to review; a reload empties this form, so copy anything you typed here first.';

/** A resolution names the claim (and its version) and, for an appearance, which one. */
type Resolution = { id: number; appearanceId?: number; version: number; actorId: string | null; at?: Date };

/**
 * The claim at `version`, the anchor the resolution is about, and that anchor's article and current
 * text. `stale` decides about a claim saved since the page was loaded: go on (its anchor is still
 * as the page showed it), or the conflict's message.
 */
function loadTarget(tx: Tx, input: Resolution, stale: (anchor: AnchorRow) => true | string = () => STALE_TYPED) {
  const claim = tx.select().from(claims).where(eq(claims.id, input.id)).get();
  if (!claim) throw new AppError('not_found');
  const appearance = input.appearanceId
    ? tx
        .select()
        .from(claimAppearances)
        .where(and(eq(claimAppearances.id, input.appearanceId), eq(claimAppearances.claimId, claim.id)))
        .get()
    : undefined;
  if (input.appearanceId && !appearance) throw new AppError('not_found');
  const anchor: AnchorRow & { articleId: number } = appearance ?? claim;
  if (claim.version !== input.version) {
    const verdict = stale(anchor);
    // The review page shows no other version beside the form, so the generic "review theirs below" would point at nothing.
    if (verdict !== true) throw new AppError('conflict', { detail: claim, message: verdict });
  }
  const article = tx
    .select({ title: articles.title, revisionId: articles.currentRevisionId })
    .from(articles)
    .where(eq(articles.id, anchor.articleId))
    .get();
  const revision = article?.revisionId
    ? tx.select().from(articleRevisions).where(eq(articleRevisions.id, article.revisionId)).get()
    : undefined;
  if (!article || !revision) throw new AppError('not_found');
  // Events about an appearance name its article, as re-anchoring does.
  const where = appearance ? { article: article.title } : {};
  return { claim, appearance, anchor, revision, where };
}

type Target = ReturnType<typeof loadTarget>;
type AnchorValues = Partial<typeof claims.$inferInsert & typeof claimAppearances.$inferInsert>;

/** Writes new anchor columns to the claim or the appearance, and a new version (plus `claimValues`) to the claim. */
function save(tx: Tx, target: Target, input: Resolution, values: AnchorValues, claimValues: Partial<typeof claims.$inferInsert> = {}) {
  const at = input.at ?? new Date();
  if (target.appearance) {
    tx.update(claimAppearances).set(values).where(eq(claimAppearances.id, target.appearance.id)).run();
  }
  return tx
    .update(claims)
    .set({ ...(target.appearance ? {} : values), ...claimValues, version: target.claim.version + 1, updatedAt: at })
    .where(and(eq(claims.id, input.id), eq(claims.version, target.claim.version)))
    .returning()
    .get();
}

function anchorTo(tx: Tx, target: Target, input: Resolution, anchor: Anchor, resolution: 'accepted' | 'reselected') {
  const updated = save(tx, target, input, {
    anchorStart: anchor.start,
    anchorEnd: anchor.end,
    anchorExact: anchor.exact,
    anchorPrefix: anchor.prefix,
    anchorSuffix: anchor.suffix,
    anchorState: 'anchored',
    anchorScore: null,
    revisionId: target.revision.id,
  });
  recordEvent(tx, {
    claimId: input.id,
    actorId: input.actorId,
    at: input.at,
    kind: 'reanchored',
    before: { state: target.anchor.anchorState, exact: target.anchor.anchorExact, revisionId: target.anchor.revisionId },
    after: { state: 'anchored', exact: anchor.exact, start: anchor.start, end: anchor.end, revisionId: target.revision.id, resolution, ...target.where },
  });
  return updated;
}

/**
 * Accepts the passage proposed for a fuzzy anchor: it becomes the quote. `proposal` is the passage
 * the page showed: while it is still the one proposed, a save of the claim's statement or status
 * since the page was loaded does not stand in the way (the form has nothing typed to lose).
 */
export function acceptProposedAnchor(input: Resolution & { proposal?: { start: number; end: number; revisionId: number } }) {
  const shown = (anchor: AnchorRow) =>
    !!input.proposal && anchor.anchorStart === input.proposal.start && anchor.anchorEnd === input.proposal.end && anchor.revisionId === input.proposal.revisionId;
  return write((tx) => {
    const target = loadTarget(tx, input, (anchor) => {
      if (anchor.anchorState === 'fuzzy' && shown(anchor)) return true;
      return anchor.anchorState === 'anchored' && shown(anchor)
        ? 'Another editor already accepted this passage: nothing is left to do for this claim. Reload the page to see what is left to review.'
        : 'Another editor resolved this claim’s passage since the page was loaded. Reload the page to see what is left to review.';
    });
    const { anchor, revision } = target;
    const proposed =
      anchor.anchorState === 'fuzzy' && anchor.revisionId === revision.id
        ? createAnchor(revision.body, anchor.anchorStart, anchor.anchorEnd)
        : null;
    if (!proposed) throw new AppError('invalid', { message: 'There is no proposed passage to accept for this claim.' });
    return { ...anchorTo(tx, target, input, proposed, 'accepted'), scope: claimScope(tx, input.id) };
  });
}

/**
 * Anchors a claim (or appearance) on words an editor copied from the current text.
 * They must appear exactly once, so that they point to one place.
 */
export function reselectAnchor(input: Resolution & { quote: string }) {
  const quote = input.quote.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  return write((tx) => {
    const target = loadTarget(tx, input);
    const found = occurrences(target.revision.body, quote);
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
    const anchor = createAnchor(target.revision.body, found[0]!, found[0]! + quote.length)!;
    return { ...anchorTo(tx, target, input, anchor, 'reselected'), scope: claimScope(tx, input.id) };
  });
}

/**
 * Confirms that a passage is gone from the article: the anchor becomes `removed`
 * (no longer awaiting review, left alone by later revisions) and the note for
 * readers goes into the claim's history. Retracting (the claim's own article
 * only; an appearance leaves the claim's verdict alone) also sets the status
 * Retracted with the note as its reason, under the same rule as any verdict
 * change (`verdictChange`): on a published claim it needs a correction note and,
 * under sign-off, waits for a second editor while the removal itself is recorded.
 */
export function markAnchorRemoved(input: Resolution & { note: string; retract?: boolean; correction?: string }) {
  const note = input.note.trim();
  if (!note) {
    throw new AppError('invalid', { fieldErrors: { note: ['Say what happened to the passage, for readers.'] } });
  }
  return write((tx) => {
    const target = loadTarget(tx, input);
    const { claim, anchor } = target;
    if (anchor.anchorState !== 'fuzzy' && anchor.anchorState !== 'orphaned') {
      throw new AppError('invalid', { message: 'Only a passage that changed or disappeared can be marked removed.' });
    }
    const verdict =
      input.retract && !target.appearance
        ? verdictChange(tx, claim, { status: 'retracted', statusNote: note, correction: input.correction, actorId: input.actorId })
        : null;
    // A fuzzy anchor's positions point into the new revision; the last known quote lives in an older one.
    const values = anchor.anchorState === 'fuzzy' ? lastKnownAnchor(tx, anchor) : {};
    const updated = save(tx, target, input, { ...values, anchorState: 'removed', anchorScore: null }, verdict?.values);
    const event = { claimId: claim.id, actorId: input.actorId, at: input.at };
    // The note is told once: by the status change when it becomes the claim's status note now, else here.
    const noteNow = verdict && !verdict.proposed;
    recordEvent(tx, {
      ...event,
      kind: 'reanchored',
      before: { state: anchor.anchorState, exact: anchor.anchorExact },
      after: { state: 'removed', exact: anchor.anchorExact, ...(noteNow ? {} : { note }), ...target.where },
    });
    for (const e of verdict?.events ?? []) recordEvent(tx, { ...event, ...e });
    return { ...updated, proposed: verdict?.proposed ?? false, scope: claimScope(tx, input.id) };
  });
}

/**
 * The revision and position where a fuzzy anchor's old quote last stood exactly:
 * the newest earlier revision of its article that still has it.
 */
function lastKnownAnchor(tx: Tx, anchor: AnchorRow & { articleId: number }): AnchorValues {
  const older = tx
    .select({ id: articleRevisions.id, body: articleRevisions.body })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, anchor.articleId))
    .orderBy(desc(articleRevisions.id))
    .all()
    .filter((r) => r.id < anchor.revisionId);
  for (const revision of older) {
    const found = locateAnchor(revision.body, anchorOf(anchor));
    if (found.state === 'anchored') return { revisionId: revision.id, anchorStart: found.start, anchorEnd: found.end };
  }
  return {};
}
