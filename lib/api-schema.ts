import { z } from 'zod';
import { ANCHOR_STATES } from './anchor';
import { cursorParam, limitParam, SEARCH_BOUND } from './claim-filters';
import { EVENT_KINDS, INTERNAL_EVENT_KINDS } from './events';
import { STATUSES } from './status';
import { PARTY_KINDS, RELATIONS, STANCES } from './vocabulary';

/**
 * The shapes of the public JSON API (/api/v1). The route handlers build their
 * answers as these types (lib/server/api.ts), and the OpenAPI document
 * (lib/openapi.ts) is generated from the same schemas, so the two cannot drift.
 * Each schema registered in `apiSchemas` becomes a named component.
 */

export const apiSchemas = z.registry<{ id: string; description?: string }>();

function named<T extends z.ZodType>(schema: T, id: string, description: string): T {
  apiSchemas.add(schema, { id, description });
  return schema;
}

// Our own addresses: an absolute URL on this site.
const link = (description: string) => z.url().describe(description);
const dateTime = z.iso.datetime().describe('RFC 3339 date-time in UTC.');
const optionalDateTime = dateTime.nullable().describe('RFC 3339 date-time in UTC, or null when not known.');
// URLs people typed or imported (an article's original, a source): shown as given, not always http(s).
const externalUrl = (description: string) => z.string().describe(description);
const id = z.number().int().positive();
const status = z.enum(STATUSES).describe('The claim’s status (see statusLabel for the words to show).');
const slug = z.string().describe('URL-safe name; stable for the item.');
const PUBLIC_EVENT_KINDS = EVENT_KINDS.filter((kind) => !INTERNAL_EVENT_KINDS.includes(kind));

export const apiErrorSchema = named(
  z.object({
    error: z.object({
      status: z.number().int().min(400).max(599).describe('The HTTP status, repeated.'),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().describe('Each refused parameter, by name, with why.'),
    }),
  }),
  'Error',
  'Why the request was refused.',
);

const claimHead = {
  id,
  url: link('The claim page.'),
  statement: z.string().describe('The claim in one sentence.'),
  status,
  statusLabel: z.string(),
  statusNote: z.string().describe('Why the claim has this status; may be empty.'),
};

export const claimSummarySchema = named(
  z.object({
    ...claimHead,
    quote: z.string().describe('The words the article quotes.'),
    claimant: z.object({ slug, name: z.string(), url: link('The party page.') }).nullable(),
    article: z.object({ slug, title: z.string(), outlet: z.string(), url: link('The article page.') }),
    claimDate: dateTime.describe('When the claim was made: the article’s publication date, else when it was recorded.'),
    updatedAt: dateTime,
  }),
  'ClaimSummary',
  'A published claim as lists and exports show it.',
);

const articleRef = {
  slug,
  title: z.string(),
  outlet: z.string(),
  publishedAt: optionalDateTime,
  url: link('The article page.'),
};

export const claimDetailSchema = named(
  z.object({
    ...claimHead,
    quote: z.object({
      exact: z.string(),
      prefix: z.string(),
      suffix: z.string(),
      start: z.number().int().min(0).describe('UTF-16 code units into the article text.'),
      end: z.number().int().min(0),
      state: z.enum(ANCHOR_STATES).describe('anchored; fuzzy or orphaned when the article changed under it.'),
    }),
    claimant: z.object({ slug, name: z.string(), kind: z.enum(PARTY_KINDS), url: link('The party page.') }).nullable(),
    article: z.object({ ...articleRef, canonicalUrl: externalUrl('The original article.').nullable() }),
    appearances: z.array(z.object(articleRef)).describe('Other articles that made the same claim.'),
    sources: z.array(
      z.object({
        url: externalUrl('The source.'),
        title: z.string(),
        publisher: z.string(),
        publishedAt: optionalDateTime,
        archivedUrl: externalUrl('An archived copy.').nullable(),
        relation: z.enum(RELATIONS),
        excerpt: z.string(),
      }),
    ),
    responses: z.array(
      z.object({
        party: z.object({ slug, name: z.string(), url: link('The party page.') }),
        stance: z.enum(STANCES).nullable().describe('null while a request is open.'),
        quote: z.string(),
        respondedAt: optionalDateTime,
        requestedAt: optionalDateTime,
        deadlineAt: optionalDateTime,
        sourceUrl: externalUrl('Where the response was published.').nullable(),
      }),
    ),
    events: z
      .array(
        z.object({
          at: dateTime,
          kind: z.enum(PUBLIC_EVENT_KINDS),
          before: z.record(z.string(), z.unknown()).nullable(),
          after: z.record(z.string(), z.unknown()).nullable(),
        }),
      )
      .describe('The public history, oldest first.'),
    createdAt: dateTime,
    updatedAt: dateTime,
  }),
  'ClaimDetail',
  'A published claim with its quote, sources, responses, history and appearances.',
);

const nextCursor = z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.');

export const claimListSchema = named(
  z.object({
    data: z.array(claimSummarySchema),
    total: z.number().int().min(0),
    totalCapped: z
      .boolean()
      .describe(
        `true when more than \`total\` claims match. A search with words counts up to ${SEARCH_BOUND}; sorted by relevance it ranks the ${SEARCH_BOUND} most recently added matches (sort by a date to page through every match).`,
      ),
    nextCursor,
    links: z.object({ self: link('This page.'), next: link('The next page.').nullable() }),
  }),
  'ClaimList',
  'One page of published claims.',
);

