import { claimReviewFeed } from '@/lib/claim-review';
import { STATUSES, STATUS_INFO } from '@/lib/status';
import { cached, tags } from '@/lib/server/cache';
import { jsonResponse } from '@/lib/server/http';
import { readAllClaims, readClaim, toReviewedClaim } from '@/lib/server/reader';
import { publisher, siteUrl } from '@/lib/server/site';

const VERDICTS = STATUSES.filter((s) => STATUS_INFO[s].rating !== null);

/** Every published verdict as a schema.org DataFeed of ClaimReviews, for fact-check aggregators. */
export async function GET(request: Request) {
  const site = await siteUrl();
  const org = await publisher();
  const feed = cached(`claim-reviews:${site}`, [tags.lists, tags.listUpdates], () => {
    const { hits } = readAllClaims({ status: VERDICTS, sort: 'updated', limit: 0 });
    const claims = hits.flatMap((h) => {
      const claim = readClaim(h.id);
      return claim ? [toReviewedClaim(claim, site)] : [];
    });
    const modified = hits[0]?.updatedAt ?? new Date(0);
    return claimReviewFeed(claims, org, `${site}/feeds/claim-reviews.json`, modified);
  });
  return jsonResponse(request, feed, { contentType: 'application/ld+json; charset=utf-8' });
}
