'use client';

import Link from 'next/link';
import { useFormAction } from '@/components/forms/use-form-action';
import { useFormKey } from '@/components/forms/use-form-key';
import { Field, FormMessage } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { createClaimAction } from '../actions';
import { ClaimantFields, type PartyOption } from './claimant-fields';

type Passage = { articleId: number; start: number; end: number; exact: string };

/** The create step: the selected passage, its statement (the quote unless rewritten) and claimant. */
export function CreateClaimForm({ passage, parties, formKey }: { passage: Passage; parties: PartyOption[]; /** One-time key (newFormKey): sent twice, it creates one claim. */ formKey: string }) {
  const [state, formAction] = useFormAction(createClaimAction);
  const key = useFormKey(formKey, state);
  return (
    <form action={formAction} aria-labelledby="create-claim-heading">
      <h2 id="create-claim-heading" className="mb-2 text-lg font-semibold">
        New claim
      </h2>
      <blockquote className="mb-3 border-l-4 border-[var(--link)] pl-3 font-serif">{passage.exact}</blockquote>
      <FormMessage state={state} />
      {/* The passage's own errors: it has no field of its own to show them beside. */}
      {state.ok ? null : (state.fieldErrors?.anchor ?? state.fieldErrors?.exact) ? (
        <p className="mb-3 text-sm text-red-700 dark:text-red-300">{(state.fieldErrors.anchor ?? state.fieldErrors.exact)!.join(' ')}</p>
      ) : null}
      <input type="hidden" name="formKey" value={key} />
      <input type="hidden" name="articleId" value={passage.articleId} />
      <input type="hidden" name="start" value={passage.start} />
      <input type="hidden" name="end" value={passage.end} />
      <input type="hidden" name="exact" value={passage.exact} />
      <Field
        label="Statement"
        name="statement"
        multiline
        rows={3}
        defaultValue={passage.exact}
        hint="The claim in one sentence; it starts as the quoted words."
        state={state}
        // The step opens from a selection: typing can start at once.
        autoFocus
      />
      <ClaimantFields parties={parties} state={state} />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingText="Creating…">Create claim</SubmitButton>
        <Link href={`/edit/articles/${passage.articleId}`} scroll={false}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
