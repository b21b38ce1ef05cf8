import { openApiDocument } from '@/lib/openapi';
import { jsonResponse, preflight } from '@/lib/server/http';
import { siteUrl } from '@/lib/server/site';

export async function GET(request: Request) {
  return jsonResponse(request, openApiDocument(await siteUrl()));
}

export const OPTIONS = preflight;
