'use client';

import { useFormAction } from '@/components/forms/use-form-action';
import { Field, FormMessage } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { acceptAnchorAction, removeAnchorAction, reselectAnchorAction } from './actions';

type ClaimRef = { articleId: number; claimId: number; appearanceId?: number; version: number };

function Hidden({ articleId, claimId, appearanceId, version }: ClaimRef) {
  return (
    <>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="appearanceId" value={appearanceId ?? ''} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

/**
 * The three ways to resolve a claim whose passage changed or disappeared. `published`:
 * readers see the claim, so retracting it is a correction and asks for a correction note.
 */
export function ReviewForms({
  claim,
  proposal,
  published,
}: {
  claim: ClaimRef;
  /** The passage proposed for a fuzzy anchor (null: nothing to accept). */
  proposal: { start: number; end: number; revisionId: number } | null;
  published: boolean;
}) {
  const [accepted, accept] = useFormAction(acceptAnchorAction);
  const [reselected, reselect] = useFormAction(reselectAnchorAction);
  const [removed, remove] = useFormAction(removeAnchorAction);
  return (
    <div className="mt-4 grid gap-4 md:grid-cols-3">
      {proposal ? (
        <form action={accept}>
          <h4 className="mb-2 font-semibold">Accept</h4>
          <FormMessage state={accepted} />
          <Hidden {...claim} />
          <input type="hidden" name="proposalStart" value={proposal.start} />
          <input type="hidden" name="proposalEnd" value={proposal.end} />
          <input type="hidden" name="proposalRevision" value={proposal.revisionId} />
          <p className="mb-3 text-sm">The new passage becomes the claim’s quote.</p>
          <SubmitButton>Accept new passage</SubmitButton>
        </form>
      ) : null}
      <form action={reselect}>
        <h4 className="mb-2 font-semibold">Select again</h4>
        <FormMessage state={reselected} />
        <Hidden {...claim} />
        <Field label="Words from the new text" name="quote" multiline rows={3} required state={reselected} />
        <SubmitButton>Use these words</SubmitButton>
      </form>
      <form action={remove}>
        <h4 className="mb-2 font-semibold">No longer in the article</h4>
        <FormMessage state={removed} />
        <Hidden {...claim} />
        <Field
          label="Note for readers"
          name="note"
          required
          placeholder="Passage retracted by the outlet"
          hint={
            claim.appearanceId
              ? 'Recorded in the claim’s history; its status stays as it is.'
              : 'Shown on the claim page as the reason for its status.'
          }
          state={removed}
        />
        {claim.appearanceId ? null : (
          <>
            <p className="mb-4 text-sm">
              <label className="inline-flex items-center gap-2">
                {/* Kept as sent after a refused save, so fixing the correction note does not drop the retraction. */}
                <input
                  key={removed.ok ? 'initial' : `sent-${removed.values?.retracted}`}
                  type="checkbox"
                  name="retracted"
                  defaultChecked={!removed.ok && removed.values?.retracted === 'on'}
                />{' '}
                Also set the status to Retracted
              </label>
            </p>
            {published ? (
              <Field
                label="Correction note (public)"
                name="correction"
                multiline
                rows={2}
                hint="Needed to retract: this claim is public. Tell readers what changed; it appears on the corrections page once approved."
                state={removed}
              />
            ) : null}
          </>
        )}
        <SubmitButton>Mark as removed</SubmitButton>
      </form>
    </div>
  );
}
