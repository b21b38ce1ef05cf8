import 'server-only';
import { z } from 'zod';
import { recordHostSuccess } from '@/db/queries/jobs';
import { CHECK_JOB, citingClaimIds, getSourceAddress, getSourceCheck, insertSnapshot, latestSnapshot, recordCheck } from '@/db/queries/snapshots';
import { hostOf } from '@/lib/jobs';
import { tags } from '../cache';
import { jobHandler } from './runner';
import { checkIntervalMs, fetchSource, header, recordAnswer, sameAddress, snapshotOf } from './snapshot';

/**
 * A scheduled link check of a cited source: a conditional request (If-None-Match /
 * If-Modified-Since from the last answer), then its state: ok, moved (the address now
 * redirects elsewhere), changed (its text, or a PDF's bytes, differ from the stored copy),
 * gone (404/410) or unreachable. No new copy is stored over one that exists: readers keep
 * the one that was cited, and an editor may make a new one ("Archive again").
 */
export const checkHandler = jobHandler({
  schema: z.object({ sourceId: z.number().int().positive() }),
  async run({ sourceId }, context) {
    const source = getSourceAddress({ id: sourceId });
    if (!source) return;
    const last = getSourceCheck({ sourceId });
    const conditional: Record<string, string> = {};
    if (last?.etag) conditional['if-none-match'] = last.etag;
    if (last?.lastModified) conditional['if-modified-since'] = last.lastModified;
    const fetched = await fetchSource(source.url, { headers: conditional });
    if (fetched.kind === 'answer') return recordAnswer(context, sourceId, source.url, fetched);
    const now = context.now();
    const { response } = fetched;
    let state: 'ok' | 'moved' | 'changed';
    let detail = '';
    // A source that could not be archived when it was cited (its site was down) is archived now.
    const stored = response.status === 304 ? undefined : latestSnapshot({ sourceId });
    const fresh = response.status === 304 ? undefined : snapshotOf(response);
    const firstCopy = fresh && !stored ? fresh : undefined;
    if (!sameAddress(response.url, source.url)) {
      state = 'moved';
      detail = `The address now leads to ${response.url}.`;
    } else if (response.status === 304) {
      // Unchanged since the last check: whatever it was then (changed stays changed).
      state = last?.state === 'changed' ? 'changed' : 'ok';
      detail = last?.state === 'changed' ? last.detail : '';
    } else {
      const differs = stored && fresh && (stored.text || fresh.text ? stored.text !== fresh.text : stored.sha256 !== fresh.sha256);
      state = differs ? 'changed' : 'ok';
      detail = differs ? 'The page’s text differs from the archived copy.' : '';
    }
    context.commit((tx) => {
      if (firstCopy) insertSnapshot(tx, { sourceId, fetchedAt: now, ...firstCopy });
      recordCheck(tx, {
        sourceId,
        state,
        detail,
        checkedAt: now,
        nextCheckAt: new Date(now.getTime() + checkIntervalMs()),
        finalUrl: response.url,
        httpStatus: response.status,
        etag: header(response, 'etag'),
        lastModified: header(response, 'last-modified'),
      });
      const host = hostOf(source.url);
      if (host) recordHostSuccess(tx, host);
      return citingClaimIds(tx, sourceId).map(tags.claim);
    });
  },
});

export const CHECK_HANDLERS = { [CHECK_JOB]: checkHandler } as const;
