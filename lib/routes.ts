/** Public URLs, built in one place. */
export const claimPath = (claim: { id: number; slug: string }) => `/claims/${claim.id}/${claim.slug}`;
export const articlePath = (article: { slug: string }) => `/articles/${article.slug}`;
export const partyPath = (party: { slug: string }) => `/parties/${party.slug}`;
