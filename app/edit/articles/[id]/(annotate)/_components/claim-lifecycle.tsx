import { ConfirmAction } from '@/components/forms/confirm-action';
import { claimWasPublic } from '@/db/queries/lifecycle';
import type { EditorClaim } from '@/db/queries/annotator';
import { formatDate, isoDate } from '@/lib/format';
import { quoted } from '@/lib/quotes';
import { deleteClaimAction, withdrawClaimAction } from '../lifecycle-actions';

/**
 * The end of a claim's life: a claim readers never saw can be deleted; one they may have seen
 * is withdrawn with a public note (its page then answers 410 with the note and the history).
 */
export function ClaimLifecycle({ claim }: { claim: EditorClaim }) {
  if (claim.withdrawnAt) {
    return (
      <section aria-label="Withdrawn" className="rounded border border-[var(--rule)] p-3 text-sm">
        <p className="font-semibold">
          Withdrawn on <time dateTime={isoDate(claim.withdrawnAt)}>{formatDate(claim.withdrawnAt)}</time>
        </p>
        <p className="mt-1 whitespace-pre-line">{claim.withdrawalNote}</p>
        <p className="muted mt-1">Its public page keeps this note and the history; the claim can no longer be changed.</p>
      </section>
    );
  }
  const fields = { id: claim.id, articleId: claim.articleId };
  if (!claimWasPublic(claim)) {
    return (
      <ConfirmAction
        action={deleteClaimAction}
        fields={fields}
        opener="Delete claim…"
        title="Delete this claim?"
        confirm="Delete claim"
        pendingText="Deleting…"
      >
        <p>
          {quoted(claim.statement)} and everything recorded on it (sources cited, responses, history) are deleted. Readers never saw this
          claim. This cannot be undone.
        </p>
      </ConfirmAction>
    );
  }
  return (
    <ConfirmAction
      action={withdrawClaimAction}
      fields={{ ...fields, version: claim.version }}
      opener="Withdraw claim…"
      title="Withdraw this published claim?"
      confirm="Withdraw claim"
      pendingText="Withdrawing…"
      note={{ name: 'note', label: 'Public note', hint: 'Shown on the claim’s page: tell readers why it was withdrawn.' }}
    >
      <p>
        A published claim is never deleted. Withdrawn, it leaves the lists, search, feeds and the API; its page stays, marked as
        withdrawn, with your note and its history.
      </p>
    </ConfirmAction>
  );
}
