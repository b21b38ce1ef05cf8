import type { Metadata } from 'next';
import Link from 'next/link';
import { DemoLabel } from '@/components/demo-label';
import { searchParties } from '@/db/queries/parties';
import { inputClass } from '@/components/forms/fields';
import { plural } from '@/lib/format';
import { requirePageUser } from '@/lib/server/session';
import { PARTY_KIND_LABELS } from '@/lib/vocabulary';
import { PartyForm } from './party-form';

export const metadata: Metadata = { title: 'Parties' };

export default async function PartiesPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  await requirePageUser('editor');
  const raw = (await searchParams).q;
  const query = (typeof raw === 'string' ? raw : '').slice(0, 200);
  const parties = searchParties({ query });
  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold">Parties</h1>
      <form role="search" method="get" className="mb-4 flex max-w-lg items-end gap-2">
        <div className="flex-1">
          <label htmlFor="party-search" className="block text-sm font-semibold">
            Search by name
          </label>
          <input id="party-search" name="q" type="search" defaultValue={query} className={inputClass} />
        </div>
        <button type="submit" className="rounded border border-[var(--rule)] px-4 py-2">
          Search
        </button>
      </form>
      {parties.length === 0 ? <p className="muted mb-6">{query ? `No party matches “${query}”.` : 'No parties yet.'}</p> : null}
      <ul className="mb-8 space-y-1">
        {parties.map((p) => (
          <li key={p.id}>
            <Link href={`/edit/parties/${p.id}`}>{p.name}</Link>{' '}
            {p.demo ? <DemoLabel className="mr-1" /> : null}
            <span className="muted text-sm">
              {PARTY_KIND_LABELS[p.kind]} · {plural(p.claims, 'claim')} · {plural(p.responses, 'response')}
            </span>
          </li>
        ))}
      </ul>
      <h2 className="mb-2 text-lg font-semibold">New party</h2>
      <PartyForm />
    </div>
  );
}
