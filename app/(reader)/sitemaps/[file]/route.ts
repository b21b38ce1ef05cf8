import { cachedResponse } from '@/lib/server/http';
import { siteUrl } from '@/lib/server/site';
import { readSitemapFile } from '@/lib/server/sitemap';
import { parseSitemapFile } from '@/lib/sitemap';

/** One sitemap file the index lists: the fixed and policy pages, or a file's worth of claims, articles or parties. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = parseSitemapFile((await params).file);
  const xml = file ? readSitemapFile(await siteUrl(), file) : null;
  if (xml === null) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return cachedResponse(request, xml, { contentType: 'application/xml; charset=utf-8' });
}
