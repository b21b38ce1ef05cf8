import { z } from 'zod';
import { parseSearchParams, type ParamErrors } from './params';
import { STATUSES, type Status } from './status';

/**
 * The claim search and filter parameters shared by the claims index, the JSON
 * API and the exports: one schema, parsed from a URL's query string.
 */

export const SORTS = ['relevance', 'updated', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];
export const SORT_LABELS: Record<Sort, string> = {
  relevance: 'Best match',
  updated: 'Recently updated',
  newest: 'Newest claims',
  oldest: 'Oldest claims',
};

const day = z.iso.date({
  error: (issue) => (/^\d{4}-\d{2}-\d{2}$/.test(String(issue.input)) ? 'Not a real date.' : 'Use a date like 2026-05-31.'),
});

const cursorMessage = 'Use the cursor from the previous page.';

/** A page cursor parameter: refused unless it decodes to a position (see decodeCursor). */
export const cursorParam = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,400}$/, cursorMessage)
  .refine((s) => decodeCursor(s) !== null, cursorMessage)
  .meta({ description: '`nextCursor` from the previous page.' });

/** Items per page; the default is the caller's. */
export const limitParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(100, 'At most 100.')
  .meta({ description: 'Items per page (1–100, default 20).' });

export const claimFilterSchema = z.object({
  q: z
    .string()
    .trim()
    .max(200, 'Search for at most 200 characters.')
    .optional()
    .meta({ description: 'Words to search for in the statement, quote, claimant and article title (all must match, as prefixes).' }),
  status: z
    .array(z.enum(STATUSES, { error: `Use one of: ${STATUSES.join(', ')}.` }))
    .max(STATUSES.length)
    .optional()
    .meta({ description: 'Only these statuses; repeat the parameter or separate them with commas.' }),
  party: z
    .string()
    .regex(/^[a-z0-9-]{1,120}$/, 'Use a party slug, e.g. riverside-city-council.')
    .optional()
    .meta({ description: 'Slug of a party that made or responded to the claim.' }),
  outlet: z.string().trim().max(200).optional().meta({ description: 'Exact outlet name of the article.' }),
  from: day.optional().meta({ description: 'Claims made on or after this day (the article’s publication date).' }),
  to: day.optional().meta({ description: 'Claims made on or before this day.' }),
  sort: z
    .enum(SORTS, { error: `Use one of: ${SORTS.join(', ')}.` })
    .optional()
    .meta({ description: 'Order; relevance when `q` is given, else updated.' }),
  cursor: cursorParam.optional(),
  limit: limitParam.optional(),
});

export type ClaimFilters = {
  q?: string;
  status?: Status[];
  party?: string;
  outlet?: string;
  from?: string;
  to?: string;
  sort: Sort;
  cursor?: string;
  limit: number;
};

/**
 * A search with words counts, and ranks by relevance, at most this many
 * matching claims: the most recently added that pass the filters. bm25 scores
 * every row it ranks, and ranking every match of a common word among 100,000
 * claims took 50 ms and more (docs/performance.md).
 */
export const SEARCH_BOUND = 1000;

export type FilterResult = { ok: true; filters: ClaimFilters } | { ok: false; errors: ParamErrors };

/**
 * Parses a query string. Empty values count as absent (a plain GET form sends
 * every field). With `strict`, an unknown parameter is an error (the API);
 * pages ignore them (e.g. tracking parameters).
 */
export function parseClaimFilters(
  params: URLSearchParams,
  { strict = false, defaultLimit = 20 }: { strict?: boolean; defaultLimit?: number } = {},
): FilterResult {
  let source = params;
  const cursor = params.get('cursor');
  if (!strict && cursor && !decodeCursor(cursor)) {
    // A page link from before a change of cursor format (or mangled in transit) starts again at page 1.
    source = new URLSearchParams(params);
    source.delete('cursor');
  }
  const parsed = parseSearchParams(source, claimFilterSchema, { strict, lists: ['status'] });
  if (!parsed.ok) return parsed;
  const data = parsed.data;
  if (data.from && data.to && data.from > data.to) return { ok: false, errors: { to: 'Must not be before “from”.' } };
  const q = data.q || undefined;
  return {
    ok: true,
    filters: {
      ...data,
      q,
      status: data.status?.length ? [...new Set(data.status)] : undefined,
      sort: data.sort ?? (q ? 'relevance' : 'updated'),
      limit: data.limit ?? defaultLimit,
    },
  };
}

/** The query string for filters (without cursor unless given), for links and the next page. */
export function filterQuery(filters: Partial<ClaimFilters>, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  for (const s of filters.status ?? []) params.append('status', s);
  if (filters.party) params.set('party', filters.party);
  if (filters.outlet) params.set('outlet', filters.outlet);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.sort) params.set('sort', filters.sort);
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Marks around matched words in search snippets: private-use characters, split apart when rendering. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

/** A snippet cut into plain and matched parts, so it renders without any HTML. */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  return snippet
    .split(MATCH_START)
    .flatMap((chunk, i) => {
      if (i === 0) return [{ text: chunk, match: false }];
      const [matched = '', rest = ''] = chunk.split(MATCH_END);
      return [
        { text: matched, match: true },
        { text: rest, match: false },
      ];
    })
    .filter((p) => p.text !== '');
}

/** An opaque page cursor: the last row's sort key and id. */
export type Cursor = { key: number; id: number };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

const cursorSchema = z.tuple([z.number().finite(), z.number().int().positive()]);

export function decodeCursor(raw: string): Cursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? { key: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

/** Start and end (exclusive) of a from/to day range, in ms since the epoch (UTC). */
export function dayRange(from?: string, to?: string): { since?: number; until?: number } {
  return {
    since: from ? Date.parse(`${from}T00:00:00Z`) : undefined,
    until: to ? Date.parse(`${to}T00:00:00Z`) + 86_400_000 : undefined,
  };
}
