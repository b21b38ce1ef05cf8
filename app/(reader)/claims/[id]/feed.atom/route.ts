import { parseId } from '@/lib/params';
import { claimPath } from '@/lib/routes';
import { tags } from '@/lib/server/cache';
import { atomResponse } from '@/lib/server/feeds';
import { readClaim } from '@/lib/server/reader';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  const claim = id ? readClaim(id) : null;
  if (!claim) return new Response('Not found', { status: 404 });
  return atomResponse(request, {
    title: `History of the claim “${claim.statement}”`,
    selfPath: `/claims/${claim.id}/feed.atom`,
    pagePath: claimPath(claim),
    scope: { claimId: claim.id },
    dependsOn: [tags.claim(claim.id)],
  });
}
