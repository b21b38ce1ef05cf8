'use client';

import { useState } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import type { RevisionConflict } from '@/db/queries/revisions';
import { Field, FormMessage, type FormState } from '@/components/forms/fields';
import { sizeCheck } from '@/components/forms/size-check';
import { SubmitButton } from '@/components/forms/submit-button';
import type { ActionState } from '@/lib/server/action';
import { formatDate } from '@/lib/format';
import { ARTICLE_TEXT } from '@/lib/limits';
import { createRevisionAction } from './actions';

/** The revision saved by someone else since the form was opened, when a save was refused for it. */
const conflictOf = (state: ActionState<unknown>) =>
  !state.ok && state.code === 'conflict' ? (state.detail as RevisionConflict | undefined) : undefined;

/**
 * Paste the updated text, or import the article's page again. Both forms carry the
 * revision they were opened on; after a conflict they carry the newer one, so the
 * editor's next save, having seen it, goes through.
 */
export function RevisionForms({ articleId, revisionId, body, url }: { articleId: number; revisionId: number; body: string; url: string | null }) {
  const [pasted, paste] = useFormAction(createRevisionAction);
  const [imported, importPage] = useFormAction(createRevisionAction);
  const conflict = conflictOf(pasted) ?? conflictOf(imported);
  const base = conflict?.revisionId ?? revisionId;
  const [tooLarge, setTooLarge] = useState<FormState | null>(null);
  const pastedState = tooLarge ?? pasted;
  return (
    <div className="space-y-8">
      <form
        action={paste}
        onSubmit={(event) => {
          const over = sizeCheck(new FormData(event.currentTarget), { body: { label: 'Updated text', limit: ARTICLE_TEXT } });
          setTooLarge(over);
          // Not sent: the text stays in the field with its message beside it.
          if (over) event.preventDefault();
        }}
      >
        <h2 className="mb-2 text-lg font-semibold">Paste the updated text</h2>
        <FormMessage state={pastedState} />
        {conflict ? (
          <details open className="panel mb-4 rounded-lg p-3">
            <summary className="cursor-pointer font-semibold">
              The revision saved on {formatDate(new Date(conflict.savedAt))}, as it reads now
            </summary>
            <pre className="mt-2 max-h-80 overflow-auto font-serif text-sm whitespace-pre-wrap">{conflict.body}</pre>
          </details>
        ) : null}
        <input type="hidden" name="mode" value="text" />
        <input type="hidden" name="articleId" value={articleId} />
        <input type="hidden" name="baseRevisionId" value={base} />
        <Field
          label="Updated text"
          name="body"
          multiline
          rows={20}
          required
          defaultValue={body}
          hint="The article as it reads now; the current text is filled in to edit. One line per paragraph, as a page copies, or blank lines between paragraphs."
          state={pastedState}
          dir="auto"
        />
        <SubmitButton pendingText="Saving and re-anchoring…">Save revision</SubmitButton>
      </form>
      <form action={importPage} className="panel rounded-lg p-4">
        <h2 className="mb-2 text-lg font-semibold">Or import the article’s page again</h2>
        <FormMessage state={imported} />
        <input type="hidden" name="mode" value="url" />
        <input type="hidden" name="articleId" value={articleId} />
        <input type="hidden" name="baseRevisionId" value={base} />
        <Field label="Article address" name="url" type="url" required defaultValue={url ?? ''} state={imported} />
        <SubmitButton pendingText="Importing…">Import from the page</SubmitButton>
      </form>
    </div>
  );
}
