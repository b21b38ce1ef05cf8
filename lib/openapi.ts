import { z } from 'zod';
import {
  apiSchemas,
  articleListQuery,
  articleListSchema,
  articleResponseSchema,
  claimExportSchema,
  claimListSchema,
  claimResponseSchema,
  openApiDocumentSchema,
  pageClaimsQuery,
  pageClaimsSchema,
  partyListSchema,
  partyResponseSchema,
} from './api-schema';
import { claimFilterSchema } from './claim-filters';
import { idSegment } from './params';

/**
 * The OpenAPI 3.1 description of the read-only public API under /api/v1,
 * generated from the zod schemas that parse its parameters and type its
 * answers (lib/api-schema.ts, lib/claim-filters.ts): nothing here restates a
 * field. `npm run lint:api` checks the result with Redocly's recommended rules,
 * and app/api/v1/contract.test.ts validates real answers against it.
 */

type Json = Record<string, unknown>;

const componentRef = (schema: z.ZodType): Json => {
  const meta = apiSchemas.get(schema);
  if (!meta) throw new Error('Every answer schema is registered in apiSchemas, to become a named component.');
  return { $ref: `#/components/schemas/${meta.id}` };
};

// OpenAPI 3.1 schemas are JSON Schema 2020-12 already, and components are found by their place in
// the document: the dialect and the fragment-only $id zod writes would only confuse validators.
const withoutDialect = ({ $schema: _, $id: _id, ...schema }: Json): Json => schema;

/** JSON Schema of one parameter as a client sends it, and its description. */
function parameterSchema(schema: z.ZodType): { schema: Json; description?: string } {
  const { description, ...rest } = withoutDialect(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json);
  return { schema: rest, ...(typeof description === 'string' ? { description } : {}) };
}

function queryParameters(query: z.ZodObject, lists: readonly string[] = []): Json[] {
  return Object.entries(query.shape).map(([name, field]) => {
    const { schema, description } = parameterSchema(field as z.ZodType);
    return {
      name,
      in: 'query',
      required: false,
      ...(description ? { description } : {}),
      schema,
      ...(lists.includes(name) ? { style: 'form', explode: true } : {}),
    };
  });
}

const pathParameter = (name: string, schema: z.ZodType, description: string): Json => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: parameterSchema(schema).schema,
});

