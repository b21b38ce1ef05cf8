'use client';

import { Fragment } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { useFormKey } from '@/components/forms/use-form-key';
import { DraftRestored } from '@/components/forms/drafts';
import { Field, FormMessage, SelectField } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { TheirVersion, theirRow } from '@/components/forms/their-version';
import { dayValue } from '@/lib/form-fields';
import { RELATIONS, RELATION_LABELS } from '@/lib/vocabulary';
import { saveSourceAction } from './sources-actions';

export type SourceValues = {
  id: number;
  version: number;
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
export function SourceForm({ claimId, source, formKey }: { claimId: number; source?: SourceValues; /** The add form's one-time key (newFormKey). */ formKey?: string }) {
  const draft = `source:${claimId}:${source?.id ?? 'new'}`;
  const [state, formAction] = useFormAction(saveSourceAction, undefined, { draft });
  const key = useFormKey(formKey, state);
  const label = source ? `Edit source ${source.title}` : 'Add a source';
  const theirs = theirRow<{ version: number; url: string; title: string; publisher: string; publishedAt: string | null; relation: string; excerpt: string; note: string }>(state);
  return (
    <form action={formAction} aria-label={label} className="mt-2">
      <FormMessage state={state} />
      <DraftRestored draft={draft} />
      <input type="hidden" name="claimId" value={claimId} />
      {key ? <input type="hidden" name="formKey" value={key} /> : null}
      {theirs ? (
        <TheirVersion
          rows={[
            ['Web address', theirs.url],
            ['Title', theirs.title],
            ['Publisher', theirs.publisher],
            ['Published on', theirs.publishedAt ? dayValue(new Date(theirs.publishedAt)) : ''],
            ['Relation', RELATION_LABELS[theirs.relation as keyof typeof RELATION_LABELS] ?? theirs.relation],
            ['Excerpt', theirs.excerpt],
            ['Note for editors', theirs.note],
          ]}
        />
      ) : null}
      <input type="hidden" name="sourceId" value={source?.id ?? ''} />
      <input type="hidden" name="version" value={theirs?.version ?? source?.version ?? ''} />
      {/* Drawn again with each saved version's values; the form around them stays, with its message. */}
      <Fragment key={source?.version}>
        <Field label="Web address" name="url" type="url" required defaultValue={source?.url} state={state} />
        <Field label="Title" name="title" required defaultValue={source?.title} state={state} />
        <Field label="Publisher" name="publisher" defaultValue={source?.publisher} state={state} />
        <Field label="Published on" name="publishedAt" type="date" defaultValue={source?.publishedAt} state={state} />
        <Field label="Archived copy" name="archivedUrl" type="url" hint="A link to a saved copy, e.g. in a web archive." defaultValue={source?.archivedUrl} state={state} />
        <SelectField label="Relation" name="relation" options={relationOptions} defaultValue={source?.relation ?? 'supports'} state={state} />
        <Field label="Excerpt" name="excerpt" multiline rows={3} hint="The passage of the source that matters." defaultValue={source?.excerpt} state={state} />
        <Field label="Note for editors" name="note" multiline rows={2} defaultValue={source?.note} state={state} />
      </Fragment>
      <SubmitButton>{source ? 'Save source' : 'Add source'}</SubmitButton>
    </form>
  );
}
