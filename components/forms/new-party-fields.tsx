import { Field, SelectField, type FormState } from '@/components/forms/fields';
import { PARTY_KINDS, PARTY_KIND_LABELS } from '@/lib/vocabulary';

const kindOptions = PARTY_KINDS.map((k) => ({ value: k, label: PARTY_KIND_LABELS[k] }));

/**
 * "Or a new party" with the kind the party is made with (lib/form-fields newPartyFields): the claim
 * forms and the response form alike, so no party is made as an organization without the editor seeing it.
 */
export function NewPartyFields({ state, hint }: { state?: FormState; hint: string }) {
  return (
    // Side by side only when the form is wide enough for the kind's longest word: the annotator's panel is narrow on a wide screen.
    <div className="@container">
      <div className="grid gap-x-3 @md:grid-cols-[minmax(0,1fr)_auto]">
        <Field label="Or a new party" name="newPartyName" hint={hint} state={state} autoComplete="off" />
        <SelectField label="Kind of new party" name="newPartyKind" options={kindOptions} defaultValue="organization" state={state} />
      </div>
    </div>
  );
}
