import 'server-only';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { recordHostFailure, recordHostSuccess } from '@/db/queries/jobs';
import { citingClaimIds, getSourceAddress, insertSnapshot, recordCheck, SNAPSHOT_JOB, type CheckInput } from '@/db/queries/snapshots';
import type { Tx } from '@/db/queries/tx';
import { hostOf } from '@/lib/jobs';
import { normalizeBody } from '@/lib/text';
import { tags } from '../cache';
import { appUrl, env } from '../env';
import { htmlToArticle } from '../html-to-text';
import { decode, FETCH_REFUSALS, safeFetchResponse, SafeFetchError, type FetchRefusal, type SafeFetchResponse } from '../safe-fetch';
import { JobError, jobHandler, type JobContext } from './runner';

/** The largest source body fetched for a snapshot; a larger one is refused (and recorded as such). */
export const SNAPSHOT_MAX_BYTES = 10 * 1024 * 1024;
/** The most extracted text stored per snapshot (characters); the rest is cut and the copy says so. */
export const SNAPSHOT_TEXT_CHARS = 500_000;
export const SNAPSHOT_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain', 'application/pdf'] as const;
/** How long after a check of a source the next one is due (CLAIMLINE_SOURCE_CHECK_DAYS, default 7). */
export const checkIntervalMs = () => env.CLAIMLINE_SOURCE_CHECK_DAYS * 24 * 60 * 60_000;

/** Names Claimline and where it runs, so a site's operator knows who fetches and whom to ask. */
export const userAgent = () => `Claimline source archiver (+${appUrl()})`;

// Refusals another attempt may get past (the site was down or slow); the others are answers.
const PASSING: readonly FetchRefusal[] = ['network', 'timeout', 'unresolvable'];

/** A fetch of a source's address as a check outcome, or the snapshot to store. */
export type Fetched =
  | { kind: 'page'; response: SafeFetchResponse }
  | { kind: 'answer'; check: Omit<CheckInput, 'sourceId' | 'checkedAt' | 'nextCheckAt'>; retry: boolean };

/**
 * Fetches a source politely; never throws for what the site did, only returns it. A fetch that
 * takes longer than CLAIMLINE_FETCH_TIMEOUT_MS is given up (the job's lease is renewed meanwhile).
 */
export async function fetchSource(
  url: string,
  { headers = {}, timeoutMs = env.CLAIMLINE_FETCH_TIMEOUT_MS, accept = SNAPSHOT_TYPES }: { headers?: Record<string, string>; timeoutMs?: number; accept?: readonly string[] } = {},
): Promise<Fetched> {
  try {
    const response = await safeFetchResponse(url, {
      accept,
      maxBytes: SNAPSHOT_MAX_BYTES,
      timeoutMs,
      userAgent: userAgent(),
      headers,
    });
    const { status } = response;
    if ((status >= 200 && status < 300) || status === 304) return { kind: 'page', response };
    const answer = { finalUrl: response.url, httpStatus: status };
    if (status === 404 || status === 410) {
      return { kind: 'answer', retry: false, check: { ...answer, state: 'gone', detail: `The site answered ${status}: the page is gone.` } };
    }
    const passing = status >= 500 || status === 429 || status === 408;
    return { kind: 'answer', retry: passing, check: { ...answer, state: 'unreachable', detail: `The site answered with an error (HTTP ${status}).`, failed: true } };
  } catch (error) {
    if (!(error instanceof SafeFetchError)) throw error;
    return {
      kind: 'answer',
      retry: PASSING.includes(error.reason),
      check: { state: 'unreachable', detail: FETCH_REFUSALS[error.reason], failed: true },
    };
  }
}

/** Whether two addresses are the same once parsed (the host's case, a default port). */
export const sameAddress = (a: string, b: string) => {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
};

/** The stored copy of a fetched body: extracted text of a page or plain text; for a PDF, only its hash and size. */
export function snapshotOf(response: SafeFetchResponse) {
  const mediaType = response.contentType.split(';')[0]!.trim().toLowerCase();
  let title = '';
  let text = '';
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') {
    const page = htmlToArticle(decode(response.body, response.contentType), response.url);
    title = page.title;
    text = page.body;
  } else if (mediaType === 'text/plain') {
    text = normalizeBody(decode(response.body, response.contentType));
  }
  const textTruncated = text.length > SNAPSHOT_TEXT_CHARS;
  return {
    finalUrl: response.url,
    httpStatus: response.status,
    contentType: response.contentType.slice(0, 200),
    title: title.slice(0, 500),
    text: textTruncated ? text.slice(0, SNAPSHOT_TEXT_CHARS) : text,
    textTruncated,
    sha256: createHash('sha256').update(response.body).digest('hex'),
    size: response.body.length,
  };
}

/**
 * Records a fetch that stored nothing: the source's state, and a backoff for its host when
 * the site failed. A failure another attempt may get past is thrown, so the job retries.
 */
export function recordAnswer(context: JobContext, sourceId: number, url: string, fetched: Extract<Fetched, { kind: 'answer' }>) {
  const now = context.now();
  const host = hostOf(url);
  const write = (tx: Tx) => {
    recordCheck(tx, { sourceId, ...fetched.check, checkedAt: now, nextCheckAt: new Date(now.getTime() + checkIntervalMs()) });
    // Only a site that failed to answer is backed off; a page it refused to give is that page's answer.
    if (host && fetched.retry) recordHostFailure(tx, { host, error: fetched.check.detail, now });
    return citingClaimIds(tx, sourceId).map(tags.claim);
  };
  if (!fetched.retry) return context.commit(write);
  // Recorded now (editors see the source unreachable) and the job is tried again after its backoff.
  context.record(write);
  throw new JobError(fetched.check.detail);
}

/** Fetches a source and stores a copy of what it answered, with the source's state. */
export const snapshotHandler = jobHandler({
  schema: z.object({ sourceId: z.number().int().positive() }),
  async run({ sourceId }, context) {
    const source = getSourceAddress({ id: sourceId });
    if (!source) return; // deleted since it was queued
    const fetched = await fetchSource(source.url);
    if (fetched.kind === 'answer') return recordAnswer(context, sourceId, source.url, fetched);
    const now = context.now();
    const snapshot = snapshotOf(fetched.response);
    const moved = !sameAddress(fetched.response.url, source.url);
    context.commit((tx) => {
      insertSnapshot(tx, { sourceId, fetchedAt: now, ...snapshot });
      recordCheck(tx, {
        sourceId,
        state: moved ? 'moved' : 'ok',
        detail: moved ? `The address now leads to ${fetched.response.url}.` : '',
        checkedAt: now,
        nextCheckAt: new Date(now.getTime() + checkIntervalMs()),
        finalUrl: fetched.response.url,
        httpStatus: fetched.response.status,
        etag: header(fetched.response, 'etag'),
        lastModified: header(fetched.response, 'last-modified'),
      });
      const host = hostOf(source.url);
      if (host) recordHostSuccess(tx, host);
      return citingClaimIds(tx, sourceId).map(tags.claim);
    });
  },
});

export const header = (response: SafeFetchResponse, name: string) => {
  const value = response.headers[name];
  return typeof value === 'string' ? value.slice(0, 500) : null;
};

export const SNAPSHOT_HANDLERS = { [SNAPSHOT_JOB]: snapshotHandler } as const;