export const claimResponseSchema = named(z.object({ data: claimDetailSchema }), 'ClaimResponse', 'One published claim.');

export const claimExportSchema = named(
  z.object({ count: z.number().int().min(0), data: z.array(claimSummarySchema) }),
  'ClaimExport',
  'Every published claim matching the filters.',
);

const articleHead = {
  slug,
  title: z.string(),
  outlet: z.string(),
  author: z.string(),
  publishedAt: optionalDateTime,
  canonicalUrl: externalUrl('The original article.').nullable(),
  url: link('The article page.'),
};

export const articleSummarySchema = named(
  z.object({ ...articleHead, claims: z.number().int().min(0).describe('Published claims.'), api: link('This article in the API.') }),
  'ArticleSummary',
  'An article as the list shows it.',
);

/** The query of /articles. */
export const articleListQuery = z.object({ limit: limitParam.default(20), cursor: cursorParam.optional() });

export const articleListSchema = named(
  z.object({ data: z.array(articleSummarySchema), nextCursor, links: z.object({ next: link('The next page.').nullable() }) }),
  'ArticleList',
  'One page of articles, newest first.',
);

export const articleDetailSchema = named(
  z.object({
    ...articleHead,
    body: z.string().describe('The current text: plain text, paragraphs separated by a blank line.'),
    revisions: z.array(z.object({ id, createdAt: dateTime })).describe('Every version of the text, oldest first.'),
    claims: z
      .array(
        z.object({
          id,
          statement: z.string(),
          status,
          statusLabel: z.string(),
          start: z.number().int().min(0).describe('UTF-16 code units into body.'),
          end: z.number().int().min(0),
          url: link('The claim page.'),
          api: link('This claim in the API.'),
        }),
      )
      .describe('Published claims in reading order.'),
  }),
  'ArticleDetail',
  'An article with its current text and published claims.',
);

export const articleResponseSchema = named(z.object({ data: articleDetailSchema }), 'ArticleResponse', 'One article.');

const partyHead = {
  slug,
  name: z.string(),
  kind: z.enum(PARTY_KINDS),
  description: z.string(),
  url: link('The party page.'),
  website: externalUrl('The party’s own website.').nullable(),
};

export const partySummarySchema = named(
  z.object({
    ...partyHead,
    claims: z.number().int().min(0).describe('Published claims the party made.'),
    responses: z.number().int().min(0).describe('Responses to published claims.'),
    api: link('This party in the API.'),
  }),
  'PartySummary',
  'A party with its counts.',
);

export const partyListSchema = named(z.object({ data: z.array(partySummarySchema) }), 'PartyList', 'Every party named on a published claim (as claimant or responder), by name.');

export const partyDetailSchema = named(
  z.object({
    ...partyHead,
    claims: z.array(z.object({ id, statement: z.string(), status, updatedAt: dateTime, url: link('The claim page.') })),
    responses: z.array(
      z.object({
        claim: z.object({ id, statement: z.string(), status, url: link('The claim page.') }),
        stance: z.enum(STANCES).nullable(),
        quote: z.string(),
        respondedAt: optionalDateTime,
        requestedAt: optionalDateTime,
        deadlineAt: optionalDateTime,
      }),
    ),
  }),
  'PartyDetail',
  'A party with the published claims it made and its responses.',
);

export const partyResponseSchema = named(z.object({ data: partyDetailSchema }), 'PartyResponse', 'One party.');

/** The query of /page-claims: the page's address, or the article's slug on this site. */
export const pageClaimsQuery = z.object({
  url: z
    .string()
    .max(2000)
    .describe('The address of the article page as its publisher serves it (its canonical URL). Scheme, `www.`, a trailing slash, fragment and utm_* parameters may differ from the stored one.')
    .optional(),
  article: z.string().max(200).describe('The article’s slug on this site, as in its page address (instead of `url`).').optional(),
});

export const pageClaimsSchema = named(
  z.object({
    data: z.object({
      article: z.object({ slug, title: z.string(), url: link('The article page on this site.') }).nullable().describe('null when no article has this address.'),
      checkedBy: z.string().describe('The newsroom that checked the claims.'),
      textLength: z.number().int().min(0).describe('Characters in the stored article text: quote positions are relative to it.'),
      claims: z
        .array(
          z.object({
            ...claimHead,
            quote: z.object({
              exact: z.string(),
              prefix: z.string().describe('Up to 32 characters before the quote in the stored text.'),
              suffix: z.string().describe('Up to 32 characters after it.'),
              start: z.number().int().min(0).describe('UTF-16 code units into the stored text.'),
              end: z.number().int().min(0),
            }),
          }),
        )
        .describe('Published claims whose passage is in the current text, in reading order.'),
    }),
  }),
  'PageClaims',
  'The published claims on one article page, with their quotes, for the publisher overlay (/embed.js).',
);

export const openApiDocumentSchema = named(
  z.looseObject({
    openapi: z.string(),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  }),
  'OpenApiDocument',
  'This description of the API (OpenAPI 3.1).',
);

export type ApiError = z.infer<typeof apiErrorSchema>;
