import { oembedAnswer, oembedQuery } from '@/lib/oembed';
import { claimIdFromUrl } from '@/lib/routes';
import { parseSearchParams } from '@/lib/params';
import { invalidParams } from '@/lib/server/api';
import { jsonError, jsonResponse, preflight } from '@/lib/server/http';
import { readClaim } from '@/lib/server/reader';
import { publisher, siteUrl } from '@/lib/server/site';

/** oEmbed for claim pages: ?url=<claim page>&format=json → a `rich` card (lib/oembed.ts). */
export async function GET(request: Request) {
  // Consumers send parameters of their own: only the spec's are checked.
  const query = parseSearchParams(new URL(request.url).searchParams, oembedQuery, { strict: false });
  if (!query.ok) return invalidParams(query.errors);
  if (query.data.format === 'xml') return jsonError(501, 'Only format=json is available.');
  const site = await siteUrl();
  const id = claimIdFromUrl(query.data.url, site);
  const claim = id ? readClaim(id) : null;
  if (!claim) return jsonError(404, 'No published claim has this address.');
  return jsonResponse(request, oembedAnswer(claim, { site, checkedBy: await publisher(), ...query.data }));
}

export const OPTIONS = preflight;
