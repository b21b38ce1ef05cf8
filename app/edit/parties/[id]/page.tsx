import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getMergedPartyTarget, getParty, listParties } from '@/db/queries/parties';
import { parseId } from '@/lib/params';
import { partyPath } from '@/lib/routes';
import { requirePageUser } from '@/lib/server/session';
import { MergeForm } from '../merge-form';
import { PartyForm } from '../party-form';

export const metadata: Metadata = { title: 'Party' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; merged?: string; mergedAway?: string }> };

export default async function PartyPage({ params, searchParams }: Props) {
  await requirePageUser('editor');
  const id = parseId((await params).id);
  const party = id ? getParty({ id }) : undefined;
  if (!party) {
    // A link kept from before a merge (the board, a bookmark, another tab): the party kept instead.
    const kept = id ? getMergedPartyTarget({ id }) : undefined;
    if (kept) redirect(`/edit/parties/${kept}?mergedAway=1`);
    notFound();
  }
  const { saved, merged, mergedAway } = await searchParams;
  const others = listParties().filter((p) => p.id !== party.id);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/edit/parties">All parties</Link>
      </p>
      <h1 className="text-2xl font-bold">{party.name}</h1>
      {saved || merged ? (
        <p role="status" className="max-w-lg rounded border border-green-700 p-2 text-sm">
          {merged ? 'Parties merged.' : 'Party saved.'}
        </p>
      ) : null}
      {mergedAway ? (
        <p role="status" className="max-w-lg rounded border border-[var(--rule)] p-2 text-sm">
          The party you opened was merged into this one: its claims and responses are here now.
        </p>
      ) : null}
      <p className="muted text-sm">
        Public page: <Link href={partyPath(party)}>{partyPath(party)}</Link> (the address stays the same when the name changes)
      </p>
      <PartyForm
        key={party.version}
        party={{ id: party.id, version: party.version, name: party.name, kind: party.kind, description: party.description, url: party.url ?? '' }}
      />
      {others.length > 0 ? <MergeForm keep={party} others={others} /> : null}
    </div>
  );
}
