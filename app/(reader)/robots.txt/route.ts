import { cachedResponse } from '@/lib/server/http';
import { siteUrl } from '@/lib/server/site';

/**
 * For crawlers: the editors' workspace, sign-in and invitation pages are no place for them (they
 * carry noindex too), nor are searches' endless combinations of filters; the sitemap lists the rest.
 */
export async function GET(request: Request) {
  const body = ['User-agent: *', 'Disallow: /edit', 'Disallow: /sign-in', 'Disallow: /join/', 'Disallow: /claims?', '', `Sitemap: ${await siteUrl()}/sitemap.xml`, ''].join('\n');
  return cachedResponse(request, body, { contentType: 'text/plain; charset=utf-8' });
}
