import { z } from 'zod';
import { openApiDocumentSchema } from '@/lib/api-schema';
import { openApiDocument } from '@/lib/openapi';
import { apiJson, parseQuery } from '@/lib/server/api';
import { preflight } from '@/lib/server/http';

export async function GET(request: Request) {
  const query = parseQuery(request, z.object({}));
  if (!query.ok) return query.response;
  return apiJson(request, openApiDocumentSchema, openApiDocument());
}

export const OPTIONS = preflight;
