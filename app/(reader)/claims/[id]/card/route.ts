import { claimCardHtml } from '@/lib/claim-card';
import { parseId } from '@/lib/params';
import { claimPath } from '@/lib/routes';
import { cachedResponse } from '@/lib/server/http';
import { readClaim } from '@/lib/server/reader';
import { publisher, siteUrl } from '@/lib/server/site';

/** The claim card other sites frame (oEmbed): proxy.ts gives it a policy with no script and frame-ancestors *. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  const claim = id ? readClaim(id) : null;
  if (!claim) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const html = claimCardHtml({
    statement: claim.statement,
    status: claim.status,
    statusNote: claim.statusNote,
    claimant: claim.claimant?.name ?? null,
    articleTitle: claim.article.title,
    outlet: claim.article.outlet,
    url: `${await siteUrl()}${claimPath(claim)}`,
    checkedBy: (await publisher()).name,
  });
  return cachedResponse(request, html, { contentType: 'text/html; charset=utf-8' });
}
