import { getCitedSnapshot } from '@/db/queries/snapshots';
import { archivedCopyHtml, archivedCopyMissingHtml } from '@/lib/archived-copy';
import { isAppError } from '@/lib/errors';
import { parseId } from '@/lib/params';
import { claimPath } from '@/lib/routes';
import { cachedResponse } from '@/lib/server/http';
import { readArchivedCopy } from '@/lib/server/reader';
import { authorize } from '@/lib/server/session';
import { publisher } from '@/lib/server/site';

const HTML = 'text/html; charset=utf-8';
// A copy is evidence, not a page of ours to rank: search engines should send readers to the original.
const NOINDEX = { 'X-Robots-Tag': 'noindex' };

const missing = () =>
  new Response(archivedCopyMissingHtml(), { status: 404, headers: { 'Content-Type': HTML, 'Cache-Control': 'no-store', ...NOINDEX } });

/**
 * The stored copy of a source as a claim cites it, as a standalone document with no script
 * (lib/archived-copy.ts; proxy.ts gives it ARCHIVE_POLICY). Readers get the copies of
 * published claims, cacheable; a signed-in editor also gets a draft's, never stored by a cache.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; sourceId: string }> }) {
  const { id, sourceId } = await params;
  const claimId = parseId(id);
  const source = parseId(sourceId);
  if (!claimId || !source) return missing();
  const { name } = await publisher();
  const published = readArchivedCopy(claimId, source);
  if (published) {
    const html = archivedCopyHtml({
      publisher: name,
      claim: { statement: published.claim.statement, href: claimPath(published.claim), editorsOnly: false },
      cited: published.cited,
      snapshot: published.snapshot,
    });
    return cachedResponse(request, html, { contentType: HTML, headers: NOINDEX });
  }
  // Not public: only an editor's session may see the copy, and a reader learns no more than "missing".
  try {
    await authorize('editor');
  } catch (error) {
    if (isAppError(error)) return missing();
    throw error;
  }
  const copy = getCitedSnapshot({ claimId, sourceId: source });
  if (!copy) return missing();
  const html = archivedCopyHtml({
    publisher: name,
    claim: { statement: copy.claim.statement, href: `/edit/claims/${copy.claim.id}`, editorsOnly: true },
    cited: copy.cited,
    snapshot: copy.snapshot,
  });
  return new Response(request.method === 'HEAD' ? null : html, {
    headers: { 'Content-Type': HTML, 'Cache-Control': 'private, no-store', ...NOINDEX },
  });
}