const cacheHeaders = {
  ETag: { description: 'A hash of the body; send it as If-None-Match to get a 304 while it is current.', schema: { type: 'string' } },
  'Cache-Control': { description: 'Fresh for a minute at shared caches, then served stale while they refetch.', schema: { type: 'string' } },
};
const errorAnswer = (description: string): Json => ({
  description,
  headers: { 'Cache-Control': { description: 'no-store: errors are never cached.', schema: { type: 'string' } } },
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

type Operation = {
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  parameters?: Json[];
  /** The 200 answer: a registered schema (JSON) or CSV text. */
  answer: z.ZodType | 'csv';
  /** The path names one item, which may not exist (or not be published). */
  item?: boolean;
  /** The item may have been withdrawn by the newsroom (410 Gone). */
  withdrawable?: boolean;
};

const claimFilters = queryParameters(claimFilterSchema, ['status']);
const exportFilters = claimFilters.filter((p) => p.name !== 'cursor' && p.name !== 'limit');

const OPERATIONS: Operation[] = [
  {
    path: '/claims',
    operationId: 'listClaims',
    tag: 'claims',
    summary: 'Search and filter published claims',
    description: 'The claims index’s search and filters, newest change first unless `sort` says otherwise, one page at a time.',
    parameters: claimFilters,
    answer: claimListSchema,
  },
  {
    path: '/claims/{id}',
    operationId: 'getClaim',
    tag: 'claims',
    summary: 'One published claim',
    description:
      'A published claim with its quote in context, sources, responses, public history and other appearances. Drafts answer 404; a claim the newsroom withdrew answers 410 (its page keeps the note and history).',
    parameters: [pathParameter('id', idSegment, 'The claim’s number.')],
    answer: claimResponseSchema,
    item: true,
    withdrawable: true,
  },
  {
    path: '/articles',
    operationId: 'listArticles',
    tag: 'articles',
    summary: 'Articles, newest first',
    parameters: queryParameters(articleListQuery),
    answer: articleListSchema,
  },
  {
    path: '/articles/{slug}',
    operationId: 'getArticle',
    tag: 'articles',
    summary: 'One article with its text and published claims',
    parameters: [pathParameter('slug', z.string(), 'The article’s slug, as in its page address.')],
    answer: articleResponseSchema,
    item: true,
  },
  { path: '/parties', operationId: 'listParties', tag: 'parties', summary: 'Every party named on a published claim, with counts', answer: partyListSchema },
  {
    path: '/parties/{slug}',
    operationId: 'getParty',
    tag: 'parties',
    summary: 'One party with its claims and responses',
    parameters: [pathParameter('slug', z.string(), 'The party’s slug, as in its page address.')],
    answer: partyResponseSchema,
    item: true,
  },
  {
    path: '/export/claims.csv',
    operationId: 'exportClaimsCsv',
    tag: 'exports',
    summary: 'Every published claim matching the filters, as CSV',
    description: 'One row per claim with a header row. A cell a spreadsheet would read as a formula starts with an apostrophe.',
    parameters: exportFilters,
    answer: 'csv',
  },
  {
    path: '/export/claims.json',
    operationId: 'exportClaimsJson',
    tag: 'exports',
    summary: 'Every published claim matching the filters, as JSON',
    parameters: exportFilters,
    answer: claimExportSchema,
  },
  {
    path: '/page-claims',
    operationId: 'getPageClaims',
    tag: 'articles',
    summary: 'The published claims on an article page, for the publisher overlay',
    description:
      'What /embed.js shows on a publisher’s own article page: each published claim with its status and its quote (TextQuote and TextPosition selectors). Give `url` or `article`, not both. A page no article has answers 200 with `article: null` and no claims, so it can be cached like any other.',
    parameters: queryParameters(pageClaimsQuery),
    answer: pageClaimsSchema,
  },
  {
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    tag: 'meta',
    summary: 'This description of the API',
    answer: openApiDocumentSchema,
  },
];

const TAGS = [
  { name: 'claims', description: 'Published claims: statement, status, quote, sources, responses and history.' },
  { name: 'articles', description: 'Articles and the published claims in them.' },
  { name: 'parties', description: 'People and organisations that made claims or responded to them.' },
  { name: 'exports', description: 'Every matching claim at once, without pages.' },
  { name: 'meta', description: 'About the API itself.' },
];

function operation(op: Operation): Json {
  const ok =
    op.answer === 'csv'
      ? { description: 'CSV (RFC 4180) with a header row.', headers: cacheHeaders, content: { 'text/csv': { schema: { type: 'string' } } } }
      : { description: 'OK', headers: cacheHeaders, content: { 'application/json': { schema: componentRef(op.answer) } } };
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.parameters?.length ? { parameters: op.parameters } : {}),
    responses: {
      200: ok,
      304: { description: 'Not modified: the If-None-Match ETag is current.', headers: cacheHeaders },
      400: errorAnswer('A parameter is unknown, repeated or invalid; `fields` names each one.'),
      ...(op.item ? { 404: errorAnswer('No such published item.') } : {}),
      ...(op.withdrawable ? { 410: errorAnswer('The newsroom withdrew this claim.') } : {}),
    },
  };
}

function components(): Json {
  const { schemas } = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Json> };
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, withoutDialect(schema)]));
}

/**
 * The document. Its server URL is relative, which OpenAPI resolves against the
 * address the document was fetched from: the same bytes are right for every
 * host name a deployment answers to, and nothing in them comes from a request header.
 */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Claimline public API',
      version: '1',
      description:
        'Read-only access to published claims, articles and parties. No authentication. Every answer carries an ETag (send If-None-Match for a 304) and Cache-Control for shared caches. CORS is open for GET. Unknown parameters are refused, so a typo never passes unnoticed.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/api/v1', description: 'This instance: the address this document was fetched from, without /openapi.json.' }],
    security: [],
    tags: TAGS,
    paths: Object.fromEntries(OPERATIONS.map((op) => [op.path, { get: operation(op) }])),
    components: { schemas: components() },
  };
}
