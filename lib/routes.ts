/** Public URLs, built in one place. */
// A claim's own routes sit beside its page (/claims/<id>/card, /claims/<id>/archive/<n>): a
// statement that slugs to one of their names gets a suffix, so its page stays reachable.
const CLAIM_ROUTE_NAMES = new Set(['card', 'archive']);
export const claimPath = (claim: { id: number; slug: string }) =>
  `/claims/${claim.id}/${CLAIM_ROUTE_NAMES.has(claim.slug) ? `${claim.slug}-claim` : claim.slug}`;
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

// A claim page (/claims/12 or /claims/12/<slug>) or its card; an editor's screen of a claim.
const CLAIM_PATH = /^\/claims\/([1-9]\d{0,15})(?:\/[^/]+)?\/?$/;
const EDITOR_CLAIM_PATH = /^\/edit\/claims\/([1-9]\d{0,15})(?:\/[^/]*)?\/?$/;

/**
 * The claim an absolute URL names on this site (`site`: its origin; http and https alike, as the
 * site may be reached by either behind a proxy), or null for anything else. `editor` accepts
 * the address of its editor screen too.
 */
export function claimIdFromUrl(url: string, site: string, { editor = false } = {}): number | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.host !== new URL(site).host) return null;
  const id = (CLAIM_PATH.exec(parsed.pathname) ?? (editor ? EDITOR_CLAIM_PATH.exec(parsed.pathname) : null))?.[1];
  return id ? Number(id) : null;
}

/**
 * The claim an editor means by "42", "#42", or the address of its page or editor screen on
 * this site, pasted whole or as a path (see claimIdFromUrl), or null for anything else.
 */
export function claimIdFromReference(text: string, site: string): number | null {
  const trimmed = text.trim();
  const number = /^#?([1-9]\d{0,14})$/.exec(trimmed)?.[1];
  if (number) return Number(number);
  let url: string;
  try {
    url = new URL(trimmed, site).href;
  } catch {
    return null;
  }
  return claimIdFromUrl(url, site, { editor: true });
}
