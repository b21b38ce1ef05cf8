'use client';

import { useActionState } from 'react';
import { Field, FormMessage } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { createRevisionAction } from './actions';

/** Paste the updated text, or import the article's page again. */
export function RevisionForms({ articleId, body, url }: { articleId: number; body: string; url: string | null }) {
  const [pasted, paste] = useActionState(createRevisionAction, { ok: true });
  const [imported, importPage] = useActionState(createRevisionAction, { ok: true });
  return (
    <div className="space-y-8">
      <form action={paste}>
        <h2 className="mb-2 text-lg font-semibold">Paste the updated text</h2>
        <FormMessage state={pasted} />
        <input type="hidden" name="mode" value="text" />
        <input type="hidden" name="articleId" value={articleId} />
        <Field
          label="Updated text"
          name="body"
          multiline
          rows={20}
          required
          defaultValue={body}
          hint="The article as it reads now; the current text is filled in to edit. Paragraphs are separated by a blank line."
          state={pasted}
        />
        <SubmitButton pendingText="Saving and re-anchoring…">Save revision</SubmitButton>
      </form>
      <form action={importPage} className="panel rounded-lg p-4">
        <h2 className="mb-2 text-lg font-semibold">Or import the article’s page again</h2>
        <FormMessage state={imported} />
        <input type="hidden" name="mode" value="url" />
        <input type="hidden" name="articleId" value={articleId} />
        <Field label="Article address" name="url" type="url" required defaultValue={url ?? ''} state={imported} />
        <SubmitButton pendingText="Importing…">Import from the page</SubmitButton>
      </form>
    </div>
  );
}
