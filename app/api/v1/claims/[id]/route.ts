import { z } from 'zod';
import { claimResponseSchema } from '@/lib/api-schema';
import { parseId } from '@/lib/params';
import { apiJson, badId, claimDetail, notFoundJson, parseQuery } from '@/lib/server/api';
import { jsonError, preflight } from '@/lib/server/http';
import { readClaim, readWithdrawnClaim } from '@/lib/server/reader';
import { siteUrl } from '@/lib/server/site';

/** One published claim with its sources, responses, history and appearances. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (!id) return badId();
  const query = parseQuery(request, z.object({}));
  if (!query.ok) return query.response;
  const claim = readClaim(id);
  if (!claim) return readWithdrawnClaim(id) ? jsonError(410, 'This claim was withdrawn by the newsroom.') : notFoundJson();
  return apiJson(request, claimResponseSchema, { data: claimDetail(claim, await siteUrl()) });
}

export const OPTIONS = preflight;
