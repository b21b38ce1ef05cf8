'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SelectField } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { RELATIONS, RELATION_LABELS } from '@/lib/vocabulary';
import { saveSourceAction } from './sources-actions';

export type SourceValues = {
  id: number;
  url: string;
  title: string;
  publisher: string;
  publishedAt: string;
  archivedUrl: string;
  relation: string;
  excerpt: string;
  note: string;
};

const relationOptions = RELATIONS.map((r) => ({ value: r, label: RELATION_LABELS[r] }));

/** Adds a source to a claim, or edits how the claim cites one (when `source` is given). */
export function SourceForm({ claimId, source }: { claimId: number; source?: SourceValues }) {
  const [state, formAction] = useActionState(saveSourceAction, { ok: true });
  const label = source ? `Edit source ${source.title}` : 'Add a source';
  return (
    <form action={formAction} aria-label={label} className="mt-2">
      <FormMessage state={state} />
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="sourceId" value={source?.id ?? ''} />
      <Field label="Web address" name="url" type="url" required defaultValue={source?.url} state={state} />
      <Field label="Title" name="title" required defaultValue={source?.title} state={state} />
      <Field label="Publisher" name="publisher" defaultValue={source?.publisher} state={state} />
      <Field label="Published on" name="publishedAt" type="date" defaultValue={source?.publishedAt} state={state} />
      <Field label="Archived copy" name="archivedUrl" type="url" hint="A link to a saved copy, e.g. in a web archive." defaultValue={source?.archivedUrl} state={state} />
      <SelectField label="Relation" name="relation" options={relationOptions} defaultValue={source?.relation ?? 'supports'} state={state} />
      <Field label="Excerpt" name="excerpt" multiline rows={3} hint="The passage of the source that matters." defaultValue={source?.excerpt} state={state} />
      <Field label="Note for editors" name="note" multiline rows={2} defaultValue={source?.note} state={state} />
      <SubmitButton>{source ? 'Save source' : 'Add source'}</SubmitButton>
    </form>
  );
}
