import 'server-only';
import { listFeedEvents } from '@/db/queries/feeds';
import { atomFeed } from '@/lib/atom';
import { cached } from './cache';
import { cachedResponse } from './http';
import { publisher, siteUrl } from './site';

type Scope = Parameters<typeof listFeedEvents>[0]['scope'];

/** An Atom feed response for one scope (site, article, party or claim), cached under `dependsOn`. */
export async function atomResponse(
  request: Request,
  input: { title: string; selfPath: string; pagePath: string; scope: Scope; dependsOn: string[] },
): Promise<Response> {
  const site = await siteUrl();
  const events = cached(`feed:${JSON.stringify(input.scope)}`, input.dependsOn, () =>
    listFeedEvents({ scope: input.scope, limit: 50 }),
  );
  const xml = atomFeed({
    title: input.title,
    selfUrl: `${site}${input.selfPath}`,
    pageUrl: `${site}${input.pagePath}`,
    site,
    publisher: (await publisher()).name,
    events,
  });
  return cachedResponse(request, xml, { contentType: 'application/atom+xml; charset=utf-8', cors: true });
}
