import { listRecentOutletChanges } from '@/db/queries/watches';
import { outletChangesFeed } from '@/lib/atom';
import { articleChangesPath } from '@/lib/routes';
import { cached, tags } from '@/lib/server/cache';
import { cachedResponse } from '@/lib/server/http';
import { publisher, siteUrl } from '@/lib/server/site';

/** Changes outlets made to checked articles after the check, newest first. */
export async function GET(request: Request) {
  const site = await siteUrl();
  // Accepting a change invalidates `lists` (and the article's tag).
  const changes = cached('feed:outlet-changes', [tags.lists], () => listRecentOutletChanges({ limit: 50 }));
  const xml = outletChangesFeed({
    selfUrl: `${site}/feeds/outlet-changes.atom`,
    pageUrl: `${site}/`,
    site,
    publisher: (await publisher()).name,
    changes: changes.flatMap((c) =>
      c.to ? [{ id: c.id, detectedAt: c.detectedAt, title: c.title, outlet: c.outlet, url: c.url, changesPath: articleChangesPath(c, { from: c.from, to: c.to }) }] : [],
    ),
  });
  return cachedResponse(request, xml, { contentType: 'application/atom+xml; charset=utf-8', cors: true });
}
