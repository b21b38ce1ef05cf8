import { z } from 'zod';
import { listPartiesWithCounts } from '@/db/queries/reader-lists';
import { partyListSchema } from '@/lib/api-schema';
import { apiList, parseQuery, partySummary } from '@/lib/server/api';
import { cached, tags } from '@/lib/server/cache';
import { preflight } from '@/lib/server/http';
import { siteUrl } from '@/lib/server/site';

/** Every party named on a published claim (as claimant or responder), with how many published claims it made and responses it gave. */
export async function GET(request: Request) {
  const query = parseQuery(request, z.object({}));
  if (!query.ok) return query.response;
  const site = await siteUrl();
  const parties = cached('api-parties', [tags.lists, tags.listResponses], () => listPartiesWithCounts());
  return apiList(request, partyListSchema, { data: parties.map((p) => partySummary(p, site)) }, [tags.lists, tags.listResponses]);
}

export const OPTIONS = preflight;
