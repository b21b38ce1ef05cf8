import 'server-only';
import { getArticleBySlug, listArticlesWithCounts, listPublishedClaimsInArticle } from '@/db/queries/articles';
import { getPublishedClaim } from '@/db/queries/claims';
import { listConfirmedExternalReviews } from '@/db/queries/external-reviews';
import { getWithdrawnClaim } from '@/db/queries/lifecycle';
import { getRevisionComparison } from '@/db/queries/revisions';
import { getCitedSnapshot, sourceEvidence } from '@/db/queries/snapshots';
import { listOutletChanges } from '@/db/queries/watches';
import { listFeedEvents } from '@/db/queries/feeds';
import { getPartyRedirect, getPublicPartyBySlug, getPublicPartySlugNamed, listPublicParties } from '@/db/queries/parties';
import { getPartyActivity, listMostDisputedClaims, listPartiesWithCounts, listPartyClaims, listPartyResponses, MOST_DISPUTED_SHOWN } from '@/db/queries/reader-lists';
import { countPartyReplies, countPartyStances, countPartyStatuses } from '@/db/queries/stats';
import { getPolicy, listPolicyHistory } from '@/db/queries/policies';
import { listOutlets, searchClaims } from '@/db/queries/search';
import type { ClaimFilters } from '@/lib/claim-filters';
import type { ReviewedClaim } from '@/lib/claim-review';
import type { PolicyPage } from '@/lib/policies';
import { CONFIRMING_STANCES, DISPUTING_STANCES } from '@/lib/stats';
import { articlePath, claimPath, externalHref, partyPath } from '@/lib/routes';
import { slugsOfAddress } from '@/lib/text';
import { cached, recordRead, tags } from './cache';

/**
 * Reader data, memoised per tag (see cache.ts). Pages and route handlers read
 * through these so every reader surface is invalidated by the same writes.
 */

type PublishedClaim = NonNullable<ReturnType<typeof getPublishedClaim>>;

/**
 * Every tag a claim page depends on: the claim and its articles. Not the parties it names: of a
 * party it shows the name, kind and address, and every write that changes those passes the tag of
 * each claim naming the party (updateParty, mergeParties, the demo's removal), while a party's own
 * tag moves with every claim and response of that party anywhere, which this page does not show.
 */
export function claimPageTags(claim: PublishedClaim): string[] {
  return [tags.claim(claim.id), tags.article(claim.articleId), ...claim.appearances.map((a) => tags.article(a.id))];
}

/** A published claim, or null for unknown ids and drafts. */
export function readClaim(id: number) {
  return cached(
    `claim:${id}`,
    (claim) => (claim ? claimPageTags(claim) : [tags.claim(id)]),
    () => {
      const claim = getPublishedClaim({ id });
      if (!claim) return null;
      // Revisions never change, so claims of one revision can share one copy of its (possibly long) text.
      const body = cached(`revision-body:${claim.revisionId}`, [], () => claim.body);
      const evidence = sourceEvidence({ sourceIds: claim.sources.map((s) => s.id) });
      const sources = claim.sources.map((s) => ({ ...s, ...evidence.get(s.id)! }));
      return { ...claim, body, sources, outletChange: listOutletChanges({ articleId: claim.articleId }).at(-1) ?? null };
    },
  );
}

/**
 * The stored copy of a source as a published claim cites it, with the claim's excerpt; null
 * when the claim is not public, does not cite that source, or no copy was made.
 */
export function readArchivedCopy(claimId: number, sourceId: number) {
  return cached(`archive:${claimId}:${sourceId}`, [tags.claim(claimId)], () =>
    readClaim(claimId) ? (getCitedSnapshot({ claimId, sourceId }) ?? null) : null,
  );
}

/** Other fact-checkers' reviews an editor confirmed are about this claim (never part of its own verdict). */
export function readExternalReviews(claimId: number) {
  return cached(`external-reviews:${claimId}`, [tags.claim(claimId)], () => listConfirmedExternalReviews({ claimId }));
}

/** A withdrawn claim's public record (note and history), or null for any other id. */
export function readWithdrawnClaim(id: number) {
  return cached(`withdrawn:${id}`, (claim) => (claim ? [tags.claim(id), tags.article(claim.articleId)] : [tags.claim(id)]), () => getWithdrawnClaim({ id }) ?? null);
}

// A claim page (not its badge, image or feed, whose names have a dot).
const CLAIM_PAGE = /^\/claims\/(\d+)\/[^/.]+$/;

/** Whether a request is for the page of a withdrawn claim, which answers 410 Gone (see proxy.ts). */
export function isWithdrawnClaimPage(request: Request): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const id = CLAIM_PAGE.exec(new URL(request.url).pathname)?.[1];
  return id !== undefined && id.length < 16 && readWithdrawnClaim(Number(id)) !== null;
}

