import { z } from 'zod';
import { listPartiesWithCounts } from '@/db/queries/reader-lists';
import { partyPath } from '@/lib/routes';
import { parseQuery } from '@/lib/server/api';
import { cached, tags } from '@/lib/server/cache';
import { jsonResponse, preflight } from '@/lib/server/http';
import { siteUrl } from '@/lib/server/site';

/** Every party named on a published claim (as claimant or responder), with how many published claims it made and responses it gave. */
export async function GET(request: Request) {
  const query = parseQuery(request, z.object({}));
  if (!query.ok) return query.response;
  const site = await siteUrl();
  const parties = cached('api-parties', [tags.lists], () => listPartiesWithCounts());
  return jsonResponse(request, {
    data: parties.map(({ id: _id, ...p }) => ({ ...p, url: `${site}${partyPath(p)}`, api: `${site}/api/v1/parties/${p.slug}` })),
  });
}

export const OPTIONS = preflight;
