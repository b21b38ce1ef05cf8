import zlib from 'node:zlib';
import { eq } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { createArticle } from '@/db/queries/articles';
import { getHostBackoff } from '@/db/queries/jobs';
import { getWatch, requestWatch } from '@/db/queries/watches';
import { fetchHosts, jobs, pendingRevisions } from '@/db/schema';
import { fixtureArticle, type FixturePage } from '@/lib/testing/fixture-site';
import { DEFAULT_WATCH_SCHEDULE, parseWatchSchedule, type WatchStep } from '@/lib/watch';
import { WatchStatus } from '@/app/edit/articles/[id]/outlet-change/watch-status';
import { jobsTestbed } from './testbed';

// A slow drip is given up after this long (env.ts reads it once, before the imports above run).
vi.hoisted(() => {
  process.env.CLAIMLINE_FETCH_TIMEOUT_MS = '2000';
});

const bed = jobsTestbed();
const { now, runner } = bed;
const HOUR = 3_600_000;
const schedule = parseWatchSchedule(DEFAULT_WATCH_SCHEDULE) as WatchStep[];

const PARAGRAPHS = [
  'The port of Kalmarsund handled 2.3 million tonnes in 2025, the harbour master said.',
  'Councillor Ana Ruiz‐Peña called the figure “a fantasy” — 港湾 ⚓ — in Tuesday’s debate.',
];
const host = () => new URL(bed.site.base).host;

/** An article imported from the fixture site and watched, as the import leaves it. */
function watched(path: string) {
  bed.site.set(path, { body: fixtureArticle('Kalmarsund tonnage', PARAGRAPHS), etag: '"a1"' });
  return createArticle({
    title: 'Kalmarsund tonnage',
    body: PARAGRAPHS.join('\n\n'),
    actorId: null,
    watch: { url: bed.site.url(path), removedParagraphs: [], schedule, now: now() },
  });
}

const jobsOf = (articleId: number) =>
  getDb()
    .select()
    .from(jobs)
    .all()
    .filter((j) => (j.payload as { articleId?: number }).articleId === articleId);

// What each misbehaving page answers the hourly fetch, and the refusal an editor reads on the watch.
const NEIGHBOURS: [name: string, page: FixturePage, detail: RegExp][] = [
  [
    // Sent gzipped (33 kB on the wire), so the cap, counted after decompression, is what refuses it.
    'a huge page (an endless comment thread, 11 MB once unzipped)',
    {
      headers: { 'content-encoding': 'gzip' },
      body: zlib.gzipSync(fixtureArticle('Kalmarsund tonnage', [...PARAGRAPHS, ...Array<string>(200_000).fill('Reader comment: 🙄 fake news!!! <b>fake</b> &amp; more')])),
    },
    /too large/,
  ],
  ['a slow drip (a byte every 50 ms)', { body: fixtureArticle('Kalmarsund tonnage', PARAGRAPHS), dripMs: 50 }, /took too long/],
  [
    'a wrong content type (a paywall’s JSON)',
    { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"error":"subscribe","html":"<p>Subscribe</p>"}' },
    /not a web page/,
  ],
  ['a PDF where the article was', { headers: { 'content-type': 'application/pdf' }, body: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj') }, /not a web page/],
  // The outlet's page now sends the fetcher to cloud metadata: a private address on the redirect hop.
  ['a private address (a redirect to 169.254.169.254)', { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/iam/' } }, /private or local network/],
];

describe('a watched article’s misbehaving site', () => {
  it.each(NEIGHBOURS)('%s: refused, recorded on the watch for editors, no crash, and the site backed off', async (_name, answer, detail) => {
    const article = watched('/kalmarsund');
    bed.site.set('/kalmarsund', { ...answer, etag: '"a2"' });
    bed.clock += HOUR;
    expect(await runner().runDue()).toBe(1);

    // Recorded on the article's watch, where the revise page shows it to editors; nothing else changed.
    expect(getWatch({ articleId: article.id })).toMatchObject({ state: 'unreachable', detail: expect.stringMatching(detail), checkedAt: now(), etag: null });
    expect(getDb().select().from(pendingRevisions).where(eq(pendingRevisions.articleId, article.id)).all()).toEqual([]);
    // Not a crash: the job finished (the schedule brings the next fetch) and nothing was logged.
    expect(jobsOf(article.id)).toEqual([expect.objectContaining({ state: 'done', attempts: 1, lastError: null })]);
    expect(bed.logged).toEqual([]);

    // The site is backed off: an editor's "Check now" waits for the backoff, then fetches.
    expect(getHostBackoff(host())).toMatchObject({ failures: 1, backoffUntil: new Date(bed.clock + 60_000), lastError: expect.stringMatching(detail) });
    if (answer.dripMs === undefined) {
      // The revise page tells editors why (its clock is the real one, so the backoff is moved to now).
      getDb().update(fetchHosts).set({ backoffUntil: new Date(Date.now() + 60_000) }).run();
      const status = renderToStaticMarkup(WatchStatus({ articleId: article.id }));
      expect(status).toMatch(/unreachable: /);
      expect(status).toMatch(detail);
      expect(status).toContain('Its site failed once, so Claimline asks it nothing before');
      getDb().update(fetchHosts).set({ backoffUntil: new Date(bed.clock + 60_000) }).run();
    }
    const asked = bed.site.requestsTo('/kalmarsund').length;
    expect(requestWatch({ articleId: article.id, now: now() })).toBe(true);
    bed.clock += 59_000;
    expect(await runner().runDue()).toBe(0);
    expect(bed.site.requestsTo('/kalmarsund')).toHaveLength(asked);
    bed.clock += 1_000;
    expect(await runner().runDue()).toBe(1);
    expect(bed.site.requestsTo('/kalmarsund')).toHaveLength(asked + 1);
    // Refused again: twice as long.
    expect(getHostBackoff(host())).toMatchObject({ failures: 2, backoffUntil: new Date(bed.clock + 120_000) });

    // The page behaves again: fetched on schedule, the watch is ok and the site no longer backed off.
    bed.site.set('/kalmarsund', { body: fixtureArticle('Kalmarsund tonnage', PARAGRAPHS), etag: '"a3"' });
    bed.clock += HOUR;
    expect(await runner().runDue()).toBe(1);
    expect(getWatch({ articleId: article.id })).toMatchObject({ state: 'ok', detail: '', etag: '"a3"' });
    expect(getHostBackoff(host())).toBeUndefined();
  });

  it('a site that keeps refusing is asked less and less often, never more than the schedule', async () => {
    const article = watched('/kalmarsund');
    bed.site.set('/kalmarsund', { headers: { 'content-type': 'image/webp' }, body: 'RIFF....WEBP' });
    const before = bed.site.requestsTo('/kalmarsund').length;
    // A day of polling every ten minutes; each refusal doubles the site's wait, up to six hours.
    for (let minute = 0; minute < 24 * 60; minute += 10) {
      bed.clock += 10 * 60_000;
      await runner().runDue();
    }
    const fetches = bed.site.requestsTo('/kalmarsund').length - before;
    // Hourly for a day would be 24: the backoff is under the hourly schedule for seven refusals
    // (1 to 64 minutes), then spaces the fetches 2, 4 and 6 hours apart.
    expect(fetches).toBeGreaterThanOrEqual(8);
    expect(fetches).toBeLessThanOrEqual(12);
    expect(getWatch({ articleId: article.id })).toMatchObject({ state: 'unreachable' });
    expect(getHostBackoff(host())!.failures).toBe(fetches);
    expect(bed.logged).toEqual([]);
  });
});