/** An article with its published claims in reading order, or null. */
export function readArticle(slug: string) {
  return cached(
    `article:${slug}`,
    // A missing slug may appear with any new article, which is a list change.
    (a) => (a ? [tags.article(a.id), tags.articleClaims(a.id), ...a.claims.map((c) => tags.claim(c.id))] : [tags.lists]),
    () => {
      const article = getArticleBySlug({ slug });
      if (!article) return null;
      return {
        ...article,
        claims: listPublishedClaimsInArticle({ articleId: article.id }),
        outletChange: listOutletChanges({ articleId: article.id }).at(-1) ?? null,
      };
    },
  );
}

/** Articles on a page of the home page. */
export const HOME_PAGE_SIZE = 50;

/** One page of the home page's articles (`offset` from resolvePage()), with how many there are in all. */
export function readHome(offset = 0) {
  return cached(`home:${offset}`, [tags.lists], () => listArticlesWithCounts({ limit: HOME_PAGE_SIZE, offset }));
}

/**
 * What a page of the claims index (or API list) depends on: the lists; each claim it shows, whose
 * last change date it shows; the last change of every claim when it is sorted by that (a search
 * without words, unless another order is asked for); and responses when it is narrowed to a party,
 * which takes the claims that party responded to.
 */
export function claimSearchTags(filters: ClaimFilters, result: { hits: { id: number }[] }): string[] {
  const sort = filters.sort === 'relevance' && !filters.q ? 'updated' : filters.sort;
  return [
    tags.lists,
    ...(sort === 'updated' ? [tags.listUpdates] : []),
    ...(filters.party ? [tags.listResponses] : []),
    ...result.hits.map((hit) => tags.claim(hit.id)),
  ];
}

/**
 * One page of the claims index (and API list) for parsed filters. Searches with
 * words are not memoised: their keys are unbounded, and a search reads at most
 * SEARCH_BOUND matches (a few milliseconds over 100,000 claims).
 */
export function readClaimSearch(filters: ClaimFilters) {
  if (filters.q) {
    const result = searchClaims({ filters });
    recordRead(claimSearchTags(filters, result));
    return result;
  }
  return cached(`search:${JSON.stringify(filters)}`, (result) => claimSearchTags(filters, result), () => searchClaims({ filters }));
}

/** Every claim matching the filters, without paging (exports, the ClaimReview feed); not memoised, it can be large. */
export function readAllClaims(filters: ClaimFilters) {
  return searchClaims({ filters, all: true });
}

export function readFilterOptions() {
  return cached('filter-options', [tags.lists], () => ({ parties: listPublicParties(), outlets: listOutlets() }));
}

/**
 * What a party's page and API detail show depends on its own tag only: every write that changes a
 * claim or response passes the tags of the parties that claim names, before and after the
 * write (claimTags with claimScope: its claimant and every party that responded), and an edit to
 * the party itself passes its tag. An edit to any other claim leaves the page in the caches.
 * A party not found (unknown, or named only on drafts) follows the lists: the write that makes
 * it public is a claim's, whose tags include the lists.
 */
const partyTags = (p: { id: number } | null) => (p ? [tags.party(p.id)] : [tags.lists]);

/** A party with all its published claims and responses (the API's detail), or null when unknown or named only on drafts (see visibility.ts). */
export function readParty(slug: string) {
  return cached(
    `party:${slug}`,
    partyTags,
    () => {
      const party = getPublicPartyBySlug({ slug });
      return party ? { ...party, ...getPartyActivity({ partyId: party.id }) } : null;
    },
  );
}

/** A party's own row (its name, kind, description), or null when unknown or named only on drafts: for its page's head and its feed. */
export function readPartyHead(slug: string) {
  return cached(
    `party-head:${slug}`,
    partyTags,
    () => getPublicPartyBySlug({ slug }) ?? null,
  );
}

/** Every party readers can see, with how many published claims it made and responses it gave (the parties page and the API's list). */
export const readPartiesWithCounts = () => cached('api-parties', [tags.lists, tags.listResponses], () => listPartiesWithCounts());

/** Claims and responses to a page of a party's page: short enough for the page cache at any size of party. */
export const PARTY_PAGE_SIZE = 25;

/**
 * A party's record in numbers, counted in SQL over all its published claims and responses
 * (never from the page of them listed), with its latest disputes and confirmations. The day
 * is part of the key: a request whose deadline passes is "never answered" without a write.
 */
export function readPartyRecord(partyId: number, now = Date.now()) {
  const day = new Date(now).toISOString().slice(0, 10);
  return cached(`party-record:${partyId}:${day}`, [tags.party(partyId)], () => ({
    statuses: countPartyStatuses({ partyId }),
    replies: countPartyReplies({ partyId, now }),
    stances: countPartyStances({ partyId, now }),
    disputes: listPartyResponses({ partyId, stances: DISPUTING_STANCES, limit: 3 }),
    confirmations: listPartyResponses({ partyId, stances: CONFIRMING_STANCES, limit: 3 }),
  }));
}

