import { cachedResponse } from '@/lib/server/http';
import { siteUrl } from '@/lib/server/site';
import { readSitemapIndex } from '@/lib/server/sitemap';

/** The sitemap index: the files listing every public page (lib/server/sitemap.ts), for search engines. */
export async function GET(request: Request) {
  return cachedResponse(request, readSitemapIndex(await siteUrl()), { contentType: 'application/xml; charset=utf-8' });
}
