'use client';

import { useFormAction } from '@/components/forms/use-form-action';
import { Field, FormMessage } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { quoted } from '@/lib/quotes';
import { matchExternalReviewAction } from './actions';

/** For a review the similarity search matched wrongly or not at all: the editor names the claim. */
export function MatchForm({ reviewId, organisation, claimReviewed }: { reviewId: number; organisation: string; claimReviewed: string }) {
  const [state, formAction] = useFormAction(matchExternalReviewAction);
  return (
    <form action={formAction} aria-label={`Match ${organisation}’s review of ${quoted(claimReviewed)} to a claim`} className="mt-3 max-w-md">
      <FormMessage state={state} />
      <input type="hidden" name="reviewId" value={reviewId} />
      <Field label="Another claim" name="claim" state={state} hint="Its number, or the address of its page here." autoComplete="off" />
      <SubmitButton pendingText="Matching…">Match to this claim</SubmitButton>
    </form>
  );
}
