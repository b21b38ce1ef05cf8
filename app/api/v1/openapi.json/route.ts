import { z } from 'zod';
import { openApiDocument } from '@/lib/openapi';
import { parseQuery } from '@/lib/server/api';
import { jsonResponse, preflight } from '@/lib/server/http';
import { siteUrl } from '@/lib/server/site';

export async function GET(request: Request) {
  const query = parseQuery(request, z.object({}));
  if (!query.ok) return query.response;
  return jsonResponse(request, openApiDocument(await siteUrl()));
}

export const OPTIONS = preflight;
