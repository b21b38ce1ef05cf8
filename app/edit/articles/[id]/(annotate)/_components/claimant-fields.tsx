import { useId } from 'react';
import { Field, inputClass, type FormState } from '@/components/forms/fields';
import { PARTY_KINDS, PARTY_KIND_LABELS } from '@/lib/vocabulary';

export type PartyOption = { id: number; name: string };

/** The claimant: choose an existing party, or name a new one (created when the form is saved). */
export function ClaimantFields({ parties, state, partyId }: { parties: PartyOption[]; state?: FormState; partyId?: number | null }) {
  const id = useId();
  const errors = state?.fieldErrors?.claimantPartyId ?? [];
  return (
    <fieldset className="@container mb-4 rounded border border-[var(--rule)] p-3">
      <legend className="px-1 text-sm font-semibold">Claimant</legend>
      <label htmlFor={`${id}-party`} className="block text-sm font-semibold">
        Who made the claim
      </label>
      {/* Keyed by the submitted value so it survives the form reset after a failed save. */}
      <select
        key={state?.values?.claimantPartyId}
        id={`${id}-party`}
        name="claimantPartyId"
        defaultValue={state?.values?.claimantPartyId ?? (partyId ? String(partyId) : '')}
        aria-invalid={errors.length > 0}
        className={inputClass}
      >
        <option value="">Not set</option>
        {parties.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {errors.length ? <p className="mt-1 text-sm text-red-700 dark:text-red-300">{errors.join(' ')}</p> : null}
      {/* Side by side only when the panel is wide enough for the kind's longest word: the annotator's panel is narrow on a wide screen. */}
      <div className="mt-3 grid gap-x-3 @md:grid-cols-[minmax(0,1fr)_auto]">
        <Field label="Or a new party" name="newPartyName" hint="Creates the party, or uses the one already called that, and makes it the claimant." state={state} autoComplete="off" />
        <div className="mb-4">
          <label htmlFor={`${id}-kind`} className="block text-sm font-semibold">
            Kind of new party
          </label>
          <select key={state?.values?.newPartyKind} id={`${id}-kind`} name="newPartyKind" defaultValue={state?.values?.newPartyKind ?? 'organization'} className={inputClass}>
            {PARTY_KINDS.map((k) => (
              <option key={k} value={k}>
                {PARTY_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
      </div>
    </fieldset>
  );
}
