'use client';

import { useFormAction } from '@/components/forms/use-form-action';
import { Field, FormMessage } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { TheirVersion, theirRow } from '@/components/forms/their-version';
import type { PolicyPage } from '@/lib/policies';
import { savePolicyAction } from '../actions';

/** Edits one policy page's Markdown; each save is a new version readers see at once. */
export function PolicyForm({ page, baseId, body }: { page: PolicyPage; baseId: number; body: string }) {
  const [state, formAction] = useFormAction(savePolicyAction);
  const theirs = theirRow<{ version: number; body: string }>(state);
  return (
    <form action={formAction} aria-label="Edit page" className="panel max-w-3xl rounded-lg p-4">
      <FormMessage state={state} />
      {theirs ? <TheirVersion rows={[['Text', theirs.body]]} /> : null}
      <input type="hidden" name="page" value={page} />
      <input type="hidden" name="baseId" value={theirs?.version ?? baseId} />
      <Field
        label="Text (Markdown)"
        name="body"
        multiline
        rows={22}
        required
        defaultValue={body}
        hint="## for a heading, - for a list, [words](https://…) for a link. HTML is shown as typed, not run; pictures only from this site."
        state={state}
      />
      <Field label="What changed (shown in the page’s history)" name="note" defaultValue="" state={state} />
      <SubmitButton>Publish this version</SubmitButton>
    </form>
  );
}
