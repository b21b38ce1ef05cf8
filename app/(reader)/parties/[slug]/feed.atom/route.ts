import { partyPath } from '@/lib/routes';
import { tags } from '@/lib/server/cache';
import { atomResponse } from '@/lib/server/feeds';
import { readPartyHead, readPartyAddress } from '@/lib/server/reader';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const party = readPartyHead(slug);
  if (!party) {
    const current = readPartyAddress(slug);
    if (current) return new Response(null, { status: 308, headers: { location: `${partyPath({ slug: current })}/feed.atom` } });
    return new Response('Not found', { status: 404 });
  }
  return atomResponse(request, {
    title: `Claim status changes involving ${party.name}`,
    selfPath: `${partyPath(party)}/feed.atom`,
    pagePath: partyPath(party),
    scope: { partyId: party.id },
    dependsOn: [tags.party(party.id), tags.lists],
  });
}
