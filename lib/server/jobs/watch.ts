import 'server-only';
import { z } from 'zod';
import { recordHostFailure, recordHostSuccess } from '@/db/queries/jobs';
import { getWatch, recordFetchedText, recordWatchFetch, WATCH_JOB } from '@/db/queries/watches';
import { hostOf } from '@/lib/jobs';
import { nextWatchAt, watchedText } from '@/lib/watch';
import { env } from '../env';
import { htmlToArticle } from '../html-to-text';
import { decode } from '../safe-fetch';
import { jobHandler } from './runner';
import { fetchSource, header } from './snapshot';

/** What a watched article may answer: a web page, as the import accepted it; anything else (a PDF, an image) is refused. */
export const WATCH_TYPES = ['text/html', 'application/xhtml+xml'] as const;

/**
 * A scheduled fetch of an article imported from a web address (a conditional request). Text
 * that differs from what the last fetch saw is recorded as a pending revision for an editor
 * to accept or dismiss; it never changes the article on its own. A failed or refused fetch is
 * recorded on the watch and its site backed off; the schedule brings the next attempt.
 */
export const watchHandler = jobHandler({
  schema: z.object({ articleId: z.number().int().positive() }),
  async run({ articleId }, context) {
    const watch = getWatch({ articleId });
    if (!watch) return;
    const conditional: Record<string, string> = {};
    if (watch.etag) conditional['if-none-match'] = watch.etag;
    if (watch.lastModified) conditional['if-modified-since'] = watch.lastModified;
    const fetched = await fetchSource(watch.url, { headers: conditional, accept: WATCH_TYPES });
    const now = context.now();
    const next = { articleId, checkedAt: now, nextCheckAt: nextWatchAt(watch.createdAt, now, env.CLAIMLINE_WATCH_SCHEDULE) };
    const host = hostOf(watch.url);
    if (fetched.kind === 'answer') {
      return context.commit((tx) => {
        recordWatchFetch(tx, { ...next, state: fetched.check.state === 'gone' ? 'gone' : 'unreachable', detail: fetched.check.detail });
        // Any failed fetch backs the site off, refusals included: unlike a cited source, checked
        // weekly, a watched page is asked for again every hour, so a page that keeps answering
        // 10 MB, an image or a private address must not be fetched at that pace (a gone page is
        // an answer, and is not).
        if (host && fetched.check.failed) recordHostFailure(tx, { host, error: fetched.check.detail, now });
        return [];
      });
    }
    const { response } = fetched;
    const text =
      response.status === 304
        ? null
        : watchedText(htmlToArticle(decode(response.body, response.contentType), response.url).body, watch.removedParagraphs);
    context.commit((tx) => {
      recordWatchFetch(tx, { ...next, state: 'ok', etag: header(response, 'etag'), lastModified: header(response, 'last-modified') });
      if (text !== null) recordFetchedText(tx, { articleId, body: text, fetchedUrl: response.url, now });
      if (host) recordHostSuccess(tx, host);
      return [];
    });
  },
});

export const WATCH_HANDLERS = { [WATCH_JOB]: watchHandler } as const;
