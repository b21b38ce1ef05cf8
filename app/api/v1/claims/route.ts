import { filterQuery, parseClaimFilters } from '@/lib/claim-filters';
import { claimListSchema } from '@/lib/api-schema';
import { apiList, claimSummary, invalidParams } from '@/lib/server/api';
import { preflight } from '@/lib/server/http';
import { claimSearchTags, readClaimSearch } from '@/lib/server/reader';
import { siteUrl } from '@/lib/server/site';

/** Published claims with the claims index's search and filters, cursor-paged. */
export async function GET(request: Request) {
  const parsed = parseClaimFilters(new URL(request.url).searchParams, { strict: true });
  if (!parsed.ok) return invalidParams(parsed.errors);
  const { filters } = parsed;
  const site = await siteUrl();
  const result = readClaimSearch(filters);
  const extra = { limit: String(filters.limit) };
  return apiList(request, claimListSchema, {
    data: result.hits.map((h) => claimSummary(h, site)),
    total: result.total,
    totalCapped: result.capped,
    nextCursor: result.nextCursor,
    links: {
      self: `${site}/api/v1/claims${filterQuery(filters, { ...extra, cursor: filters.cursor })}`,
      next: result.nextCursor ? `${site}/api/v1/claims${filterQuery(filters, { ...extra, cursor: result.nextCursor })}` : null,
    },
  }, claimSearchTags(filters, result));
}

export const OPTIONS = preflight;
