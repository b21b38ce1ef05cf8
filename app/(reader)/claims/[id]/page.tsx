import { notFound, permanentRedirect } from 'next/navigation';
import { readClaim, readWithdrawnClaim } from '@/lib/server/reader';
import { claimPath } from '@/lib/routes';
import { parseId } from '@/lib/params';

/** /claims/42 goes to the claim's canonical address /claims/42/<slug>. */
export default async function ClaimShortLink({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  const claim = id ? (readClaim(id) ?? readWithdrawnClaim(id)) : null;
  if (!claim) notFound();
  permanentRedirect(claimPath(claim));
}
