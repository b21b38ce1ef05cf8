import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { backupDatabase } from '@/db/backup';
import { getQueueOverview } from '@/db/queries/jobs';
import { getCitedSnapshot, getSnapshot, getSourceCheck, listSourcesNeedingAttention, requestSnapshot, sourceEvidence } from '@/db/queries/snapshots';
import { createArticle } from '@/db/queries/articles';
import { createClaim } from '@/db/queries/claims';
import { attachSource } from '@/db/queries/sources';
import { claimSources, claims, fetchHosts, jobs, sourceSnapshots } from '@/db/schema';
import { createAnchor } from '@/lib/anchor';
import { fixtureArticle } from '@/lib/testing/fixture-site';
import { readArchivedCopy } from '../reader';
import { fetchSource } from './snapshot';
import { jobsTestbed } from './testbed';

const bed = jobsTestbed({ demo: true });
const { now, runner } = bed;

const claimId = (nth = 0) => getDb().select({ id: claims.id }).from(claims).orderBy(claims.id).limit(1).offset(nth).get()!.id;
const cite = (path: string, excerpt = '', claim = claimId()) =>
  attachSource({ claimId: claim, source: { url: bed.site.url(path), title: 'Fixture report' }, relation: 'supports', excerpt, actorId: null, at: now() })
    .source;
const snapshotsOf = (sourceId: number) => getDb().select().from(sourceSnapshots).where(eq(sourceSnapshots.sourceId, sourceId)).all();
const jobOf = (sourceId: number) => getDb().select().from(jobs).all().find((j) => (j.payload as { sourceId: number }).sourceId === sourceId)!;

const REPORT = fixtureArticle('Harbour “quay” report — 2026', [
  'Mean journey time fell from 31 to 26 minutes after the bus lane opened.',
  'Ridership on route 7 rose to 1,204,000 trips. 通勤者 🚌 عدد الركاب',
]);

