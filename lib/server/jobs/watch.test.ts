import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { createArticle } from '@/db/queries/articles';
import { createClaim } from '@/db/queries/claims';
import { acceptPendingRevision, dismissPendingRevision, getPendingRevision, getWatch, listOutletChanges, listPendingRevisions } from '@/db/queries/watches';
import { articles, claims, pendingRevisions } from '@/db/schema';
import { addUser } from '@/db/testing';
import { createAnchor } from '@/lib/anchor';
import { fixtureArticle } from '@/lib/testing/fixture-site';
import { DEFAULT_WATCH_SCHEDULE, parseWatchSchedule, type WatchStep } from '@/lib/watch';
import { jobsTestbed } from './testbed';

const bed = jobsTestbed();
const { now, runner } = bed;
const HOUR = 3_600_000;
const schedule = parseWatchSchedule(DEFAULT_WATCH_SCHEDULE) as WatchStep[];

const PARAGRAPHS = [
  'The harbour authority said on Monday that 4,100 ships docked in 2025, a record.',
  'Its chair, Mira Østergaard, said the new quay “paid for itself in a year”.',
  'Critics said the figure counted ferries twice. 港口 ⚓',
];

/** An article imported from the fixture site, as the import stores it (the newsletter box removed), with a claim on its second paragraph. */
function imported(path: string) {
  bed.site.set(path, { body: fixtureArticle('Record year at the harbour', ['Sign up to our newsletter', ...PARAGRAPHS]), etag: '"1"' });
  const body = PARAGRAPHS.join('\n\n');
  const article = createArticle({
    title: 'Record year at the harbour',
    body,
    actorId: null,
    watch: { url: bed.site.url(path), removedParagraphs: ['Sign up to our newsletter'], schedule, now: now() },
  });
  const start = body.indexOf('paid for itself in a year');
  const claim = createClaim({ articleId: article.id, anchor: createAnchor(body, start, start + 'paid for itself in a year'.length)!, actorId: null });
  return { article, claim };
}

const pendingOf = (articleId: number) => getDb().select().from(pendingRevisions).where(eq(pendingRevisions.articleId, articleId)).all();
const advance = async (ms: number) => {
  bed.clock += ms;
  return runner().runDue();
};

describe('watched articles', () => {
  it('fetches hourly at first, conditionally, and records nothing while the outlet’s text is unchanged', async () => {
    const { article } = imported('/harbour');
    expect(await advance(HOUR - 1)).toBe(0);
    expect(await advance(1)).toBe(1);
    // Same text: the newsletter box is still there and still ignored.
    expect(pendingOf(article.id)).toEqual([]);
    expect(await advance(HOUR)).toBe(1);
    expect(bed.site.requestsTo('/harbour').at(-1)!.headers['if-none-match']).toBe('"1"');
    expect(getWatch({ articleId: article.id })).toMatchObject({ state: 'ok', checkedAt: now() });
    // After a week, every day.
    bed.clock += 7 * 24 * HOUR;
    await runner().runDue();
    expect(getWatch({ articleId: article.id })!.nextCheckAt.getTime() - bed.clock).toBe(24 * HOUR);
  });

  it('records a stealth edit as a pending revision with the claims it would move, never applied on its own', async () => {
    const { article, claim } = imported('/harbour');
    bed.site.set('/harbour', {
      body: fixtureArticle('Record year at the harbour', [
        'Sign up to our newsletter',
        PARAGRAPHS[0]!,
        'Its chair, Mira Østergaard, said the new quay would pay for itself within a decade.',
        PARAGRAPHS[2]!,
      ]),
      etag: '"2"',
    });
    await advance(HOUR);
    const [pending] = pendingOf(article.id);
    expect(pending).toMatchObject({ state: 'pending', detectedAt: now(), baseRevisionId: article.currentRevisionId });
    expect(pending!.body).not.toContain('newsletter');
    const current = getDb().select().from(articles).where(eq(articles.id, article.id)).get()!;
    expect(current.currentRevisionId).toBe(article.currentRevisionId);
    const view = getPendingRevision({ id: pending!.id })!;
    expect(view.affected).toEqual([expect.objectContaining({ id: claim.id, outcome: 'lost' })]);
    expect(listPendingRevisions()).toEqual([expect.objectContaining({ articleId: article.id })]);
    // The same change seen again is not recorded twice.
    await advance(HOUR);
    expect(pendingOf(article.id)).toHaveLength(1);

    const editor = addUser('Watch editor');
    const accepted = acceptPendingRevision({ id: pending!.id, actorId: editor, now: now() });
    expect(accepted.counts.orphaned).toBe(1);
    expect(getDb().select().from(claims).where(eq(claims.id, claim.id)).get()!.anchorState).toBe('orphaned');
    expect(listOutletChanges({ articleId: article.id })).toEqual([
      { detectedAt: pending!.detectedAt, from: article.currentRevisionId, to: accepted.revision.id },
    ]);
    expect(() => acceptPendingRevision({ id: pending!.id, actorId: editor, now: now() })).toThrow(/already accepted/);
  });

  it('remembers a dismissed change, and records the next one the outlet makes', async () => {
    const { article } = imported('/harbour');
    const edit = (words: string) =>
      bed.site.set('/harbour', { body: fixtureArticle('Record year at the harbour', [...PARAGRAPHS, words]), etag: `"${words}"` });
    edit('Updated: a correction was added.');
    await advance(HOUR);
    const [first] = pendingOf(article.id);
    dismissPendingRevision({ id: first!.id, actorId: addUser('Watch editor'), now: now() });
    await advance(HOUR);
    expect(pendingOf(article.id).map((p) => p.state)).toEqual(['dismissed']);
    edit('Updated again: the chair resigned.');
    await advance(HOUR);
    expect(pendingOf(article.id).map((p) => p.state)).toEqual(['dismissed', 'pending']);
  });

  it('records a vanished or failing article on its watch and keeps to the schedule', async () => {
    const { article } = imported('/harbour');
    bed.site.set('/harbour', null);
    await advance(HOUR);
    expect(getWatch({ articleId: article.id })).toMatchObject({ state: 'gone' });
    bed.site.set('/harbour', { status: 302, headers: { location: '/harbour' } });
    await advance(HOUR);
    expect(getWatch({ articleId: article.id })).toMatchObject({ state: 'unreachable', detail: expect.stringMatching(/redirects/) });
    expect(pendingOf(article.id)).toEqual([]);
  });
});
