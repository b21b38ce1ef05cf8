import 'server-only';
import { z } from 'zod';
import type { ClaimHit } from '@/db/queries/search';
import { parseSearchParams } from '@/lib/params';
import { STATUS_INFO, type Status } from '@/lib/status';
import { articlePath, claimPath, partyPath } from '@/lib/routes';
import { jsonError } from './http';
import type { readClaim } from './reader';

/** Shapes of the public JSON API (/api/v1): plain JSON, ISO dates, absolute URLs. */

type PublishedClaim = NonNullable<ReturnType<typeof readClaim>>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What a claim is, the same in lists and on its own: id, address, statement and status. */
function claimHead(c: { id: number; slug: string; statement: string; status: Status; statusNote: string }, site: string) {
  return {
    id: c.id,
    url: `${site}${claimPath(c)}`,
    statement: c.statement,
    status: c.status,
    statusLabel: STATUS_INFO[c.status].label,
    statusNote: c.statusNote,
  };
}

export function claimSummary(c: ClaimHit, site: string) {
  return {
    ...claimHead(c, site),
    quote: c.quote,
    claimant: c.partySlug && c.partyName ? { slug: c.partySlug, name: c.partyName, url: `${site}${partyPath({ slug: c.partySlug })}` } : null,
    article: { slug: c.articleSlug, title: c.articleTitle, outlet: c.outlet, url: `${site}${articlePath({ slug: c.articleSlug })}` },
    claimDate: iso(c.claimDate),
    updatedAt: iso(c.updatedAt),
  };
}

export function claimDetail(c: PublishedClaim, site: string) {
  return {
    ...claimHead(c, site),
    quote: { exact: c.anchorExact, prefix: c.anchorPrefix, suffix: c.anchorSuffix, start: c.anchorStart, end: c.anchorEnd, state: c.anchorState },
    claimant: c.claimant ? { slug: c.claimant.slug, name: c.claimant.name, kind: c.claimant.kind, url: `${site}${partyPath(c.claimant)}` } : null,
    article: {
      slug: c.article.slug,
      title: c.article.title,
      outlet: c.article.outlet,
      publishedAt: iso(c.article.publishedAt),
      url: `${site}${articlePath(c.article)}`,
      canonicalUrl: c.article.canonicalUrl,
    },
    appearances: c.appearances.map((a) => ({
      slug: a.slug,
      title: a.title,
      outlet: a.outlet,
      publishedAt: iso(a.publishedAt),
      url: `${site}${articlePath(a)}`,
    })),
    sources: c.sources.map((s) => ({
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      publishedAt: iso(s.publishedAt),
      archivedUrl: s.archivedUrl,
      relation: s.relation,
      excerpt: s.excerpt,
    })),
    responses: c.responses.map((r) => ({
      party: { slug: r.partySlug, name: r.partyName, url: `${site}${partyPath({ slug: r.partySlug })}` },
      stance: r.stance,
      quote: r.quote,
      respondedAt: iso(r.respondedAt),
      requestedAt: iso(r.requestedAt),
      deadlineAt: iso(r.deadlineAt),
      sourceUrl: r.sourceUrl,
    })),
    events: c.events.map((e) => ({ at: iso(e.at), kind: e.kind, before: e.before, after: e.after })),
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}

/** Parses a request's query string with `schema` (see parseSearchParams); any unknown or invalid parameter gives a 400 naming it. */
export function parseQuery<T extends z.ZodObject>(
  request: Request,
  schema: T,
): { ok: true; data: z.output<T> } | { ok: false; response: Response } {
  const parsed = parseSearchParams(new URL(request.url).searchParams, schema, { strict: true });
  return parsed.ok ? parsed : { ok: false, response: invalidParams(parsed.errors) };
}

export function invalidParams(fields: Record<string, string>): Response {
  return jsonError(400, `Invalid query parameter: ${Object.keys(fields).join(', ')}.`, fields);
}

export const notFoundJson = () => jsonError(404, 'Not found.');

/** A path id that is not a positive integer is a 400 naming it, as for query parameters. */
export function badId(): Response {
  return jsonError(400, 'Invalid path parameter: id.', { id: 'Use a positive whole number.' });
}
