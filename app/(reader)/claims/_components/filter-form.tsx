import Link from 'next/link';
import { errorAttributes, FilterError, FilterSelect, filterControlClass } from '@/components/forms/filter-select';
import { StatusBadge } from '@/components/status-badge';
import { SORTS, SORT_LABELS, type ClaimFilters } from '@/lib/claim-filters';
import { STATUSES } from '@/lib/status';

type Props = {
  filters: ClaimFilters | undefined;
  /** The sort as given in the URL ('' = best match when searching, else recently updated). */
  sort: string;
  errors: Record<string, string>;
  options: { parties: { slug: string; name: string }[]; outlets: string[] };
};

/** The search and filter form: a plain GET form, so it works without JavaScript. */
export function FilterForm({ filters, sort, errors, options }: Props) {
  const described = (name: string) => errorAttributes(name, errors[name]);
  return (
    <form method="get" action="/claims" role="search" aria-label="Search and filter claims" className="space-y-4">
      {Object.keys(errors).length > 0 ? (
        <p role="alert" className="rounded border border-[var(--error)] p-2 text-sm">
          Some filters could not be used; see the messages below.
        </p>
      ) : null}
      <div>
        <label htmlFor="q" className="font-semibold">
          Search claims
        </label>
        <input id="q" name="q" type="search" defaultValue={filters?.q ?? ''} className={filterControlClass} {...described('q')} />
        <FilterError name="q" error={errors.q} />
      </div>
      <fieldset>
        <legend className="font-semibold">Status</legend>
        <ul className="mt-1 space-y-1">
          {STATUSES.map((s) => (
            <li key={s}>
              <label className="inline-flex items-center gap-2">
                <input type="checkbox" name="status" value={s} defaultChecked={filters?.status?.includes(s) ?? false} />
                <StatusBadge status={s} />
              </label>
            </li>
          ))}
        </ul>
        <FilterError name="status" error={errors.status} />
      </fieldset>
      <FilterSelect
        label="Party"
        name="party"
        value={filters?.party}
        any="Any party"
        options={options.parties.map((p) => ({ value: p.slug, label: p.name }))}
        error={errors.party}
      />
      <FilterSelect
        label="Outlet"
        name="outlet"
        value={filters?.outlet}
        any="Any outlet"
        options={options.outlets.map((o) => ({ value: o, label: o }))}
        error={errors.outlet}
      />
      <fieldset className="grid grid-cols-2 gap-2">
        <legend className="col-span-2 font-semibold">Claim made</legend>
        <div>
          <label htmlFor="from" className="text-sm">
            From
          </label>
          <input id="from" name="from" type="date" defaultValue={filters?.from ?? ''} className={filterControlClass} {...described('from')} />
          <FilterError name="from" error={errors.from} />
        </div>
        <div>
          <label htmlFor="to" className="text-sm">
            To
          </label>
          <input id="to" name="to" type="date" defaultValue={filters?.to ?? ''} className={filterControlClass} {...described('to')} />
          <FilterError name="to" error={errors.to} />
        </div>
      </fieldset>
      <FilterSelect
        label="Sort by"
        name="sort"
        value={sort}
        // Best match is the default (an empty value); without words it lists the recently updated first.
        options={SORTS.map((s) => ({ value: s === 'relevance' ? '' : s, label: SORT_LABELS[s] }))}
        error={errors.sort}
      />
      <div className="flex items-center gap-4">
        <button type="submit" className="rounded bg-[var(--link)] px-4 py-2 font-semibold text-[var(--page-bg)]">
          Search
        </button>
        <Link href="/claims">Clear filters</Link>
      </div>
    </form>
  );
}
