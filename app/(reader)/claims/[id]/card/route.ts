import { claimCardHtml } from '@/lib/claim-card';
import { parseId } from '@/lib/params';
import { claimPath } from '@/lib/routes';
import { cachedResponse, READER_CACHE_CONTROL } from '@/lib/server/http';
import { readClaim, readWithdrawnClaim } from '@/lib/server/reader';
import { publisher, siteUrl } from '@/lib/server/site';

/**
 * The claim card other sites frame (oEmbed): proxy.ts gives it a policy with no script and
 * frame-ancestors *. A withdrawn claim's card says so (410 Gone, as its page), so a card
 * already embedded somewhere does not go blank or keep an old verdict.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  const claim = id ? readClaim(id) : null;
  const withdrawn = id && !claim ? readWithdrawnClaim(id) : null;
  const shown = claim ?? withdrawn;
  if (!shown) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const html = claimCardHtml({
    statement: shown.statement,
    status: claim?.status ?? 'retracted',
    statusNote: claim?.statusNote ?? '',
    claimant: claim?.claimant?.name ?? null,
    articleTitle: shown.article.title,
    outlet: shown.article.outlet,
    url: `${await siteUrl()}${claimPath(shown)}`,
    checkedBy: (await publisher()).name,
    withdrawn: withdrawn ? { on: withdrawn.withdrawnAt, note: withdrawn.withdrawalNote } : undefined,
  });
  if (withdrawn) return new Response(request.method === 'HEAD' ? null : html, { status: 410, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': READER_CACHE_CONTROL } });
  return cachedResponse(request, html, { contentType: 'text/html; charset=utf-8' });
}