/** One page of a party's claims (`offset` from resolvePage()). */
export function readPartyClaims(partyId: number, offset: number) {
  return cached(`party-claims:${partyId}:${offset}`, [tags.party(partyId)], () =>
    listPartyClaims({ partyId, limit: PARTY_PAGE_SIZE, offset }),
  );
}

/** One page of a party's responses (`offset` from resolvePage()). */
export function readPartyResponses(partyId: number, offset: number) {
  return cached(`party-responses:${partyId}:${offset}`, [tags.party(partyId)], () =>
    listPartyResponses({ partyId, limit: PARTY_PAGE_SIZE, offset }),
  );
}

/** The current slug for the old slug of a party merged into another (merges invalidate the lists), or null. */
function readPartyRedirect(slug: string) {
  return cached(`party-redirect:${slug}`, [tags.lists], () => getPartyRedirect({ slug }) ?? null);
}

/**
 * The slug of the public party an address that is no party's own slug means, or null: a merged
 * party's old slug; a slug or name typed or shared by hand (other letter case, spaces, accents:
 * slugsOfAddress); a party's name in any script (/parties/東京都庁, /parties/داليا%20حداد). Names and
 * merges change with the lists' tag.
 */
export function readPartyAddress(part: string) {
  for (const slug of [part, ...slugsOfAddress(part)]) {
    const found = (slug === part ? null : readPartyHead(slug)?.slug) ?? readPartyRedirect(slug);
    if (found) return found;
  }
  return cached(`party-named:${part}`, [tags.lists], () => getPublicPartySlugNamed({ name: part }) ?? null);
}

/** The slug of the article an address that is no article's own slug means (other letter case, spaces, accents: slugsOfAddress), or null. */
export function readArticleAddress(part: string) {
  return slugsOfAddress(part).find((slug) => readArticle(slug)) ?? null;
}

/** Status changes across the site (home page and site feed), newest first. */
export function readStatusChanges(limit: number) {
  return cached(`status-changes:${limit}`, [tags.lists], () => listFeedEvents({ scope: {}, limit }));
}

/**
 * The home page's most disputed claims: ranked by how many parties dispute them, then by last change.
 * Not the lists of responses or of last changes, which every response saved moves: the save says
 * when this list changed (tags.mostDisputed).
 */
export function readMostDisputed() {
  return cached('most-disputed', [tags.lists, tags.mostDisputed], () => listMostDisputedClaims({ limit: MOST_DISPUTED_SHOWN }));
}

/** Where an article is read: its publisher's page when known, else its page on `site`. */
export const articleUrl = (a: { slug: string; canonicalUrl: string | null }, site: string) =>
  externalHref(a.canonicalUrl) ?? `${site}${articlePath(a)}`;

/** The claim as schema.org sees it (see lib/claim-review.ts), with absolute URLs on `site`. */
export function toReviewedClaim(claim: PublishedClaim, site: string): ReviewedClaim {
  const statusSet = [...claim.events].reverse().find((e) => ['status_changed', 'corrected', 'published', 'created'].includes(e.kind));
  return {
    url: `${site}${claimPath(claim)}`,
    statement: claim.statement,
    status: claim.status,
    statusNote: claim.statusNote,
    reviewedAt: statusSet?.at ?? claim.createdAt,
    updatedAt: claim.updatedAt,
    claimant: claim.claimant
      ? { name: claim.claimant.name, kind: claim.claimant.kind, url: `${site}${partyPath(claim.claimant)}` }
      : null,
    appearances: [claim.article, ...claim.appearances].map((a) => ({
      url: articleUrl(a, site),
      headline: a.title,
      outlet: a.outlet,
      publishedAt: a.publishedAt,
    })),
    imageUrl: `${site}/claims/${claim.id}/share.png`,
  };
}

/** Two revisions of an article and the list of all of them, for the changes page; null for an unknown slug. */
export function readRevisionComparison(slug: string, from?: number, to?: number) {
  return cached(
    `changes:${slug}:${from ?? ''}:${to ?? ''}`,
    (c) => (c ? [tags.article(c.article.id)] : [tags.lists]),
    () => getRevisionComparison({ slug, from, to }) ?? null,
  );
}

/** A policy page as readers see it (its newest version). */
export function readPolicy(page: PolicyPage) {
  return cached(`policy:${page}`, [tags.policies], () => getPolicy({ page }));
}

/** Every version of a policy page, newest first. */
export function readPolicyHistory(page: PolicyPage) {
  return cached(`policy-history:${page}`, [tags.policies], () => listPolicyHistory({ page }));
}
