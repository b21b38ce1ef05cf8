// The invented ferry article shared by the revision and anchor-review tests, with helpers to read back what they changed.
import { asc, eq } from 'drizzle-orm';
import { createAnchor, occurrences } from '@/lib/anchor';
import { getDb } from './index';
import { createArticle } from './queries/articles';
import { createClaim } from './queries/claims';
import { articleRevisions, claimEvents, claims } from './schema';

export const FERRY_BODY = [
  'The ferry operator said on Friday that crossings to Marrow Island would double by next summer.',
  'Islanders said the morning boat had been cancelled nine times in October.',
  'A harbour spokesperson said the new pier would open in the spring, and said the fares would not rise.',
  'The operator said the fares would not rise this year either.',
].join('\n\n');

/** Stores the ferry article; `claimOn(quote)` anchors a published claim on one occurrence of a quote. */
export function ferryArticle() {
  const article = createArticle({ title: 'Ferry promises', outlet: 'Coast Post', body: FERRY_BODY, actorId: null });
  const claimOn = (quote: string, occurrence = 0) => {
    const start = occurrences(article.body, quote)[occurrence]!;
    return createClaim({
      articleId: article.id,
      anchor: createAnchor(article.body, start, start + quote.length)!,
      published: true,
      actorId: null,
    });
  };
  return { article, claimOn };
}

export const claimRow = (id: number) => getDb().select().from(claims).where(eq(claims.id, id)).get()!;
export const eventsOf = (id: number) =>
  getDb().select().from(claimEvents).where(eq(claimEvents.claimId, id)).orderBy(asc(claimEvents.id)).all();
/** The text an anchor points at in the revision it is anchored to. */
export const bodyAt = (c: { revisionId: number; anchorStart: number; anchorEnd: number }) =>
  getDb().select().from(articleRevisions).where(eq(articleRevisions.id, c.revisionId)).get()!.body.slice(c.anchorStart, c.anchorEnd);
