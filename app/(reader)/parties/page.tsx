import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DemoLabel } from '@/components/demo-label';
import { plural } from '@/lib/format';
import { partyPath } from '@/lib/routes';
import { readPartiesWithCounts } from '@/lib/server/reader';
import { PARTY_KIND_LABELS, type PartyKind } from '@/lib/vocabulary';

export const metadata: Metadata = {
  title: 'Parties',
  description: 'The people and organizations whose claims we checked or who answered them, with their claims and responses.',
};

/** Every party readers can see, for a reader who goes up from a party's page (or looks for one by name). */
export default async function PartiesPage() {
  await connection();
  const parties = readPartiesWithCounts();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold">Parties</h1>
      <p className="muted mt-1 mb-6">The people and organizations whose claims we checked, or who answered them.</p>
      {parties.length === 0 ? <p>No published claim names a party yet.</p> : null}
      <ul className="divide-y divide-[var(--rule)]">
        {parties.map((p) => (
          <li key={p.id} className="py-3">
            <Link href={partyPath(p)} className="font-semibold">
              {p.name}
            </Link>
            {p.demo ? <DemoLabel className="ml-2" /> : null}
            <p className="muted text-sm">
              {PARTY_KIND_LABELS[p.kind as PartyKind]} · {plural(p.claims, 'claim')} · {plural(p.responses, 'response')}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
