import { ANNOTATION_CONTENT_TYPE, annotationDocument } from '@/lib/annotation';
import { parseId } from '@/lib/params';
import { readClaimAnnotation, toAnnotatedClaim } from '@/lib/server/annotations';
import { jsonResponse, preflight } from '@/lib/server/http';
import { publisher, siteUrl } from '@/lib/server/site';

/** A published claim as a W3C Web Annotation of the passages it was made in. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  const claim = id ? readClaimAnnotation(id) : null;
  if (!claim) return new Response('Not found', { status: 404 });
  const document = annotationDocument(toAnnotatedClaim(claim, await siteUrl()), await publisher());
  return jsonResponse(request, document, { contentType: ANNOTATION_CONTENT_TYPE });
}

export const OPTIONS = preflight;
