import type { Metadata } from 'next';
import Link from 'next/link';
import { ClaimList } from '@/components/claim-list';
import { filterQuery, parseClaimFilters } from '@/lib/claim-filters';
import { plural } from '@/lib/format';
import { readClaimSearch, readFilterOptions } from '@/lib/server/reader';
import { FilterForm } from './_components/filter-form';

export const metadata: Metadata = {
  title: 'Claims',
  description: 'Search every published claim; filter by status, party, outlet and date.',
  alternates: { types: { 'application/atom+xml': '/feeds/claims.atom' } },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function toParams(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return params;
}

export default async function ClaimsIndexPage({ searchParams }: Props) {
  const params = toParams(await searchParams);
  const parsed = parseClaimFilters(params);
  const options = readFilterOptions();
  const filters = parsed.ok ? parsed.filters : undefined;
  const result = filters ? readClaimSearch(filters) : undefined;
  return (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-[18rem_minmax(0,1fr)]">
      <h1 className="text-2xl font-bold lg:col-span-2">Claims</h1>
      <FilterForm filters={filters} sort={params.get('sort') ?? ''} errors={parsed.ok ? {} : parsed.errors} options={options} />
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="mb-4 text-lg font-semibold">
          {!result ? 'Check the filters' : result.capped ? `More than ${plural(result.total, 'claim')} found` : `${plural(result.total, 'claim')} found`}
        </h2>
        {result?.capped && filters?.sort === 'relevance' ? (
          <p className="muted mb-4">
            Best matches among the {result.total.toLocaleString('en')} most recently added of them. Add words or filters to narrow the
            search, or sort by date to go through every match.
          </p>
        ) : null}
        {result && result.hits.length === 0 ? (
          <p className="muted">No published claim matches. Try fewer words or fewer filters.</p>
        ) : null}
        {result ? <ClaimList claims={result.hits} /> : null}
        {filters && (filters.cursor || result?.nextCursor) ? (
          <nav aria-label="Pages" className="mt-6 flex gap-6">
            {filters.cursor ? <Link href={`/claims${filterQuery(filters)}`}>First page</Link> : null}
            {result?.nextCursor ? (
              <Link href={`/claims${filterQuery(filters, { cursor: result.nextCursor })}`} rel="next">
                Next page
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
