import { partyPath } from '@/lib/routes';
import { tags } from '@/lib/server/cache';
import { atomResponse } from '@/lib/server/feeds';
import { readParty } from '@/lib/server/reader';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const party = readParty((await params).slug);
  if (!party) return new Response('Not found', { status: 404 });
  return atomResponse(request, {
    title: `Claim status changes involving ${party.name}`,
    selfPath: `${partyPath(party)}/feed.atom`,
    pagePath: partyPath(party),
    scope: { partyId: party.id },
    dependsOn: [tags.party(party.id), tags.lists],
  });
}
