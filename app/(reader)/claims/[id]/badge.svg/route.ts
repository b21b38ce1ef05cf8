import { statusBadgeSvg } from '@/lib/badge';
import { parseId } from '@/lib/params';
import { cachedResponse } from '@/lib/server/http';
import { readClaim } from '@/lib/server/reader';

// Other sites show the badge: allow cross-origin use and framing of this image only,
// and forbid anything active inside it.
const EMBED_HEADERS = {
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *",
  'X-Content-Type-Options': 'nosniff',
};

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  const claim = id ? readClaim(id) : null;
  if (!claim) return new Response('Not found', { status: 404 });
  return cachedResponse(request, statusBadgeSvg(claim.status), {
    contentType: 'image/svg+xml; charset=utf-8',
    cors: true,
    headers: EMBED_HEADERS,
  });
}
