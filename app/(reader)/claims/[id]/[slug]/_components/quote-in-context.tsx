import Link from 'next/link';
import { isDetached, quoteInContext, type AnchorState } from '@/lib/anchor';
import { articleChangesPath } from '@/lib/routes';
import type { Status } from '@/lib/status';

type Props = {
  claim: { status: Status; anchorState: AnchorState; anchorStart: number; anchorEnd: number; anchorExact: string };
  /** The body of the revision the anchor points into: the current one, or for a lost passage the last that had it. */
  body: string;
  article: { slug: string };
};

/**
 * The claim's words in their surrounding text. After a revision it says so
 * plainly: a passage that changed shows the new wording and the words the claim
 * was recorded on; a lost passage shows its last known wording, marked as no
 * longer in the article.
 */
export function QuoteInContext({ claim, body, article }: Props) {
  const context = quoteInContext(body, claim.anchorStart, claim.anchorEnd);
  const detached = isDetached(claim.anchorState);
  const changes = <Link href={articleChangesPath(article)}>See what changed</Link>;
  return (
    <>
      <p className={`mt-2 font-serif text-lg${detached ? ' muted' : ''}`}>
        {context.clippedStart ? '…' : ''}
        {context.before}
        <mark className={`claim-mark status-${claim.status}`}>{context.exact}</mark>
        {context.after}
        {context.clippedEnd ? '…' : ''}
      </p>
      {detached ? (
        <p className="mt-2 text-sm">
          <strong>No longer in the article.</strong> This is the passage’s last known wording; a later revision of the
          article removed or rewrote it. {changes}.
        </p>
      ) : null}
      {claim.anchorState === 'fuzzy' ? (
        <p className="mt-2 text-sm">
          <strong>This passage changed in a revision of the article.</strong> The claim was recorded on the words “
          {claim.anchorExact}”; an editor is reviewing the new wording. {changes}.
        </p>
      ) : null}
    </>
  );
}
