import { SEARCH_BOUND, SORTS } from './claim-filters';
import { STATUSES } from './status';
import { RELATIONS, STANCES } from './vocabulary';

/** The OpenAPI 3.1 description of the read-only public API under /api/v1. */

const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const dateTime = { type: ['string', 'null'], format: 'date-time' } as const;
const query = (name: string, description: string, schema: object) => ({ name, in: 'query', required: false, description, schema });

const filterParams = [
  query('q', 'Words to search for in the statement, quote, claimant and article title (all must match, as prefixes).', { type: 'string', maxLength: 200 }),
  { ...query('status', 'Only these statuses; repeat the parameter or separate with commas.', { type: 'array', items: { enum: STATUSES } }), explode: true },
  query('party', 'Slug of a party that made or responded to the claim.', { type: 'string', pattern: '^[a-z0-9-]{1,120}$' }),
  query('outlet', 'Exact outlet name of the article.', str),
  query('from', 'Claims made on or after this day (article publication date).', { type: 'string', format: 'date' }),
  query('to', 'Claims made on or before this day.', { type: 'string', format: 'date' }),
  query('sort', 'Order; defaults to relevance when q is given, else updated.', { enum: SORTS }),
];
const pageParams = [
  query('limit', 'Items per page (1–100, default 20).', { type: 'integer', minimum: 1, maximum: 100 }),
  query('cursor', 'nextCursor from the previous page.', str),
];

const error = {
  description: 'Invalid parameters; `fields` names each one.',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: { status: { type: 'integer' }, message: str, fields: { type: 'object', additionalProperties: str } },
          },
        },
      },
    },
  },
};
const notFound = { description: 'No such published item.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const notModified = { description: 'Not modified: the If-None-Match ETag is current.' };
const ok = (schema: object, description = 'OK') => ({
  description,
  headers: { ETag: { schema: str }, 'Cache-Control': { schema: str } },
  content: { 'application/json': { schema } },
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const list = (item: string, paged = true) => ({
  type: 'object',
  properties: { data: { type: 'array', items: ref(item) }, ...(paged ? { nextCursor: nullableStr } : {}) },
});

const claimList = {
  type: 'object',
  properties: {
    ...list('ClaimSummary').properties,
    total: { type: 'integer' },
    totalCapped: {
      type: 'boolean',
      description: `true when more than \`total\` claims match. A search with words counts up to ${SEARCH_BOUND}; sorted by relevance it ranks the ${SEARCH_BOUND} most recently added matches (sort by a date to page through every match).`,
    },
  },
};

export function openApiDocument(server: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Claimline public API',
      version: '1',
      description:
        'Read-only access to published claims, articles and parties. No authentication. Every response carries an ETag (send If-None-Match for a 304) and Cache-Control for shared caches. CORS is open for GET.',
    },
    servers: [{ url: `${server}/api/v1` }],
    paths: {
      '/claims': {
        get: {
          summary: 'Search and filter published claims',
          parameters: [...filterParams, ...pageParams],
          responses: { 200: ok(claimList), 304: notModified, 400: error },
        },
      },
      '/claims/{id}': {
        get: {
          summary: 'One published claim with sources, responses, history and appearances',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
          responses: { 200: ok({ type: 'object', properties: { data: ref('ClaimDetail') } }), 304: notModified, 400: error, 404: notFound },
        },
      },
      '/articles': {
        get: { summary: 'Articles, newest first', parameters: pageParams, responses: { 200: ok(list('ArticleSummary')), 304: notModified, 400: error } },
      },
      '/articles/{slug}': {
        get: {
          summary: 'One article with its text and published claims',
          parameters: [{ name: 'slug', in: 'path', required: true, schema: str }],
          responses: { 200: ok({ type: 'object' }), 304: notModified, 404: notFound },
        },
      },
      '/parties': { get: { summary: 'Every party named on a published claim, with counts', responses: { 200: ok(list('Party', false)), 304: notModified } } },
      '/parties/{slug}': {
        get: {
          summary: 'One party with its claims and responses',
          parameters: [{ name: 'slug', in: 'path', required: true, schema: str }],
          responses: { 200: ok({ type: 'object' }), 304: notModified, 404: notFound },
        },
      },
      '/export/claims.csv': {
        get: {
          summary: 'Every published claim matching the filters, as CSV',
          parameters: filterParams,
          responses: { 200: { description: 'CSV with a header row', content: { 'text/csv': { schema: str } } }, 400: error },
        },
      },
      '/export/claims.json': {
        get: { summary: 'Every published claim matching the filters, as JSON', parameters: filterParams, responses: { 200: ok(list('ClaimSummary', false)), 400: error } },
      },
    },
    components: {
      schemas: {
        Error: error.content['application/json'].schema,
        ClaimSummary: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            url: str,
            statement: str,
            status: { enum: STATUSES },
            statusLabel: str,
            statusNote: str,
            quote: str,
            claimant: { type: ['object', 'null'], properties: { slug: str, name: str, url: str } },
            article: { type: 'object', properties: { slug: str, title: str, outlet: str, url: str } },
            claimDate: dateTime,
            updatedAt: dateTime,
          },
        },
        ClaimDetail: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            statement: str,
            status: { enum: STATUSES },
            sources: { type: 'array', items: { type: 'object', properties: { url: str, title: str, relation: { enum: RELATIONS } } } },
            responses: { type: 'array', items: { type: 'object', properties: { stance: { enum: [...STANCES, null] }, quote: str } } },
            events: { type: 'array', items: { type: 'object', properties: { at: dateTime, kind: str } } },
          },
        },
        ArticleSummary: { type: 'object', properties: { slug: str, title: str, outlet: str, publishedAt: dateTime, claims: { type: 'integer' }, url: str } },
        Party: { type: 'object', properties: { slug: str, name: str, kind: str, claims: { type: 'integer' }, responses: { type: 'integer' } } },
      },
    },
  };
}
