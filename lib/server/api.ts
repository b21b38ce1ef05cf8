import 'server-only';
import { z } from 'zod';
import type { listArticlesPage, listPartiesWithCounts } from '@/db/queries/reader-lists';
import type { ClaimHit } from '@/db/queries/search';
import type { articleDetailSchema, articleSummarySchema, claimDetailSchema, claimSummarySchema, partyDetailSchema, partySummarySchema } from '@/lib/api-schema';
import type { EventKind } from '@/lib/events';
import { isoDate, isoDateOrNull } from '@/lib/format';
import { parseSearchParams } from '@/lib/params';
import { articlePath, claimPath, partyPath } from '@/lib/routes';
import { STATUS_INFO, type Status } from '@/lib/status';
import type { PartyKind } from '@/lib/vocabulary';
import { jsonError, jsonResponse } from './http';
import { registerRenderTags } from './page-cache';
import type { readArticle, readClaim, readParty } from './reader';

/**
 * The public JSON API's answers (/api/v1): each built as its schema in
 * lib/api-schema.ts (plain JSON, RFC 3339 dates, absolute URLs on `site`).
 */

type PublishedClaim = NonNullable<ReturnType<typeof readClaim>>;
type Article = NonNullable<ReturnType<typeof readArticle>>;
type Party = NonNullable<ReturnType<typeof readParty>>;
type ArticleRow = ReturnType<typeof listArticlesPage>['articles'][number];
type PartyRow = ReturnType<typeof listPartiesWithCounts>[number];
type Output<S extends z.ZodType> = z.input<S>;

/**
 * A 200 (or 304) JSON answer typed as `schema`. Outside production the value is also
 * parsed with it, so a handler that drifts from the documented shape fails its tests.
 */
export function apiJson<S extends z.ZodType>(request: Request, schema: S, value: z.input<S>, headers?: Record<string, string>): Response {
  if (process.env.NODE_ENV !== 'production') schema.parse(value);
  return jsonResponse(request, value, { headers });
}

/**
 * An API list's answer (apiJson), which the page cache keeps (lib/server/page-cache.ts): it is
 * told the cache tags the list read, so an edit that touches none of them leaves it stored. Route
 * handlers run outside React's render, where recordRead() keeps nothing, so the list names them.
 */
export function apiList<S extends z.ZodType>(request: Request, schema: S, value: z.input<S>, readTags: readonly string[]): Response {
  registerRenderTags(request.headers, new Set(readTags));
  return apiJson(request, schema, value);
}

/** What a claim is, the same in lists and on its own: id, address, statement and status. */
export function claimHead(c: { id: number; slug: string; statement: string; status: Status; statusNote: string }, site: string) {
  return {
    id: c.id,
    url: `${site}${claimPath(c)}`,
    statement: c.statement,
    status: c.status,
    statusLabel: STATUS_INFO[c.status].label,
    statusNote: c.statusNote,
  };
}

const partyLink = (p: { slug: string }, site: string) => `${site}${partyPath(p)}`;

export function claimSummary(c: ClaimHit, site: string): Output<typeof claimSummarySchema> {
  return {
    ...claimHead(c, site),
    quote: c.quote,
    claimant: c.partySlug && c.partyName ? { slug: c.partySlug, name: c.partyName, url: partyLink({ slug: c.partySlug }, site) } : null,
    article: { slug: c.articleSlug, title: c.articleTitle, outlet: c.outlet, url: `${site}${articlePath({ slug: c.articleSlug })}` },
    claimDate: isoDate(c.claimDate),
    updatedAt: isoDate(c.updatedAt),
  };
}

