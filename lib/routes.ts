/** Public URLs, built in one place. */
export const claimPath = (claim: { id: number; slug: string }) => `/claims/${claim.id}/${claim.slug}`;
export const articlePath = (article: { slug: string }) => `/articles/${article.slug}`;
export const partyPath = (party: { slug: string }) => `/parties/${party.slug}`;
/** The revision comparison of an article; without ids, its latest change. */
export const articleChangesPath = (article: { slug: string }, revisions?: { from: number; to: number }) =>
  `/articles/${article.slug}/changes${revisions ? `?from=${revisions.from}&to=${revisions.to}` : ''}`;
/** The oEmbed answer for a page of this site (`site`: its origin). */
export const oembedUrl = (site: string, pageUrl: string) => `${site}/oembed?url=${encodeURIComponent(pageUrl)}&format=json`;

/**
 * The href for a link to another site (a source, an article's original), or
 * undefined when the stored URL is not http(s): a javascript: or data: URL that
 * reached the database some other way than the forms is shown as text, never linked.
 */
export function externalHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The stored copy of a source, as one claim cites it. */
export const archivedCopyPath = (claim: { id: number }, sourceId: number) => `/claims/${claim.id}/archive/${sourceId}`;
