'use client';

import { Fragment } from 'react';
import { useFormAction } from '@/components/forms/use-form-action';
import { useFormKey } from '@/components/forms/use-form-key';
import { DraftRestored } from '@/components/forms/drafts';
import { Field, FormMessage, SelectField } from '@/components/forms/fields';
import { NewPartyFields } from '@/components/forms/new-party-fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { TheirVersion, theirRow } from '@/components/forms/their-version';
import { dayValue } from '@/lib/form-fields';
import { STANCES, STANCE_LABELS } from '@/lib/vocabulary';
import { saveResponseAction } from './responses-actions';

export type ResponseValues = {
  id: number;
  version: number;
  partyId: string;
  stance: string;
  quote: string;
  respondedAt: string;
  sourceUrl: string;
  requestedAt: string;
  deadlineAt: string;
};

const stanceOptions = STANCES.map((s) => ({ value: s, label: STANCE_LABELS[s] }));

/** Records a response or a request for comment, or edits one (when `response` is given). */
export function ResponseForm({
  claimId,
  parties,
  response,
  label,
  formKey,
}: {
  claimId: number;
  parties: { id: number; name: string }[];
  response?: ResponseValues;
  label: string;
  /** The add form's one-time key (newFormKey): sent twice, it adds one response. */
  formKey?: string;
}) {
  const draft = `response:${claimId}:${response?.id ?? 'new'}`;
  const [state, formAction] = useFormAction(saveResponseAction, undefined, { draft });
  const key = useFormKey(formKey, state);
  const partyOptions = parties.map((p) => ({ value: String(p.id), label: p.name }));
  const theirs = theirRow<{ version: number; partyName: string; stance: string | null; quote: string; requestedAt: string | null; deadlineAt: string | null; respondedAt: string | null }>(state);
  const day = (v: string | null) => (v ? dayValue(new Date(v)) : '');
  return (
    <form action={formAction} aria-label={label} className="mt-2">
      <FormMessage state={state} />
      <DraftRestored draft={draft} />
      <input type="hidden" name="claimId" value={claimId} />
      {key ? <input type="hidden" name="formKey" value={key} /> : null}
      {theirs ? (
        <TheirVersion
          rows={[
            ['Party', theirs.partyName],
            ['Stance', theirs.stance ? (STANCE_LABELS[theirs.stance as keyof typeof STANCE_LABELS] ?? theirs.stance) : 'Awaiting reply'],
            ['Quote', theirs.quote],
            ['Responded on', day(theirs.respondedAt)],
            ['Comment requested on', day(theirs.requestedAt)],
            ['Reply deadline', day(theirs.deadlineAt)],
          ]}
        />
      ) : null}
      <input type="hidden" name="responseId" value={response?.id ?? ''} />
      <input type="hidden" name="version" value={theirs?.version ?? response?.version ?? ''} />
      {/* Drawn again with each saved version's values; the form around them stays, with its message. */}
      <Fragment key={response?.version}>
        <SelectField label="Party" name="partyId" options={partyOptions} placeholder="— choose —" defaultValue={response?.partyId ?? ''} state={state} />
        {response ? null : <NewPartyFields state={state} hint="Creates the party, or uses the one already called that." />}
        <fieldset className="mb-4 rounded border border-[var(--rule)] p-3">
          <legend className="px-1 text-sm font-semibold">Right of reply</legend>
          <Field label="Comment requested on" name="requestedAt" type="date" defaultValue={response?.requestedAt} state={state} />
          <Field
            label="Reply deadline"
            name="deadlineAt"
            type="date"
            hint="After this day with no stance recorded, readers see “no response by” this date."
            defaultValue={response?.deadlineAt}
            state={state}
          />
        </fieldset>
        <SelectField
          label="Stance"
          name="stance"
          options={stanceOptions}
          placeholder="— awaiting reply —"
          defaultValue={response?.stance ?? ''}
          state={state}
        />
        <Field label="Quote" name="quote" multiline rows={3} defaultValue={response?.quote} state={state} />
        <Field label="Responded on" name="respondedAt" type="date" defaultValue={response?.respondedAt} state={state} />
        <Field label="Link to the response" name="sourceUrl" type="url" defaultValue={response?.sourceUrl} state={state} />
      </Fragment>
      <SubmitButton>{response ? 'Save response' : 'Add response'}</SubmitButton>
    </form>
  );
}