describe('source snapshots', () => {
  it('archives a source when a claim cites it: text without page furniture or scripts, hash, size, type and time', async () => {
    bed.site.set('/report', { body: REPORT });
    const source = cite('/report');
    expect(jobOf(source.id)).toMatchObject({ state: 'queued', host: new URL(bed.site.base).host });
    expect(await runner().runDue()).toBe(1);
    const [snapshot] = snapshotsOf(source.id);
    expect(snapshot).toMatchObject({
      finalUrl: bed.site.url('/report'),
      httpStatus: 200,
      contentType: 'text/html; charset=utf-8',
      title: 'Harbour “quay” report — 2026',
      sha256: createHash('sha256').update(REPORT).digest('hex'),
      size: Buffer.byteLength(REPORT),
      fetchedAt: now(),
    });
    expect(snapshot!.text).toContain('Mean journey time fell from 31 to 26 minutes');
    expect(snapshot!.text).toContain('通勤者 🚌 عدد الركاب');
    expect(snapshot!.text).not.toMatch(/Home|About|changed by script|Fixture Gazette/);
    expect(getSourceCheck({ sourceId: source.id })).toMatchObject({ state: 'ok' });
    expect(bed.site.requestsTo('/report')[0]!.headers['user-agent']).toMatch(/^Claimline .*\(\+http/);
    expect(getQueueOverview().snapshots).toMatchObject({ count: 1, bytes: Buffer.byteLength(REPORT), sources: 1 });
    // Citing it from another claim archives nothing more (citing it again on the same claim is refused: sources.test.ts).
    cite('/report', 'Mean journey time', claimId(1));
    expect(await runner().runDue()).toBe(0);
  });

  it('records a moved source at its new address, and a PDF by hash and size only', async () => {
    bed.site.set('/old', { status: 301, headers: { location: '/new' } });
    bed.site.set('/new', { body: REPORT });
    bed.site.set('/report.pdf', { headers: { 'content-type': 'application/pdf' }, body: Buffer.from('%PDF-1.7 fixture bytes') });
    const moved = cite('/old');
    const pdf = cite('/report.pdf');
    await runner().runDue();
    expect(getSourceCheck({ sourceId: moved.id })).toMatchObject({ state: 'moved', finalUrl: bed.site.url('/new') });
    expect(snapshotsOf(moved.id)[0]!.finalUrl).toBe(bed.site.url('/new'));
    expect(snapshotsOf(pdf.id)[0]).toMatchObject({ text: '', size: 22, contentType: 'application/pdf' });
    expect(getSnapshot({ sourceId: pdf.id })?.snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records a source that is gone, refused or too large on the source, as an answer, not a crash or a retry', async () => {
    bed.site.set('/huge', { body: 'x'.repeat(11 * 1024 * 1024), headers: { 'content-type': 'text/plain' } });
    bed.site.set('/picture', { headers: { 'content-type': 'image/png' }, body: 'png' });
    bed.site.set('/loop', { status: 302, headers: { location: '/loop' } });
    const gone = cite('/never-there');
    const huge = cite('/huge');
    const picture = cite('/picture');
    const loop = cite('/loop');
    await runner().runDue();
    expect(getSourceCheck({ sourceId: gone.id })).toMatchObject({ state: 'gone', httpStatus: 404 });
    expect(getSourceCheck({ sourceId: huge.id })).toMatchObject({ state: 'unreachable', detail: 'That page is too large to import.' });
    expect(getSourceCheck({ sourceId: picture.id })?.state).toBe('unreachable');
    expect(getSourceCheck({ sourceId: loop.id })?.detail).toMatch(/redirects too many times/);
    for (const source of [gone, huge, picture, loop]) {
      expect(snapshotsOf(source.id)).toHaveLength(0);
      expect(jobOf(source.id)).toMatchObject({ state: 'done', attempts: 1 });
    }
  });

  it('refuses private addresses without retrying, and gives up on a slow drip to try again later', async () => {
    const internal = attachSource({ claimId: claimId(), source: { url: 'http://10.0.0.7/admin', title: 'Intranet' }, relation: 'context', actorId: null, at: now() }).source;
    await runner().runDue();
    expect(getSourceCheck({ sourceId: internal.id })).toMatchObject({ state: 'unreachable', detail: expect.stringMatching(/private or local network/) });
    expect(jobOf(internal.id)).toMatchObject({ state: 'done', attempts: 1 });
    bed.site.set('/drip', { body: REPORT, dripMs: 50 });
    expect(await fetchSource(bed.site.url('/drip'), { timeoutMs: 300 })).toMatchObject({
      kind: 'answer',
      retry: true,
      check: { state: 'unreachable', detail: 'The site took too long to answer.' },
    });
  });

  it('backs off a failing site and archives the page once it answers again', async () => {
    bed.site.set('/flaky', { status: 503, body: 'down for maintenance' });
    const source = cite('/flaky');
    const copying = () => sourceEvidence({ sourceIds: [source.id] }).get(source.id)!.copying;
    expect(copying()).toEqual({ failed: 0, tries: 5 });
    await runner().runDue();
    expect(getSourceCheck({ sourceId: source.id })).toMatchObject({ state: 'unreachable', failures: 1 });
    // The editor reads that an attempt failed, not that a copy is simply on its way.
    expect(copying()).toEqual({ failed: 1, tries: 5 });
    const host = getDb().select().from(fetchHosts).get()!;
    expect(host.backoffUntil!.getTime() - bed.clock).toBe(60_000);
    expect(jobOf(source.id)).toMatchObject({ state: 'queued', attempts: 1 });
    // Nothing is fetched from the site while it is backed off.
    bed.clock += 30_000;
    expect(await runner().runDue()).toBe(0);
    expect(bed.site.requestsTo('/flaky')).toHaveLength(1);
    bed.site.set('/flaky', { body: REPORT });
    bed.clock += 31_000;
    expect(await runner().runDue()).toBe(1);
    expect(getSourceCheck({ sourceId: source.id })).toMatchObject({ state: 'ok', failures: 0 });
    expect(snapshotsOf(source.id)).toHaveLength(1);
    expect(copying()).toBeNull();
    expect(getDb().select().from(fetchHosts).all()).toHaveLength(0);
  });

  it('does not archive addresses that can never answer (demo and test domains), even when asked again', () => {
    const demoSources = getDb().select().from(jobs).all();
    expect(demoSources).toHaveLength(0);
    // A stale claim editor (or a script) posting Archive again for a demo source is told why, and nothing is queued.
    const demo = getDb().select().from(claimSources).where(eq(claimSources.claimId, claimId())).get()!;
    expect(() => requestSnapshot({ claimId: demo.claimId, sourceId: demo.sourceId, now: now() })).toThrow(/reserved for examples and tests/);
    expect(getDb().select().from(jobs).all()).toHaveLength(0);
  });
});

describe('who sees a copy', () => {
  it('readers see a published claim’s copy; a draft’s is there only for the editors’ path', async () => {
    bed.site.set('/report', { body: REPORT });
    const body = 'The ferry carried 2,310 passengers on its first weekend, operators said.';
    const article = createArticle({ title: 'Ferry weekend', body, actorId: null });
    const draft = createClaim({ articleId: article.id, anchor: createAnchor(body, 0, 52)!, actorId: null });
    const published = claimId();
    const cited = (id: number) =>
      attachSource({ claimId: id, source: { url: bed.site.url('/report'), title: 'Fixture report' }, relation: 'supports', excerpt: 'Ridership on route 7', actorId: null, at: now() }).source;
    const source = cited(draft.id);
    cited(published);
    await runner().runDue();
    expect(readArchivedCopy(draft.id, source.id)).toBeNull();
    expect(getCitedSnapshot({ claimId: draft.id, sourceId: source.id })).toMatchObject({
      claim: { id: draft.id, statement: expect.stringContaining('2,310 passengers') },
      cited: { url: bed.site.url('/report'), excerpt: 'Ridership on route 7' },
      snapshot: { sha256: createHash('sha256').update(REPORT).digest('hex') },
    });
    expect(readArchivedCopy(published, source.id)).toMatchObject({ claim: { id: published }, cited: { excerpt: 'Ridership on route 7' } });
    // A source the claim does not cite has no copy at that claim's address.
    expect(getCitedSnapshot({ claimId: draft.id, sourceId: source.id + 1000 })).toBeUndefined();
  });
});

describe('link checks', () => {
  const week = 7 * 24 * 60 * 60_000;
  const checkAll = async () => {
    bed.clock += week + 1;
    return runner().runDue();
  };
  const state = (id: number) => getSourceCheck({ sourceId: id })?.state;

  it('re-checks cited sources weekly with conditional requests, and flags what moved, changed, vanished or stopped answering', async () => {
    const pages = ['/steady', '/edited', '/vanishing', '/moving', '/failing'];
    for (const path of pages) bed.site.set(path, { body: fixtureArticle(`Page ${path}`, [`The text of ${path} as cited.`]), etag: `"v1${path}"` });
    const cited = pages.map((p) => cite(p));
    const [steady, edited, vanishing, moving, failing] = cited as [typeof cited[number], typeof cited[number], typeof cited[number], typeof cited[number], typeof cited[number]];
    await runner().runDue();
    expect(cited.map((s) => state(s.id))).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);

    // Not due before the week is over.
    bed.clock += week - 60_000;
    expect(await runner().runDue()).toBe(0);
    bed.clock -= week - 60_000;

    bed.site.set('/edited', { body: fixtureArticle('Page /edited', ['The text was quietly rewritten.']), etag: '"v2"' });
    bed.site.set('/vanishing', { status: 410, body: 'gone' });
    bed.site.set('/moving', { status: 301, headers: { location: '/moved-here' } });
    bed.site.set('/moved-here', { body: 'x' });
    bed.site.set('/failing', { status: 500, body: 'oops' });
    expect(await checkAll()).toBeGreaterThanOrEqual(5);
    expect(state(steady.id)).toBe('ok');
    expect(state(edited.id)).toBe('changed');
    expect(state(vanishing.id)).toBe('gone');
    expect(state(moving.id)).toBe('moved');
    expect(state(failing.id)).toBe('unreachable');
    // The unchanged page was asked for conditionally and answered 304.
    const steadyRequests = bed.site.requestsTo('/steady');
    expect(steadyRequests.at(-1)!.headers['if-none-match']).toBe('"v1/steady"');
    expect(getSourceCheck({ sourceId: steady.id })).toMatchObject({ httpStatus: 304, etag: '"v1/steady"' });
    // One request at a time to the one host, though the runner had room for two.
    expect(bed.site.peak()).toBe(1);

    const attention = listSourcesNeedingAttention();
    expect(attention.map((s) => s.state).sort()).toEqual(['changed', 'gone', 'moved', 'unreachable']);
    expect(attention[0]!.claims[0]!.claimId).toBe(claimId());
    expect(listSourcesNeedingAttention({ claimId: claimId() + 1000 })).toEqual([]);
    // Readers keep the copy that was cited; no new one was stored by the checks.
    expect(snapshotsOf(edited.id)).toHaveLength(1);
  });

  it('keeps checking a site that fails, but backs it off instead of asking again every minute', async () => {
    bed.site.set('/down', { body: REPORT });
    const source = cite('/down');
    await runner().runDue();
    bed.site.set('/down', { status: 503, body: 'maintenance' });
    await checkAll();
    const before = bed.site.requestsTo('/down').length;
    for (let i = 0; i < 10; i++) {
      bed.clock += 30_000;
      await runner().runDue();
    }
    // Five minutes of polling: retried after one minute and two more, not ten times.
    expect(bed.site.requestsTo('/down').length - before).toBeLessThanOrEqual(2);
    expect(getSourceCheck({ sourceId: source.id })).toMatchObject({ state: 'unreachable' });
    expect(getQueueOverview().hosts[0]).toMatchObject({ host: new URL(bed.site.base).host });
  });
});

describe('a source first cited while its site was down', () => {
  it('is archived by the first link check that reaches it', async () => {
    bed.site.set('/later', { status: 503 });
    const source = cite('/later');
    // Every attempt fails; the job gives up.
    for (let i = 0; i < 6; i++) {
      await runner().runDue();
      bed.clock += 7 * 60 * 60_000;
    }
    expect(jobOf(source.id).state).toBe('failed');
    expect(snapshotsOf(source.id)).toHaveLength(0);
    bed.site.set('/later', { body: REPORT });
    bed.clock += 7 * 24 * 60 * 60_000;
    await runner().runDue();
    expect(snapshotsOf(source.id)).toHaveLength(1);
    expect(getSourceCheck({ sourceId: source.id })?.state).toBe('ok');
  });
});

describe('backups', () => {
  it('carry the archived copies and the sources’ states', async () => {
    bed.site.set('/report', { body: REPORT });
    const source = cite('/report');
    await runner().runDue();
    const copy = `${bed.file}.backup`;
    await backupDatabase({ from: bed.file, to: copy });
    const backup = new Database(copy, { readonly: true });
    try {
      expect(backup.prepare('select text, sha256 from source_snapshots where source_id = ?').get(source.id)).toEqual({
        text: snapshotsOf(source.id)[0]!.text,
        sha256: createHash('sha256').update(REPORT).digest('hex'),
      });
      expect(backup.prepare('select state from source_checks where source_id = ?').pluck().get(source.id)).toBe('ok');
    } finally {
      backup.close();
      fs.rmSync(copy, { force: true });
    }
  });
});
