'use server';

import { decideExternalMatch, importExternalReviews, matchExternalReview, removeExternalReview } from '@/db/queries/external-reviews';
import { fieldError } from '@/lib/errors';
import { EXTERNAL_REVIEW_BYTES, jsonLdDocuments, parseClaimReviews } from '@/lib/external-review';
import { plural } from '@/lib/format';
import { claimIdFromReference } from '@/lib/routes';
import { action } from '@/lib/server/action';
import { tags } from '@/lib/server/cache';
import { SafeFetchError, safeFetch } from '@/lib/server/safe-fetch';
import { siteUrl } from '@/lib/server/site';
import { decideSchema, importSchema, matchSchema, removeReviewSchema, type ImportInput } from './schema';

const JSON_TYPES = ['application/ld+json', 'application/json'];
const HTML_TYPES = ['text/html', 'application/xhtml+xml'];

/** The JSON-LD documents of the upload, or of the feed or page at the address (fetched through the safe fetcher). */
async function documents(input: ImportInput): Promise<string[]> {
  if (input.mode === 'file') return jsonLdDocuments(input.file.text, 'json');
  try {
    const page = await safeFetch(input.url, { accept: [...JSON_TYPES, ...HTML_TYPES], maxBytes: EXTERNAL_REVIEW_BYTES });
    const mediaType = page.contentType.split(';')[0]!.trim().toLowerCase();
    return jsonLdDocuments(page.text, HTML_TYPES.includes(mediaType) ? 'html' : 'json');
  } catch (error) {
    if (error instanceof SafeFetchError) throw fieldError('url', error.message);
    throw error;
  }
}

/** Reads every ClaimReview in the document and stores them all, with suggested claims, or refuses the whole document. */
export const importExternalReviewsAction = action({
  role: 'editor',
  schema: importSchema,
  files: ['file'],
  run: async (input, user) => {
    const field = input.mode === 'file' ? 'file' : 'url';
    const parsed = parseClaimReviews(await documents(input), { ownOrigin: new URL(await siteUrl()).origin });
    if (!parsed.ok) throw fieldError(field, parsed.message);
    return importExternalReviews({
      reviews: parsed.reviews,
      kind: input.mode,
      source: input.mode === 'file' ? input.file.name : input.url,
      actorId: user.id,
    });
  },
  tags: (r) => r.changedClaims.map((id) => tags.claim(id)),
  refresh: true,
  message: (r) =>
    [
      `Imported ${plural(r.added, 'review')}`,
      r.updated ? `${plural(r.updated, 'corrected review')} updated` : '',
      r.skipped ? `${plural(r.skipped, 'review')} already here, left as they were` : '',
    ]
      .filter(Boolean)
      .join(', ') + `; ${plural(r.suggested, 'similar claim')} to check below.`,
});

/** Confirms or rejects one suggested claim for an external review; a confirmed one shows on the claim's page. */
export const decideExternalMatchAction = action({
  role: 'editor',
  schema: decideSchema,
  run: (input, user) => decideExternalMatch({ ...input, actorId: user.id }),
  tags: ({ claimId }) => [tags.claim(claimId)],
  refresh: true,
});

/** Matches a review to a claim the editor names, when the similarity search did not suggest it. */
export const matchExternalReviewAction = action({
  role: 'editor',
  schema: matchSchema,
  run: async (input, user) => {
    const claimId = claimIdFromReference(input.claim, await siteUrl());
    if (!claimId) throw fieldError('claim', 'That is not one of our claims: give its number (as in /claims/42) or its page’s address here.');
    return matchExternalReview({ reviewId: input.reviewId, claimId, actorId: user.id, field: 'claim' });
  },
  tags: ({ claimId }) => [tags.claim(claimId)],
  refresh: true,
  message: ({ claimId }) => `Matched to claim ${claimId}.`,
});

/** Removes an imported review no reader sees (no confirmed match). */
export const removeExternalReviewAction = action({
  role: 'editor',
  schema: removeReviewSchema,
  run: (input) => removeExternalReview(input),
  refresh: true,
  message: 'Review removed.',
});
