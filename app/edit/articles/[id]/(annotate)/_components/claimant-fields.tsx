import { useId } from 'react';
import { inputClass, type FormState } from '@/components/forms/fields';
import { NewPartyFields } from '@/components/forms/new-party-fields';

export type PartyOption = { id: number; name: string };

/** The claimant: choose an existing party, or name a new one (created when the form is saved). */
export function ClaimantFields({ parties, state, partyId }: { parties: PartyOption[]; state?: FormState; partyId?: number | null }) {
  const id = useId();
  const errors = state?.fieldErrors?.claimantPartyId ?? [];
  return (
    <fieldset className="mb-4 rounded border border-[var(--rule)] p-3">
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
      <div className="mt-3">
        <NewPartyFields state={state} hint="Creates the party, or uses the one already called that, and makes it the claimant." />
      </div>
    </fieldset>
  );
}