export function claimDetail(c: PublishedClaim, site: string): Output<typeof claimDetailSchema> {
  return {
    ...claimHead(c, site),
    quote: { exact: c.anchorExact, prefix: c.anchorPrefix, suffix: c.anchorSuffix, start: c.anchorStart, end: c.anchorEnd, state: c.anchorState },
    claimant: c.claimant ? { slug: c.claimant.slug, name: c.claimant.name, kind: c.claimant.kind, url: partyLink(c.claimant, site) } : null,
    article: {
      slug: c.article.slug,
      title: c.article.title,
      outlet: c.article.outlet,
      publishedAt: isoDateOrNull(c.article.publishedAt),
      url: `${site}${articlePath(c.article)}`,
      canonicalUrl: c.article.canonicalUrl,
    },
    appearances: c.appearances.map((a) => ({
      slug: a.slug,
      title: a.title,
      outlet: a.outlet,
      publishedAt: isoDateOrNull(a.publishedAt),
      url: `${site}${articlePath(a)}`,
    })),
    sources: c.sources.map((s) => ({
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      publishedAt: isoDateOrNull(s.publishedAt),
      archivedUrl: s.archivedUrl,
      relation: s.relation,
      excerpt: s.excerpt,
    })),
    responses: c.responses.map((r) => ({
      party: { slug: r.partySlug, name: r.partyName, url: partyLink({ slug: r.partySlug }, site) },
      stance: r.stance,
      quote: r.quote,
      respondedAt: isoDateOrNull(r.respondedAt),
      requestedAt: isoDateOrNull(r.requestedAt),
      deadlineAt: isoDateOrNull(r.deadlineAt),
      sourceUrl: r.sourceUrl,
    })),
    events: c.events.map((e) => ({ at: isoDate(e.at), kind: e.kind as EventKind, before: e.before, after: e.after })),
    createdAt: isoDate(c.createdAt),
    updatedAt: isoDate(c.updatedAt),
  };
}

function articleHead(a: ArticleRow | Article, site: string) {
  return {
    slug: a.slug,
    title: a.title,
    outlet: a.outlet,
    author: a.author,
    publishedAt: isoDateOrNull(a.publishedAt),
    canonicalUrl: a.canonicalUrl,
    url: `${site}${articlePath(a)}`,
  };
}

export function articleSummary(a: ArticleRow, site: string): Output<typeof articleSummarySchema> {
  return { ...articleHead(a, site), claims: a.claims, api: `${site}/api/v1/articles/${a.slug}` };
}

export function articleDetail(a: Article, site: string): Output<typeof articleDetailSchema> {
  return {
    ...articleHead(a, site),
    body: a.body,
    revisions: a.revisions.map((r) => ({ id: r.id, createdAt: isoDate(r.createdAt) })),
    claims: a.claims.map((c) => ({
      id: c.id,
      statement: c.statement,
      status: c.status,
      statusLabel: STATUS_INFO[c.status].label,
      start: c.start,
      end: c.end,
      url: `${site}${claimPath(c)}`,
      api: `${site}/api/v1/claims/${c.id}`,
    })),
  };
}

function partyHead(p: PartyRow | Party, site: string) {
  return { slug: p.slug, name: p.name, kind: p.kind as PartyKind, description: p.description, url: partyLink(p, site), website: p.url };
}

export function partySummary(p: PartyRow, site: string): Output<typeof partySummarySchema> {
  return { ...partyHead(p, site), claims: p.claims, responses: p.responses, api: `${site}/api/v1/parties/${p.slug}` };
}

export function partyDetail(p: Party, site: string): Output<typeof partyDetailSchema> {
  return {
    ...partyHead(p, site),
    claims: p.claims.map((c) => ({ id: c.id, statement: c.statement, status: c.status, updatedAt: isoDate(c.updatedAt), url: `${site}${claimPath(c)}` })),
    responses: p.responses.map((r) => ({
      claim: { id: r.claimId, statement: r.statement, status: r.status, url: `${site}${claimPath({ id: r.claimId, slug: r.claimSlug })}` },
      stance: r.stance,
      quote: r.quote,
      respondedAt: isoDateOrNull(r.respondedAt),
      requestedAt: isoDateOrNull(r.requestedAt),
      deadlineAt: isoDateOrNull(r.deadlineAt),
    })),
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
