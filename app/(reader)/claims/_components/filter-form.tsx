import Link from 'next/link';
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

const field = 'mt-1 block w-full rounded border border-[var(--rule)] bg-[var(--page-bg)] px-2 py-1.5';

function FieldError({ name, errors }: { name: string; errors: Record<string, string> }) {
  const message = errors[name];
  return message ? (
    <p id={`${name}-error`} className="mt-1 text-sm font-semibold text-[var(--error)]">
      {message}
    </p>
  ) : null;
}

/** The search and filter form: a plain GET form, so it works without JavaScript. */
export function FilterForm({ filters, sort, errors, options }: Props) {
  const described = (name: string) => (errors[name] ? { 'aria-describedby': `${name}-error`, 'aria-invalid': true } : {});
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
        <input id="q" name="q" type="search" defaultValue={filters?.q ?? ''} className={field} {...described('q')} />
        <FieldError name="q" errors={errors} />
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
        <FieldError name="status" errors={errors} />
      </fieldset>
      <div>
        <label htmlFor="party" className="font-semibold">
          Party
        </label>
        <select id="party" name="party" defaultValue={filters?.party ?? ''} className={field} {...described('party')}>
          <option value="">Any party</option>
          {options.parties.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.name}
            </option>
          ))}
        </select>
        <FieldError name="party" errors={errors} />
      </div>
      <div>
        <label htmlFor="outlet" className="font-semibold">
          Outlet
        </label>
        <select id="outlet" name="outlet" defaultValue={filters?.outlet ?? ''} className={field} {...described('outlet')}>
          <option value="">Any outlet</option>
          {options.outlets.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        <FieldError name="outlet" errors={errors} />
      </div>
      <fieldset className="grid grid-cols-2 gap-2">
        <legend className="col-span-2 font-semibold">Claim made</legend>
        <div>
          <label htmlFor="from" className="text-sm">
            From
          </label>
          <input id="from" name="from" type="date" defaultValue={filters?.from ?? ''} className={field} {...described('from')} />
          <FieldError name="from" errors={errors} />
        </div>
        <div>
          <label htmlFor="to" className="text-sm">
            To
          </label>
          <input id="to" name="to" type="date" defaultValue={filters?.to ?? ''} className={field} {...described('to')} />
          <FieldError name="to" errors={errors} />
        </div>
      </fieldset>
      <div>
        <label htmlFor="sort" className="font-semibold">
          Sort by
        </label>
        <select id="sort" name="sort" defaultValue={sort} className={field} {...described('sort')}>
          {SORTS.map((s) => (
            <option key={s} value={s === 'relevance' ? '' : s}>
              {s === 'relevance' ? 'Best match (or recently updated)' : SORT_LABELS[s]}
            </option>
          ))}
        </select>
        <FieldError name="sort" errors={errors} />
      </div>
      <div className="flex items-center gap-4">
        <button type="submit" className="rounded bg-[var(--link)] px-4 py-2 font-semibold text-[var(--page-bg)]">
          Search
        </button>
        <Link href="/claims">Clear filters</Link>
      </div>
    </form>
  );
}
