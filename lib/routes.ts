/** Public URLs, built in one place. */
export const claimPath = (claim: { id: number; slug: string }) => `/claims/${claim.id}/${claim.slug}`;
export const articlePath = (article: { slug: string }) => `/articles/${article.slug}`;
export const partyPath = (party: { slug: string }) => `/parties/${party.slug}`;
/** The revision comparison of an article; without ids, its latest change. */
export const articleChangesPath = (article: { slug: string }, revisions?: { from: number; to: number }) =>
  `/articles/${article.slug}/changes${revisions ? `?from=${revisions.from}&to=${revisions.to}` : ''}`;
