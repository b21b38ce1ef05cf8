import 'server-only';
import { getArticleBySlug, listArticlesWithCounts, listPublishedClaimsInArticle } from '@/db/queries/articles';
import { getPublishedClaim, listRecentClaims } from '@/db/queries/claims';
import { getRevisionComparison } from '@/db/queries/revisions';
import { cached, tags } from './cache';

/**
 * Reader data, memoised per tag (see cache.ts). Pages and route handlers read
 * through these so every reader surface is invalidated by the same writes.
 */

type PublishedClaim = NonNullable<ReturnType<typeof getPublishedClaim>>;

/** Every tag a claim page depends on: the claim, its articles and the parties it names. */
export function claimPageTags(claim: PublishedClaim): string[] {
  return [
    tags.claim(claim.id),
    tags.article(claim.articleId),
    ...claim.appearances.map((a) => tags.article(a.id)),
    ...(claim.claimant ? [tags.party(claim.claimant.id)] : []),
    ...claim.responses.map((r) => tags.party(r.partyId)),
  ];
}

/** A published claim, or null for unknown ids and drafts. */
export function readClaim(id: number) {
  return cached(
    `claim:${id}`,
    (claim) => (claim ? claimPageTags(claim) : [tags.claim(id)]),
    () => getPublishedClaim({ id }) ?? null,
  );
}

/** An article with its published claims in reading order, or null. */
export function readArticle(slug: string) {
  return cached(
    `article:${slug}`,
    // A missing slug may appear with any new article, which is a list change.
    (a) => (a ? [tags.article(a.id), ...a.claims.map((c) => tags.claim(c.id))] : [tags.lists]),
    () => {
      const article = getArticleBySlug({ slug });
      if (!article) return null;
      return { ...article, claims: listPublishedClaimsInArticle({ articleId: article.id }) };
    },
  );
}

export function readHome() {
  return cached('home', [tags.lists], () => ({
    articles: listArticlesWithCounts(),
    recent: listRecentClaims({ limit: 8 }),
  }));
}

/** Two revisions of an article and the list of all of them, for the changes page; null for an unknown slug. */
export function readRevisionComparison(slug: string, from?: number, to?: number) {
  return cached(
    `changes:${slug}:${from ?? ''}:${to ?? ''}`,
    (c) => (c ? [tags.article(c.article.id)] : [tags.lists]),
    () => getRevisionComparison({ slug, from, to }) ?? null,
  );
}
