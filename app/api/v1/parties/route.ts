import { z } from 'zod';
import { partyListSchema } from '@/lib/api-schema';
import { apiList, parseQuery, partySummary } from '@/lib/server/api';
import { tags } from '@/lib/server/cache';
import { preflight } from '@/lib/server/http';
import { readPartiesWithCounts } from '@/lib/server/reader';
import { siteUrl } from '@/lib/server/site';

/** Every party named on a published claim (as claimant or responder), with how many published claims it made and responses it gave. */
export async function GET(request: Request) {
  const query = parseQuery(request, z.object({}));
  if (!query.ok) return query.response;
  const site = await siteUrl();
  const parties = readPartiesWithCounts();
  return apiList(request, partyListSchema, { data: parties.map((p) => partySummary(p, site)) }, [tags.lists, tags.listResponses]);
}

export const OPTIONS = preflight;
