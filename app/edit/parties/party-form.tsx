'use client';

import { useFormAction } from '@/components/forms/use-form-action';
import { Field, FormMessage, SelectField } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { TheirVersion, theirRow } from '@/components/forms/their-version';
import { PARTY_KINDS, PARTY_KIND_LABELS } from '@/lib/vocabulary';
import { savePartyAction } from './actions';

type PartyValues = { id: number; version: number; name: string; kind: string; description: string; url: string };

const kindOptions = PARTY_KINDS.map((k) => ({ value: k, label: PARTY_KIND_LABELS[k] }));

/** Creates a party, or edits one (when `party` is given). */
export function PartyForm({ party }: { party?: PartyValues }) {
  const [state, formAction] = useFormAction(savePartyAction);
  const theirs = theirRow<PartyValues & { url: string | null }>(state);
  return (
    <form action={formAction} aria-label={party ? 'Edit party' : 'New party'} className="panel max-w-lg rounded-lg p-4">
      <FormMessage state={state} />
      {theirs ? (
        <TheirVersion
          rows={[
            ['Name', theirs.name],
            ['Kind', PARTY_KIND_LABELS[theirs.kind as keyof typeof PARTY_KIND_LABELS] ?? theirs.kind],
            ['Description', theirs.description],
            ['Website', theirs.url ?? ''],
          ]}
        />
      ) : null}
      <input type="hidden" name="id" value={party?.id ?? ''} />
      <input type="hidden" name="version" value={theirs?.version ?? party?.version ?? ''} />
      <Field label="Name" name="name" required defaultValue={party?.name} state={state} />
      <SelectField label="Kind" name="kind" options={kindOptions} defaultValue={party?.kind ?? 'organization'} state={state} />
      <Field label="Description" name="description" multiline rows={3} defaultValue={party?.description} state={state} />
      <Field label="Website" name="url" type="url" defaultValue={party?.url} state={state} />
      <SubmitButton>{party ? 'Save party' : 'Create party'}</SubmitButton>
    </form>
  );
}
