'use client';

import { useFormAction } from '@/components/forms/use-form-action';
import { Field, FormMessage } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { importExternalReviewsAction } from './actions';

/** Two ways in: a JSON-LD file from disk, or the address of a feed or review page. */
export function ImportForms() {
  const [fileState, fileAction] = useFormAction(importExternalReviewsAction);
  const [urlState, urlAction] = useFormAction(importExternalReviewsAction);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <form action={fileAction} aria-label="Upload a file" className="panel rounded-lg p-4">
        <h2 className="mb-2 text-lg font-semibold">Upload a file</h2>
        <FormMessage state={fileState} />
        <input type="hidden" name="mode" value="file" />
        <Field
          label="JSON-LD file"
          name="file"
          type="file"
          accept=".json,.jsonld,application/ld+json,application/json"
          hint="One ClaimReview, or a DataFeed of them like our own /feeds/claim-reviews.json. At most 2 MB."
          state={fileState}
        />
        <SubmitButton pendingText="Importing…">Import file</SubmitButton>
      </form>
      <form action={urlAction} aria-label="Import from an address" className="panel rounded-lg p-4">
        <h2 className="mb-2 text-lg font-semibold">Import from an address</h2>
        <FormMessage state={urlState} />
        <input type="hidden" name="mode" value="url" />
        <Field
          label="Feed or review page address"
          name="url"
          type="url"
          hint="A ClaimReview feed, or a fact-check page whose JSON-LD carries its ClaimReview."
          state={urlState}
        />
        <SubmitButton pendingText="Fetching…">Import from address</SubmitButton>
      </form>
    </div>
  );
}
