/** The job queue's kinds and retry timing (db/queries/jobs.ts, lib/server/jobs/). */

export const JOB_KINDS = {
  /** Fetch a source and store an archived copy. */
  snapshot: 'snapshot-source',
  /** Check a cited source's address (a link check). */
  check: 'check-source',
  /** Fetch a watched article and record the outlet's changes. */
  watch: 'watch-article',
} as const;

export const RETRY_BASE_MS = 60_000;
export const RETRY_CAP_MS = 6 * 60 * 60_000;

/**
 * How long to wait after a job's `attempts`-th failed attempt before the next one: one
 * minute, doubling each time, never more than six hours (a site down for a day is tried
 * a few times, not every minute).
 */
export function retryDelayMs(attempts: number, { baseMs = RETRY_BASE_MS, capMs = RETRY_CAP_MS } = {}): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(capMs, baseMs * 2 ** exponent);
}

/** The host a job for this URL fetches from (lower case, port kept), or null for an address that is not http(s). */
export function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

// Names reserved never to resolve on the internet (RFC 2606, RFC 6761): demo and test content.
const RESERVED_TLDS = ['example', 'invalid', 'test', 'localhost'];

/** Whether Claimline should fetch from this host at all: not from names that can never answer. */
export function isFetchableHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();
  const tld = name.split('.').at(-1) ?? '';
  return !RESERVED_TLDS.includes(tld);
}

/** Whether Claimline fetches this address at all: http(s), and not under a name reserved for examples (the demo's). */
export function isFetchableUrl(url: string): boolean {
  const host = hostOf(url);
  return host !== null && isFetchableHost(host);
}

/** A job as the jobs page names it. */
export function describeJob(kind: string, payload: unknown): string {
  const data = (payload ?? {}) as Record<string, unknown>;
  switch (kind) {
    case JOB_KINDS.snapshot:
      return `Archive source ${String(data.sourceId)}`;
    case JOB_KINDS.watch:
      return `Look for changes to article ${String(data.articleId)}`;
    case JOB_KINDS.check:
      return `Check the address of source ${String(data.sourceId)}`;
    default:
      return kind;
  }
}
