import { pageClaimsQuery, pageClaimsSchema } from '@/lib/api-schema';
import { pageUrlVariants } from '@/lib/page-url';
import { articlePath } from '@/lib/routes';
import { apiJson, claimHead, invalidParams, parseQuery } from '@/lib/server/api';
import { preflight } from '@/lib/server/http';
import { readPageClaims } from '@/lib/server/page-claims';
import { publisher, siteUrl } from '@/lib/server/site';

/** The published claims on one article page, for /embed.js on the publisher's site (open CORS, no cookies needed). */
export async function GET(request: Request) {
  const query = parseQuery(request, pageClaimsQuery);
  if (!query.ok) return query.response;
  const { url, article } = query.data;
  if (url && article) return invalidParams({ article: 'Give url or article, not both.' });
  if (!url && !article) return invalidParams({ url: 'Give the page’s address (url) or the article’s slug (article).' });
  const urls = url ? pageUrlVariants(url) : null;
  if (url && !urls) return invalidParams({ url: 'Give an http or https address.' });
  const found = readPageClaims(urls ? { urls } : { slug: article! });
  const site = await siteUrl();
  const data = {
    article: found ? { slug: found.article.slug, title: found.article.title, url: `${site}${articlePath(found.article)}` } : null,
    checkedBy: (await publisher()).name,
    textLength: found?.textLength ?? 0,
    claims: (found?.claims ?? []).map((c) => ({
      ...claimHead(c, site),
      quote: { exact: c.exact, prefix: c.prefix, suffix: c.suffix, start: c.start, end: c.end },
    })),
  };
  // The reader pages' and the other lists' Cache-Control: the overlay is read on every article
  // page of a publisher, the busiest answer a CDN has to refetch.
  return apiJson(request, pageClaimsSchema, { data });
}

export const OPTIONS = preflight;
