import { z } from 'zod';
import { partyResponseSchema } from '@/lib/api-schema';
import { apiJson, notFoundJson, parseQuery, partyDetail } from '@/lib/server/api';
import { preflight } from '@/lib/server/http';
import { readParty } from '@/lib/server/reader';
import { siteUrl } from '@/lib/server/site';

/** One party with the published claims it made and its responses to published claims. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const query = parseQuery(request, z.object({}));
  if (!query.ok) return query.response;
  const party = readParty((await params).slug);
  if (!party) return notFoundJson();
  return apiJson(request, partyResponseSchema, { data: partyDetail(party, await siteUrl()) });
}

export const OPTIONS = preflight;
